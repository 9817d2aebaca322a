package cn.zhiben.people.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.notifications.Notifier;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.people.PeopleEvents;
import cn.zhiben.people.ResidentIdNumber;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.platform.crypto.Masking;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The personnel register: persons (one per ID number, across enterprises) and their employments. Personal data are
 * encrypted at rest and masked everywhere but the audited identity view.
 */
@Service
public class RegisterService {

    public static final int MAX_PAGE_SIZE = 200;
    static final String PERSON = "person";
    static final String EMPLOYMENT = "employment";

    private final RegisterRepository repository;
    private final ReferenceData reference;
    private final ScopedEnterprises enterprises;
    private final DutyCheck duties;
    private final FieldEncryptor crypto;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Notifier notifier;
    private final AccountDirectory accounts;
    private final Clock clock;

    RegisterService(RegisterRepository repository, ReferenceData reference, ScopedEnterprises enterprises, DutyCheck duties,
                    FieldEncryptor crypto, AuditLog audit, ApplicationEventPublisher events, Notifier notifier,
                    AccountDirectory accounts, Clock clock) {
        this.repository = repository;
        this.reference = reference;
        this.enterprises = enterprises;
        this.duties = duties;
        this.crypto = crypto;
        this.audit = audit;
        this.events = events;
        this.notifier = notifier;
        this.accounts = accounts;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------- input

    /** A new person (or a known one, by ID number) with an employment at an enterprise. */
    public record NewPerson(String name, String idNumber, String mobile, UUID enterpriseId, List<String> roles,
                            String employmentType, String post, String postKind, String operationType, LocalDate startedOn) {
    }

    public record EmploymentInput(List<String> roles, String employmentType, String post, String postKind,
                                  String operationType, LocalDate startedOn, Integer version) {
    }

    public record PersonEdit(String name, String mobile, Integer version) {
    }

    public record EndInput(LocalDate endedOn, String reason, Integer version) {
    }

    /** What a row of an import or a form amounts to once checked. */
    record ValidPerson(String name, String idNumber, String mobile) {
    }

    record ValidEmployment(Set<PersonRole> roles, EmploymentType type, String post, ReferenceData.PostKind postKind,
                           ReferenceData.CertificateType operationType, LocalDate startedOn) {
    }

    ValidPerson checkPerson(Check c, String name, String idNumber, String mobile) {
        String n = c.personName("name", name);
        String id = ResidentIdNumber.normalise(idNumber);
        ResidentIdNumber.validate(id, today()).ifPresent(m -> c.add("idNumber", m));
        String m = c.phone("mobile", mobile);
        return new ValidPerson(n, id, m);
    }

    ValidEmployment checkEmployment(Check c, EnterpriseRef enterprise, List<String> roles, String employmentType, String post,
                                    String postKind, String operationType, LocalDate startedOn, String idNumber) {
        Set<PersonRole> rs = EnumSet.noneOf(PersonRole.class);
        if (roles == null || roles.stream().allMatch(r -> r == null || r.isBlank())) {
            c.add("roles", "请至少选择一个人员类别");
        } else {
            for (String r : roles) {
                if (r == null || r.isBlank()) {
                    continue;
                }
                Labels.parse(PersonRole.class, r).ifPresentOrElse(rs::add, () -> c.add("roles", "人员类别“" + r + "”无效"));
            }
        }
        EmploymentType type = Labels.parse(EmploymentType.class, employmentType).orElse(null);
        if (type == null) {
            c.add("employmentType", employmentType == null || employmentType.isBlank() ? "用工形式不能为空" : "用工形式“" + employmentType + "”无效");
        }
        String p = c.optional("post", "岗位", post, 100);
        ReferenceData.PostKind kind = reference.postKind(postKind == null || postKind.isBlank() ? "GENERAL" : postKind).orElse(null);
        if (kind == null) {
            c.add("postKind", "岗位类别“" + postKind + "”无效");
        } else if (enterprise != null && !kind.appliesTo(enterprise.industryCode())) {
            c.add("postKind", "“" + kind.name() + "”不适用于该企业的行业领域");
        }
        ReferenceData.CertificateType op = null;
        if (operationType != null && !operationType.isBlank()) {
            op = reference.certificateType(operationType).filter(ReferenceData.CertificateType::specialOperation).orElse(null);
            if (op == null) {
                c.add("operationType", "特种作业类别“" + operationType + "”无效");
            } else if (!rs.contains(PersonRole.SPECIAL_OPERATOR)) {
                c.add("operationType", "只有特种作业人员填写特种作业类别");
            }
        }
        c.notNull("startedOn", "入职（上岗）日期", startedOn);
        c.sane("startedOn", "入职（上岗）日期", startedOn);
        c.notAfter("startedOn", "入职（上岗）日期", startedOn, today());
        // 特种作业人员 must be at least 18 (原总局令第30号, 申请条件 [P])
        if (rs.contains(PersonRole.SPECIAL_OPERATOR) && idNumber != null && ResidentIdNumber.isValid(idNumber, today())
                && ResidentIdNumber.age(idNumber, today()) < 18) {
            c.add("roles", "特种作业人员应年满 18 周岁（特种作业人员安全技术培训考核管理规定）");
        }
        return new ValidEmployment(rs, type, p, kind, op, startedOn);
    }

    // ---------------------------------------------------------------- writes

    /** Registers a person at an enterprise; a person already known by the ID number gets a new employment. */
    @Transactional
    public UUID register(CurrentUser user, NewPerson in) {
        PeopleRules.requireKeepsRecords(user);
        EnterpriseRef enterprise = enterprises.require(user, in.enterpriseId());
        Check c = new Check();
        ValidPerson p = checkPerson(c, in.name(), in.idNumber(), in.mobile());
        ValidEmployment e = checkEmployment(c, enterprise, in.roles(), in.employmentType(), in.post(), in.postKind(),
                in.operationType(), in.startedOn(), p.idNumber());
        c.orThrow();
        // a person registered at a demo enterprise is demo data (shown with the 演示 mark)
        return register(user, enterprise, p, e, enterprise.demo()).id();
    }

    /** Used by the form, the import and demo data; the caller has checked the input and the enterprise's scope. */
    RegisterRepository.EmploymentRow register(CurrentUser user, EnterpriseRef enterprise, ValidPerson p, ValidEmployment e,
                                              boolean demo) {
        Instant now = now();
        String digest = crypto.digest(p.idNumber());
        RegisterRepository.PersonRow person = repository.personByDigest(digest).orElse(null);
        if (person == null) {
            person = new RegisterRepository.PersonRow(UUID.randomUUID(), p.name(), crypto.encrypt(p.idNumber()),
                    Masking.idNumber(p.idNumber()), digest, crypto.encrypt(p.mobile()), Masking.mobile(p.mobile()), demo, 0,
                    now, user.username(), now, user.username());
            try {
                repository.insertPerson(person);
            } catch (DuplicateKeyException ex) {
                throw ProblemException.conflict("PERSON_REGISTERED_MEANWHILE", "该身份证号刚被登记，请重试");
            }
            audit.record(AuditEntry.success(AuditAction.CREATE, PERSON, person.id(), AuditLog.diff(null, snapshot(person))));
        } else {
            if (!person.name().equals(p.name())) {
                throw new ProblemException(HttpStatus.CONFLICT, "PERSON_NAME_MISMATCH",
                        "该身份证号已登记，但姓名不一致（已登记为“" + PeopleMasks.name(person.name()) + "”），请核对身份证",
                        List.of(new ProblemException.FieldProblem("name", "与该身份证号已登记的姓名不一致")));
            }
            if (repository.openEmploymentExists(person.id(), enterprise.id())) {
                throw ProblemException.conflict("EMPLOYMENT_EXISTS", "该人员已在本企业在册，如需变更请修改其在岗信息");
            }
        }
        RegisterRepository.EmploymentRow row = new RegisterRepository.EmploymentRow(UUID.randomUUID(), person.id(),
                enterprise.id(), enterprise.name(), enterprise.regionCode(), enterprise.zoneCode(), enterprise.industryCode(),
                e.roles(), e.type(), e.post(), e.postKind().code(), e.operationType() == null ? null : e.operationType().code(),
                e.startedOn(), null, null, demo, 0, now, user.username(), now, user.username());
        try {
            repository.insertEmployment(row);
        } catch (DuplicateKeyException ex) {
            throw ProblemException.conflict("EMPLOYMENT_EXISTS", "该人员已在本企业在册，如需变更请修改其在岗信息");
        }
        audit.record(AuditEntry.success(AuditAction.CREATE, EMPLOYMENT, row.id(),
                AuditLog.diff(null, snapshot(row, person.name()))));
        flagForbiddenPost(row, null);
        return row;
    }

    @Transactional
    public void updateEmployment(CurrentUser user, UUID employmentId, EmploymentInput in) {
        PeopleRules.requireKeepsRecords(user);
        RegisterRepository.EmploymentRow existing = loadEmployment(user, employmentId);
        RegisterRepository.PersonRow person = repository.person(existing.personId()).orElseThrow();
        Check c = new Check();
        EnterpriseRef place = new EnterpriseRef(existing.enterpriseId(), existing.enterpriseName(), null, existing.regionCode(),
                existing.zoneCode(), existing.industryCode(), existing.demo());
        ValidEmployment e = checkEmployment(c, place, in.roles(), in.employmentType(), in.post(), in.postKind(),
                in.operationType(), in.startedOn(), crypto.decrypt(person.idNumberEnc()));
        c.notNull("version", "版本号", in.version());
        if (e.startedOn() != null && existing.endedOn() != null && e.startedOn().isAfter(existing.endedOn())) {
            c.add("startedOn", "入职日期不能晚于离职日期");
        }
        c.orThrow();
        if (existing.version() != in.version()) {
            throw stale();
        }
        Instant now = now();
        RegisterRepository.EmploymentRow row = new RegisterRepository.EmploymentRow(existing.id(), existing.personId(),
                existing.enterpriseId(), existing.enterpriseName(), existing.regionCode(), existing.zoneCode(),
                existing.industryCode(), e.roles(), e.type(), e.post(), e.postKind().code(),
                e.operationType() == null ? null : e.operationType().code(), e.startedOn(), existing.endedOn(),
                existing.endReason(), existing.demo(), existing.version() + 1, existing.createdAt(), existing.createdBy(),
                now, user.username());
        if (!repository.updateEmployment(row, in.version())) {
            throw stale();
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, EMPLOYMENT, row.id(),
                AuditLog.diff(snapshot(existing, person.name()), snapshot(row, person.name()))));
        flagForbiddenPost(row, existing);
    }

