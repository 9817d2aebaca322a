package cn.zhiben.org.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.SpecialOperation;
import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.platform.crypto.Masking;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** Enterprises: read within the caller's data scope, create and edit with validation, scope checks and audit. */
@Service
public class EnterpriseService {

    public static final int MAX_PAGE_SIZE = 200;
    public static final String ENTITY = "enterprise";

    private final EnterpriseRepository repository;
    private final RegionCatalog regions;
    private final IndustryCatalog industries;
    private final FieldEncryptor encryptor;
    private final AuditLog audit;
    private final Clock clock;

    EnterpriseService(EnterpriseRepository repository, RegionCatalog regions, IndustryCatalog industries,
                      FieldEncryptor encryptor, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.regions = regions;
        this.industries = industries;
        this.encryptor = encryptor;
        this.audit = audit;
        this.clock = clock;
    }

    public EnterpriseReference reference() {
        return new EnterpriseReference(regions.all(), industries.all());
    }

    @Transactional(readOnly = true)
    public PageResult<EnterpriseView> search(CurrentUser user, EnterpriseCriteria criteria, int page, int size, String sort) {
        if (page < 0) {
            throw invalidParameter("page", "页码不能小于 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw invalidParameter("size", "每页条数应在 1～" + MAX_PAGE_SIZE + " 之间");
        }
        String orderBy = orderBy(sort);
        EnterpriseReference ref = reference();
        long total = repository.count(criteria, user.scope());
        List<EnterpriseView> items = repository.search(criteria, user.scope(), page, size, orderBy).stream()
                .map(r -> EnterpriseView.of(r, ref)).toList();
        return new PageResult<>(items, total, page, size);
    }

    /** "name", "-name", "name,desc" → an ORDER BY clause over whitelisted columns, stable by id. */
    static String orderBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return "e.name, e.id";
        }
        String s = sort.trim();
        boolean desc = false;
        if (s.startsWith("-")) {
            desc = true;
            s = s.substring(1);
        }
        int comma = s.indexOf(',');
        if (comma >= 0) {
            String dir = s.substring(comma + 1).trim().toLowerCase();
            s = s.substring(0, comma).trim();
            if (dir.equals("desc")) {
                desc = true;
            } else if (!dir.equals("asc")) {
                throw invalidParameter("sort", "排序方向只能是 asc 或 desc");
            }
        }
        String column = EnterpriseRepository.SORTABLE.get(s);
        if (column == null) {
            throw invalidParameter("sort", "不能按“" + s + "”排序，可用：" + String.join("、", EnterpriseRepository.SORTABLE.keySet().stream().sorted().toList()));
        }
        return column + (desc ? " desc" : "") + ", e.id";
    }

    private static ProblemException invalidParameter(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", message,
                List.of(new ProblemException.FieldProblem(field, message)));
    }

    @Transactional(readOnly = true)
    public EnterpriseView get(CurrentUser user, UUID id) {
        return EnterpriseView.of(load(user.scope(), id), reference());
    }

    @Transactional(readOnly = true)
    public long count(DataScope scope, EnterpriseCriteria criteria) {
        return repository.count(criteria, scope);
    }

    public Map<String, Long> countByStatus(DataScope scope) {
        return repository.countByStatus(scope);
    }

    private EnterpriseRow load(DataScope scope, UUID id) {
        return repository.find(id, scope).orElseThrow(EnterpriseService::notFound);
    }

    static ProblemException notFound() {
        return ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在或不在您的数据范围内");
    }

    /** Full mobile numbers, for holders of PII_READ inside their scope; every view is audited. */
    public record Contacts(UUID enterpriseId, String principalName, String principalMobile, String controllerName,
                           String controllerMobile) {
    }

    @Transactional
    public Contacts contacts(CurrentUser user, UUID id) {
        if (!user.can(Permission.PII_READ)) {
            throw ProblemException.forbidden("PII_READ_REQUIRED", "当前账号无权查看完整联系方式");
        }
        EnterpriseRow r = load(user.scope(), id);
        List<String> fields = new ArrayList<>(List.of("principalMobile"));
        if (r.controllerMobileEnc() != null) {
            fields.add("controllerMobile");
        }
        audit.record(AuditEntry.success(AuditAction.VIEW_PERSONAL_DATA, ENTITY, r.id(),
                Map.of("enterprise", r.name(), "fields", fields)));
        return new Contacts(r.id(), r.principalName(), encryptor.decrypt(r.principalMobileEnc()), r.controllerName(),
                r.controllerMobileEnc() == null ? null : encryptor.decrypt(r.controllerMobileEnc()));
    }

    /**
     * Whether the user may register enterprises at all: government accounts with the right may, inside their scope; an
     * enterprise account only keeps its own record. Asked before the form is shown or read.
     */
    public boolean mayCreate(CurrentUser user) {
        return user.can(Permission.ENTERPRISE_WRITE) && user.scope().enterpriseId() == null;
    }

    public void requireMayCreate(CurrentUser user) {
        if (!mayCreate(user)) {
            throw ProblemException.forbidden("ENTERPRISE_CREATE_FORBIDDEN", "当前账号不能登记企业");
        }
    }

    @Transactional
    public EnterpriseView create(CurrentUser user, EnterpriseDraft draft) {
        requireMayCreate(user);
        EnterpriseReference ref = reference();
        EnterpriseData data = validOrThrow(EnterpriseValidator.validate(draft, ref), List.of());
        if (!user.scope().covers(null, data.regionCode(), data.zoneCode(), data.industryCode())) {
            throw ProblemException.forbidden("ENTERPRISE_OUT_OF_SCOPE", "不能在您的数据范围之外新增企业（所在乡镇或行业领域超出范围）");
        }
        if (repository.usccTaken(data.uscc(), null)) {
            throw usccTaken();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        EnterpriseRow row = toRow(UUID.randomUUID(), data, false, 0, now, user.username(), now, user.username());
        try {
            repository.insert(row);
        } catch (DuplicateKeyException e) {
            throw usccTaken();
        }
        audit.record(AuditEntry.success(AuditAction.CREATE, ENTITY, row.id(), AuditLog.diff(null, snapshot(row, null))));
        return EnterpriseView.of(row, ref);
    }

    @Transactional
    public EnterpriseView update(CurrentUser user, UUID id, EnterpriseDraft draft, Integer version) {
        EnterpriseRow existing = load(user.scope(), id);
        EnterpriseReference ref = reference();
        boolean enterpriseAccount = user.scope().enterpriseId() != null;
        if (enterpriseAccount) {
            lockedFieldsUnchanged(existing, draft, ref);
            draft = draft.withLocked(existing.uscc(), existing.regionCode(), existing.zoneCode(), existing.industryCode(),
                    existing.status().name(), existing.grade().name());
        }
        draft = keepStoredMobiles(existing, draft);
        List<EnterpriseValidator.Problem> extra = version == null
                ? List.of(new EnterpriseValidator.Problem(null, "VALIDATION_FAILED", "version 不能为空：请提交读取时的版本号"))
                : List.of();
        EnterpriseData data = validOrThrow(EnterpriseValidator.validate(draft, ref), extra);
        if (!user.scope().covers(existing.id(), data.regionCode(), data.zoneCode(), data.industryCode())) {
            throw ProblemException.forbidden("ENTERPRISE_OUT_OF_SCOPE", "不能把企业移出您的数据范围（所在乡镇或行业领域超出范围）");
        }
        if (existing.version() != version) {
            throw concurrentModification();
        }
        if (!data.uscc().equals(existing.uscc()) && repository.usccTaken(data.uscc(), existing.id())) {
            throw usccTaken();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        EnterpriseRow row = toRow(existing.id(), data, existing.demo(), existing.version() + 1, existing.createdAt(),
                existing.createdBy(), now, user.username());
        // unchanged numbers keep their ciphertext, so an edit of the name does not rewrite personal data
        row = reuseCiphertext(existing, row, data);
        boolean updated;
        try {
            updated = repository.update(row, version);
        } catch (DuplicateKeyException e) {
            throw usccTaken();
        }
        if (!updated) {
            throw concurrentModification();
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, ENTITY, row.id(),
                AuditLog.diff(snapshot(existing, null), snapshot(row, existing))));
        return EnterpriseView.of(row, ref);
    }

    private void lockedFieldsUnchanged(EnterpriseRow existing, EnterpriseDraft draft, EnterpriseReference ref) {
        List<String> changed = new ArrayList<>();
        if (draft.uscc() != null && !draft.uscc().strip().equals(existing.uscc())) {
            changed.add("统一社会信用代码");
        }
        if (draft.regionCode() != null && !resolvesTo(ref.resolveRegion(draft.regionCode()), existing.regionCode())) {
            changed.add("所在乡镇（街道）");
        }
        String zone = EnterpriseValidator.trim(draft.zoneCode());
        if (draft.zoneCode() != null && !(zone == null ? existing.zoneCode() == null : resolvesTo(ref.resolveRegion(zone), existing.zoneCode()))) {
            changed.add("所属园区");
        }
        if (draft.industryCode() != null && !Objects.equals(ref.resolveIndustry(draft.industryCode()).value() == null ? null
                : ref.resolveIndustry(draft.industryCode()).value().code(), existing.industryCode())) {
            changed.add("行业领域");
        }
        // set by the authorities, not by the enterprise (issue 9 item 2): 停产停业整顿 and 关闭 are ordered by the supervising
        // department or the government (《安全生产法》第六十五条第一款第（三）项、第一百一十三条); the standardization grade is
        // awarded by the grading department (《企业安全生产标准化建设定级办法》，应急〔2021〕83号)
        String status = EnterpriseValidator.trim(draft.status());
        if (status != null && EnterpriseStatus.parse(status).filter(s -> s == existing.status()).isEmpty()) {
            changed.add("生产经营状态");
        }
        String grade = EnterpriseValidator.trim(draft.standardizationGrade());
        if (grade != null && StandardizationGrade.parse(grade).filter(g -> g == existing.grade()).isEmpty()) {
            changed.add("标准化等级");
        }
        if (!changed.isEmpty()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "ENTERPRISE_FIELD_LOCKED",
                    "企业账号不能修改" + String.join("、", changed) + "，如需变更请联系属地监管部门",
                    changed.stream().map(c -> new ProblemException.FieldProblem(fieldOf(c), "企业账号不能修改")).toList());
        }
    }

    private static String fieldOf(String label) {
        for (EnterpriseField f : EnterpriseField.values()) {
            if (f.label().equals(label)) {
                return f.property();
            }
        }
        return label;
    }

    private static boolean resolvesTo(EnterpriseReference.Resolved<cn.zhiben.org.Region> r, String code) {
        return r.found() && r.value().code().equals(code);
    }

    /** A blank mobile number in an update means "unchanged"; a blank controller name removes the controller. */
    private EnterpriseDraft keepStoredMobiles(EnterpriseRow existing, EnterpriseDraft draft) {
        String principal = EnterpriseValidator.trim(draft.principalMobile()) != null ? draft.principalMobile()
                : encryptor.decrypt(existing.principalMobileEnc());
        String controller = draft.controllerMobile();
        if (EnterpriseValidator.trim(draft.controllerName()) == null) {
            controller = EnterpriseValidator.trim(controller) == null ? null : controller;
        } else if (EnterpriseValidator.trim(controller) == null && existing.controllerMobileEnc() != null) {
            controller = encryptor.decrypt(existing.controllerMobileEnc());
        }
        return draft.withMobiles(principal, controller);
    }

    private EnterpriseRow reuseCiphertext(EnterpriseRow existing, EnterpriseRow row, EnterpriseData data) {
        String pEnc = data.principalMobile().equals(encryptor.decrypt(existing.principalMobileEnc()))
                ? existing.principalMobileEnc() : row.principalMobileEnc();
        String cEnc = row.controllerMobileEnc();
        if (data.controllerMobile() != null && existing.controllerMobileEnc() != null
                && data.controllerMobile().equals(encryptor.decrypt(existing.controllerMobileEnc()))) {
            cEnc = existing.controllerMobileEnc();
        }
        return new EnterpriseRow(row.id(), row.name(), row.uscc(), row.regionCode(), row.zoneCode(), row.industryCode(),
                row.scale(), row.status(), row.grade(), row.address(), row.longitude(), row.latitude(), row.principalName(),
                pEnc, row.principalMobileMask(), row.controllerName(), cEnc, row.controllerMobileMask(),
                row.specialOperations(), row.demo(), row.version(), row.createdAt(), row.createdBy(), row.updatedAt(), row.updatedBy());
    }

    EnterpriseRow toRow(UUID id, EnterpriseData d, boolean demo, int version, Instant createdAt, String createdBy,
                        Instant updatedAt, String updatedBy) {
        return new EnterpriseRow(id, d.name(), d.uscc(), d.regionCode(), d.zoneCode(), d.industryCode(), d.scale(),
                d.status(), d.grade(), d.address(), d.longitude(), d.latitude(), d.principalName(),
                encryptor.encrypt(d.principalMobile()), Masking.mobile(d.principalMobile()), d.controllerName(),
                encryptor.encrypt(d.controllerMobile()), Masking.mobile(d.controllerMobile()), d.specialOperations(),
                demo, version, createdAt, createdBy, updatedAt, updatedBy);
    }

    /**
     * What the audit log keeps of an enterprise: every field, mobile numbers masked. When a number changed but its
     * mask did not, the mask is marked so the diff still shows the change.
     */
    Map<String, Object> snapshot(EnterpriseRow r, EnterpriseRow before) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("uscc", r.uscc());
        m.put("regionCode", r.regionCode());
        m.put("zoneCode", r.zoneCode());
        m.put("industryCode", r.industryCode());
        m.put("scale", r.scale().name());
        m.put("status", r.status().name());
        m.put("standardizationGrade", r.grade().name());
        m.put("address", r.address());
        m.put("longitude", r.longitude() == null ? null : r.longitude().toPlainString());
        m.put("latitude", r.latitude() == null ? null : r.latitude().toPlainString());
        m.put("principalName", r.principalName());
        m.put("principalMobile", maskedChange(r.principalMobileMask(), r.principalMobileEnc(),
                before == null ? null : before.principalMobileMask(), before == null ? null : before.principalMobileEnc()));
        m.put("controllerName", r.controllerName());
        m.put("controllerMobile", maskedChange(r.controllerMobileMask(), r.controllerMobileEnc(),
                before == null ? null : before.controllerMobileMask(), before == null ? null : before.controllerMobileEnc()));
        m.put("specialOperations", r.specialOperations().stream().map(SpecialOperation::name).collect(Collectors.joining(",")));
        return m;
    }

    private static String maskedChange(String mask, String enc, String beforeMask, String beforeEnc) {
        if (mask != null && mask.equals(beforeMask) && !Objects.equals(enc, beforeEnc)) {
            return mask + "（号码已变更）";
        }
        return mask;
    }

    static EnterpriseData validOrThrow(EnterpriseValidator.Result result, List<EnterpriseValidator.Problem> extra) {
        List<EnterpriseValidator.Problem> problems = new ArrayList<>(result.problems());
        problems.addAll(extra);
        if (problems.isEmpty()) {
            return result.data();
        }
        throw validationFailed(problems);
    }

    static ProblemException validationFailed(List<EnterpriseValidator.Problem> problems) {
        String code = problems.size() == 1 ? problems.get(0).code() : "VALIDATION_FAILED";
        List<ProblemException.FieldProblem> errors = problems.stream()
                .map(p -> new ProblemException.FieldProblem(p.field() == null ? "version" : p.field().property(), p.message()))
                .toList();
        String summary = problems.size() == 1 ? problems.get(0).message()
                : "有 " + problems.size() + " 处填写有误：" + problems.stream().map(EnterpriseValidator.Problem::message)
                .collect(Collectors.joining("；"));
        return new ProblemException(HttpStatus.BAD_REQUEST, code, summary, errors);
    }

    static ProblemException usccTaken() {
        return ProblemException.conflict("ENTERPRISE_USCC_TAKEN", "该统一社会信用代码已登记为其他企业");
    }

    static ProblemException concurrentModification() {
        return ProblemException.conflict("CONCURRENT_MODIFICATION", "企业信息已被他人修改，请刷新后在最新版本上重新修改");
    }

    /** Home-page figures of the user's scope. */
    public record Figures(long total, long suspendedForRectification) {
    }

    @Transactional(readOnly = true)
    public Figures figures(DataScope scope) {
        Map<String, Long> byStatus = repository.countByStatus(scope);
        return new Figures(byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus.getOrDefault(EnterpriseStatus.SUSPENDED_FOR_RECTIFICATION.name(), 0L));
    }
}