    /** The person left the enterprise (离职、调离): the employment ends on the day given, its last day. */
    @Transactional
    public void endEmployment(CurrentUser user, UUID employmentId, EndInput in) {
        PeopleRules.requireKeepsRecords(user);
        RegisterRepository.EmploymentRow existing = loadEmployment(user, employmentId);
        Check c = new Check();
        c.notNull("endedOn", "离职日期", in.endedOn());
        c.notAfter("endedOn", "离职日期", in.endedOn(), today());
        String reason = c.required("reason", "离职原因", in.reason(), 200);
        c.notNull("version", "版本号", in.version());
        if (in.endedOn() != null && in.endedOn().isBefore(existing.startedOn())) {
            c.add("endedOn", "离职日期不能早于入职日期 " + existing.startedOn());
        }
        c.orThrow();
        if (existing.endedOn() != null) {
            throw ProblemException.conflict("EMPLOYMENT_ENDED", "该人员已于 " + existing.endedOn() + " 离职");
        }
        if (existing.version() != in.version()) {
            throw stale();
        }
        Instant now = now();
        RegisterRepository.EmploymentRow row = new RegisterRepository.EmploymentRow(existing.id(), existing.personId(),
                existing.enterpriseId(), existing.enterpriseName(), existing.regionCode(), existing.zoneCode(),
                existing.industryCode(), existing.roles(), existing.type(), existing.post(), existing.postKind(),
                existing.operationType(), existing.startedOn(), in.endedOn(), reason, existing.demo(),
                existing.version() + 1, existing.createdAt(), existing.createdBy(), now, user.username());
        if (!repository.updateEmployment(row, in.version())) {
            throw stale();
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, EMPLOYMENT, row.id(),
                Map.of("endedOn", List.of("", in.endedOn().toString()), "reason", reason)));
    }

    /** Corrects the name or changes the mobile number (a blank mobile number keeps the stored one). */
    @Transactional
    public void updatePerson(CurrentUser user, UUID personId, PersonEdit in) {
        PeopleRules.requireKeepsRecords(user);
        RegisterRepository.PersonRow existing = repository.personInScope(personId, user.scope()).orElseThrow(RegisterService::personNotFound);
        Check c = new Check();
        String name = c.personName("name", in.name());
        String mobile = c.phone("mobile", in.mobile());
        c.notNull("version", "版本号", in.version());
        c.orThrow();
        if (existing.version() != in.version()) {
            throw stale();
        }
        String mEnc = existing.mobileEnc();
        String mMask = existing.mobileMask();
        if (mobile != null && (existing.mobileEnc() == null || !mobile.equals(crypto.decrypt(existing.mobileEnc())))) {
            mEnc = crypto.encrypt(mobile);
            mMask = Masking.mobile(mobile);
        }
        Instant now = now();
        if (!repository.updatePerson(personId, in.version(), name, mEnc, mMask, now, user.username())) {
            throw stale();
        }
        Map<String, Object> before = snapshot(existing);
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("name", PeopleMasks.name(name));
        after.put("mobile", mMask);
        if (!java.util.Objects.equals(mEnc, existing.mobileEnc()) && java.util.Objects.equals(mMask, existing.mobileMask())) {
            after.put("mobile", mMask + "（已更换）");
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, PERSON, personId, AuditLog.diff(before, after)));
    }

    // ---------------------------------------------------------------- reads

    public record Option(String code, String label) {
    }

    /** A register row as users see it: numbers masked, labels resolved, duties checked for today. */
    public record EntryView(UUID employmentId, UUID personId, String name, String idNumber, String mobile,
                            UUID enterpriseId, String enterpriseName, String regionCode, String industryCode,
                            List<Option> roles, Option employmentType, String post, Option postKind, Option operationType,
                            LocalDate startedOn, LocalDate endedOn, String endReason, boolean active, boolean onDuty,
                            boolean offPost, List<String> certificateGaps, String forbiddenPost, boolean demo, int version) {
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    @Transactional(readOnly = true)
    public Page<EntryView> search(CurrentUser user, RegisterRepository.Criteria criteria, int page, int size) {
        require(PeopleRules.reads(user));
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "页码不能小于 0，每页条数应在 1～" + MAX_PAGE_SIZE + " 之间");
        }
        List<RegisterRepository.Entry> rows = repository.search(criteria, user.scope(), page, size);
        long total = repository.count(criteria, user.scope());
        return new Page<>(views(rows), total, page, size);
    }

    List<EntryView> views(List<RegisterRepository.Entry> rows) {
        LocalDate today = today();
        Map<UUID, DutyCheck.Status> status = duties.of(rows.stream().map(RegisterRepository.Entry::employment).toList(), today);
        Map<String, ReferenceData.CertificateType> types = reference.certificateTypesByCode();
        Map<String, ReferenceData.PostKind> posts = new LinkedHashMap<>();
        reference.postKinds().forEach(p -> posts.put(p.code(), p));
        List<EntryView> out = new ArrayList<>();
        for (RegisterRepository.Entry r : rows) {
            out.add(view(r, status.get(r.employment().id()), types, posts));
        }
        return out;
    }

    static EntryView view(RegisterRepository.Entry r, DutyCheck.Status s, Map<String, ReferenceData.CertificateType> types,
                          Map<String, ReferenceData.PostKind> posts) {
        RegisterRepository.EmploymentRow e = r.employment();
        ReferenceData.CertificateType op = e.operationType() == null ? null : types.get(e.operationType());
        ReferenceData.PostKind post = posts.get(e.postKind());
        return new EntryView(e.id(), e.personId(), r.name(), r.idNumberMask(), r.mobileMask(), e.enterpriseId(),
                e.enterpriseName(), e.regionCode(), e.industryCode(),
                e.roles().stream().map(x -> new Option(x.name(), x.label())).toList(),
                new Option(e.type().name(), e.type().label()), e.post(),
                new Option(e.postKind(), post == null ? e.postKind() : post.name()),
                op == null ? null : new Option(op.code(), op.name()), e.startedOn(), e.endedOn(), e.endReason(),
                s.active(), s.onDuty(), s.offPost(), s.active() ? s.gaps().stream().map(Duties.Gap::label).toList() : List.of(),
                s.active() && s.forbiddenPost() != null ? s.forbiddenPost().name() + "不得使用" + e.type().label() + "人员" : null,
                e.demo(), e.version());
    }

    RegisterRepository.EmploymentRow loadEmployment(CurrentUser user, UUID id) {
        return repository.employmentInScope(id, user.scope())
                .orElseThrow(() -> ProblemException.notFound("EMPLOYMENT_NOT_FOUND", "在岗记录不存在或不在您的数据范围内"));
    }

    public RegisterRepository.PersonRow loadPerson(CurrentUser user, UUID personId) {
        require(PeopleRules.reads(user));
        return repository.personInScope(personId, user.scope()).orElseThrow(RegisterService::personNotFound);
    }

    /** A person as users see them: masked numbers, the employments inside the caller's scope (history included). */
    public record PersonView(UUID id, String name, String idNumber, String mobile,
                             List<EntryView> employments, boolean demo, int version) {
    }

    @Transactional(readOnly = true)
    public PersonView person(CurrentUser user, UUID personId) {
        RegisterRepository.PersonRow p = loadPerson(user, personId);
        List<RegisterRepository.Entry> rows = repository.employmentsOf(p.id()).stream()
                .filter(e -> user.scope().covers(e.enterpriseId(), e.regionCode(), e.zoneCode(), e.industryCode()))
                .map(e -> new RegisterRepository.Entry(e, p.name(), p.idNumberMask(), p.mobileMask())).toList();
        return new PersonView(p.id(), p.name(), p.idNumberMask(), p.mobileMask(), views(rows), p.demo(), p.version());
    }

    public UUID personOfEmployment(CurrentUser user, UUID employmentId) {
        require(PeopleRules.reads(user));
        return loadEmployment(user, employmentId).personId();
    }

    /** Full ID and mobile number, for holders of PII_READ inside their scope; every view is audited. */
    public record Identity(UUID personId, String name, String idNumber, String mobile) {
    }

    @Transactional
    public Identity identity(CurrentUser user, UUID personId) {
        PeopleRules.require(PeopleRules.seesIdentity(user), "PII_READ_REQUIRED", "当前账号无权查看完整身份证号和手机号");
        RegisterRepository.PersonRow p = repository.personInScope(personId, user.scope()).orElseThrow(RegisterService::personNotFound);
        List<String> fields = new ArrayList<>(List.of("idNumber"));
        if (p.mobileEnc() != null) {
            fields.add("mobile");
        }
        audit.record(AuditEntry.success(AuditAction.VIEW_PERSONAL_DATA, PERSON, p.id(),
                Map.of("person", PeopleMasks.name(p.name()), "fields", fields)));
        return new Identity(p.id(), p.name(), crypto.decrypt(p.idNumberEnc()),
                p.mobileEnc() == null ? null : crypto.decrypt(p.mobileEnc()));
    }

    /** A person inside the caller's scope by full ID number (sign-in sheets, exams), or none. */
    public Optional<RegisterRepository.PersonRow> findByIdNumber(CurrentUser user, String idNumber) {
        String id = ResidentIdNumber.normalise(idNumber);
        if (id == null || !ResidentIdNumber.isValid(id, today())) {
            return Optional.empty();
        }
        return repository.personByDigest(crypto.digest(id)).flatMap(p -> repository.personInScope(p.id(), user.scope()));
    }

    // ---------------------------------------------------------------- forbidden posts

    /**
     * A worker registered in a post their employment type must not hold (煤矿安全生产条例 Art. 24; plan item 17) is flagged
     * at once: the supervising departments and the enterprise are told, and analytics hears of it. The daily job repeats
     * the notice idempotently, so nothing is lost if this transaction's notice is the one that fails.
     */
    void flagForbiddenPost(RegisterRepository.EmploymentRow row, RegisterRepository.EmploymentRow before) {
        ReferenceData.PostKind post = reference.postKind(row.postKind()).orElse(null);
        if (post == null || !post.forbids(row.industryCode(), row.type()) || row.endedOn() != null) {
            return;
        }
        if (before != null && before.postKind().equals(row.postKind()) && before.type() == row.type()) {
            return;
        }
        events.publishEvent(new PeopleEvents.ForbiddenPostFlagged(row.id(), row.personId(), row.enterpriseId(),
                row.regionCode(), row.industryCode(), post.code(), row.type().name(), now()));
        notifyForbiddenPost(row, post);
    }

    void notifyForbiddenPost(RegisterRepository.EmploymentRow row, ReferenceData.PostKind post) {
        List<UUID> recipients = new ArrayList<>(accounts.supervisorAccounts(row.regionCode(), row.industryCode()));
        recipients.addAll(accounts.enterpriseAccounts(row.enterpriseId()));
        notifier.inbox(recipients, "人员", "劳务派遣人员在禁止岗位：" + row.enterpriseName(),
                row.enterpriseName() + "登记的" + row.type().label() + "人员在“" + post.name() + "”（" + post.source() + "）",
                "/people/findings", "people:forbidden-post:" + row.id());
    }

    // ---------------------------------------------------------------- helpers

    static ProblemException personNotFound() {
        return ProblemException.notFound("PERSON_NOT_FOUND", "人员不存在或不在您的数据范围内");
    }

    static ProblemException stale() {
        return ProblemException.conflict("CONCURRENT_MODIFICATION", "记录已被他人修改，请刷新后重试");
    }

    private static void require(boolean allowed) {
        PeopleRules.require(allowed, "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
    }

    /** What the audit log keeps of a person: the name and numbers masked. */
    static Map<String, Object> snapshot(RegisterRepository.PersonRow p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", PeopleMasks.name(p.name()));
        m.put("idNumber", p.idNumberMask());
        m.put("mobile", p.mobileMask());
        return m;
    }

    static Map<String, Object> snapshot(RegisterRepository.EmploymentRow e, String personName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("person", PeopleMasks.name(personName));
        m.put("enterprise", e.enterpriseName());
        m.put("roles", Rows.csv(e.roles()));
        m.put("employmentType", e.type().name());
        m.put("post", e.post());
        m.put("postKind", e.postKind());
        m.put("operationType", e.operationType());
        m.put("startedOn", e.startedOn() == null ? null : e.startedOn().toString());
        return m;
    }
}
