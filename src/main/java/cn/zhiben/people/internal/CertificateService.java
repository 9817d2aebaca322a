package cn.zhiben.people.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.people.PeopleProperties;
import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Certificates of persons: registered, reviewed (复审), renewed, registered in the national system (入网, plan item 19)
 * and revoked. Their status is always derived from their dates ({@link CertificatePolicy}). Numbers are personal data
 * (the electronic 特种作业操作证 number is "T" + the ID number), so they are stored like ID numbers.
 */
@Service
public class CertificateService {

    static final String ENTITY = "certificate";
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9\\-]{4,40}");

    private final CertificateRepository repository;
    private final RegisterRepository register;
    private final RegisterService registerService;
    private final ReferenceData reference;
    private final FieldEncryptor crypto;
    private final AuditLog audit;
    private final PeopleProperties properties;
    private final JdbcClient jdbc;

    CertificateService(CertificateRepository repository, RegisterRepository register, RegisterService registerService,
                       ReferenceData reference, FieldEncryptor crypto, AuditLog audit, PeopleProperties properties,
                       JdbcClient jdbc) {
        this.repository = repository;
        this.register = register;
        this.registerService = registerService;
        this.reference = reference;
        this.crypto = crypto;
        this.audit = audit;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    public record CertificateInput(UUID personId, String typeCode, String operationItem, String number, String issuer,
                                   LocalDate issuedOn, LocalDate validUntil, LocalDate nextReviewOn,
                                   LocalDate nationalRegisteredOn) {
    }

    public record ReviewInput(LocalDate reviewedOn, LocalDate nextReviewOn, LocalDate validUntil, String note, Integer version) {
    }

    public record RegistrationInput(LocalDate registeredOn, Integer version) {
    }

    public record RevokeInput(LocalDate revokedOn, String reason, Integer version) {
    }

    /** Numbers keep their first four and last four characters. */
    static String mask(String number) {
        if (number.length() <= 8) {
            return "*".repeat(Math.max(0, number.length() - 2)) + number.substring(Math.max(0, number.length() - 2));
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }

    static String normaliseNumber(String raw) {
        return raw == null ? null : raw.replaceAll("[\\s\\u3000]", "").toUpperCase();
    }

    record Valid(ReferenceData.CertificateType type, String operationItem, String number, String issuer, LocalDate issuedOn,
                 LocalDate validUntil, LocalDate nextReviewOn, LocalDate nationalRegisteredOn) {
    }

    /** Checks a certificate's facts; a blank expiry or review date is computed from the type's periods. */
    Valid check(Check c, String typeCode, String operationItem, String number, String issuer, LocalDate issuedOn,
                LocalDate validUntil, LocalDate nextReviewOn, LocalDate nationalRegisteredOn, LocalDate today) {
        ReferenceData.CertificateType type = reference.certificateType(typeCode).orElse(null);
        if (type == null) {
            c.add("typeCode", typeCode == null || typeCode.isBlank() ? "证书类别不能为空" : "证书类别“" + typeCode + "”无效");
        }
        String item = c.optional("operationItem", "作业项目", operationItem, 60);
        String n = normaliseNumber(number);
        if (n == null || n.isEmpty()) {
            c.add("number", "证书编号不能为空");
        } else if (!NUMBER.matcher(n).matches()) {
            c.add("number", "证书编号应为 4～40 位字母、数字或连字符");
        }
        String iss = c.required("issuer", "发证机关", issuer, 100);
        c.notNull("issuedOn", "发证（初领）日期", issuedOn);
        c.sane("issuedOn", "发证日期", issuedOn);
        c.notAfter("issuedOn", "发证日期", issuedOn, today);
        c.sane("validUntil", "有效期至", validUntil);
        c.sane("nextReviewOn", "复审日期", nextReviewOn);
        c.notAfter("nationalRegisteredOn", "入网日期", nationalRegisteredOn, today);
        LocalDate until = validUntil;
        LocalDate review = nextReviewOn;
        if (type != null && issuedOn != null) {
            if (until == null && type.validityYears() != null) {
                until = issuedOn.plusYears(type.validityYears());
            }
            if (review == null && type.reviewYears() != null) {
                review = issuedOn.plusYears(type.reviewYears());
            }
            if (type.reviewYears() == null && nextReviewOn != null) {
                c.add("nextReviewOn", type.name() + "不设复审日期");
            }
            if (until != null && until.isBefore(issuedOn)) {
                c.add("validUntil", "有效期至不能早于发证日期");
            }
            if (review != null && (review.isBefore(issuedOn) || (until != null && review.isAfter(until)))) {
                c.add("nextReviewOn", "复审日期应在发证日期与有效期至之间");
            }
            if (nationalRegisteredOn != null && nationalRegisteredOn.isBefore(issuedOn)) {
                c.add("nationalRegisteredOn", "入网日期不能早于发证日期");
            }
        }
        return new Valid(type, item, n, iss, issuedOn, until, review, nationalRegisteredOn);
    }

    @Transactional
    public UUID add(CurrentUser user, CertificateInput in) {
        PeopleRules.requireKeepsRecords(user);
        if (in.personId() == null) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请选择持证人员",
                    List.of(new ProblemException.FieldProblem("personId", "请选择持证人员")));
        }
        RegisterRepository.PersonRow person = registerService.loadPerson(user, in.personId());
        Check c = new Check();
        Valid v = check(c, in.typeCode(), in.operationItem(), in.number(), in.issuer(), in.issuedOn(), in.validUntil(),
                in.nextReviewOn(), in.nationalRegisteredOn(), registerService.today());
        c.orThrow();
        return insert(user, person, v, person.demo()).id();
    }

    CertificateRepository.CertificateRow insert(CurrentUser user, RegisterRepository.PersonRow person, Valid v, boolean demo) {
        String digest = crypto.digest(v.number());
        if (repository.numberTaken(v.type().code(), digest, null)) {
            throw ProblemException.conflict("CERTIFICATE_NUMBER_TAKEN", "该类别下此证书编号已登记");
        }
        Instant now = registerService.now();
        CertificateRepository.CertificateRow row = new CertificateRepository.CertificateRow(UUID.randomUUID(), person.id(),
                v.type().code(), v.operationItem(), crypto.encrypt(v.number()), mask(v.number()), digest, v.issuer(),
                v.issuedOn(), v.validUntil(), v.nextReviewOn(), v.nationalRegisteredOn(), null, null, demo, 0, now,
                user.username(), now, user.username());
        try {
            repository.insert(row);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("CERTIFICATE_NUMBER_TAKEN", "该类别下此证书编号已登记");
        }
        audit.record(AuditEntry.success(AuditAction.CREATE, ENTITY, row.id(), AuditLog.diff(null, snapshot(row, person.name()))));
        return row;
    }

    /**
     * 复审 or renewal: new review and expiry dates. Refused while the holder has too many verified violations within the
     * review period (特种作业人员安全技术培训考核管理规定 原总局令第30号 Art. 25(2): two or more verified 违章 → 复审不予通过 [P]).
     */
    @Transactional
    public void recordReview(CurrentUser user, UUID id, ReviewInput in) {
        PeopleRules.requireKeepsRecords(user);
        CertificateRepository.CertificateRow c = load(user, id);
        ReferenceData.CertificateType type = reference.certificateType(c.typeCode()).orElseThrow();
        LocalDate today = registerService.today();
        Check ch = new Check();
        ch.notNull("reviewedOn", "复审（换证）日期", in.reviewedOn());
        ch.notAfter("reviewedOn", "复审日期", in.reviewedOn(), today);
        ch.sane("nextReviewOn", "下次复审日期", in.nextReviewOn());
        ch.sane("validUntil", "有效期至", in.validUntil());
        ch.notNull("version", "版本号", in.version());
        if (in.reviewedOn() != null && in.reviewedOn().isBefore(c.issuedOn())) {
            ch.add("reviewedOn", "复审日期不能早于发证日期");
        }
        LocalDate until = in.validUntil() != null ? in.validUntil() : c.validUntil();
        LocalDate next = in.nextReviewOn();
        if (next == null && in.reviewedOn() != null && type.reviewYears() != null) {
            next = in.reviewedOn().plusYears(type.reviewYears());
        }
        if (next != null && until != null && next.isAfter(until)) {
            next = null; // the next review would fall after expiry: the renewal is the next step
        }
        if (next != null && in.reviewedOn() != null && !next.isAfter(in.reviewedOn())) {
            ch.add("nextReviewOn", "下次复审日期应晚于本次复审日期");
        }
        if (until != null && in.reviewedOn() != null && until.isBefore(in.reviewedOn())) {
            ch.add("validUntil", "有效期至不能早于复审日期");
        }
        ch.orThrow();
        if (c.revokedOn() != null) {
            throw ProblemException.conflict("CERTIFICATE_REVOKED", "证书已注销，不能复审");
        }
        if (c.version() != in.version()) {
            throw RegisterService.stale();
        }
        if (type.specialOperation()) {
            long violations = violationsWithin(c.personId(), in.reviewedOn().minusYears(type.reviewYears() == null ? 3 : type.reviewYears()),
                    in.reviewedOn());
            if (violations >= properties.violationsBlockReview()) {
                throw ProblemException.conflict("CERTIFICATE_REVIEW_BLOCKED", "复审期内有 " + violations
                        + " 次“三违”记录，按特种作业人员安全技术培训考核管理规定第二十五条，复审不予通过");
            }
        }
        CertificateRepository.CertificateRow updated = with(c, user, c.operationItem(), c.issuer(), until, next,
                c.nationalRegisteredOn(), null, null);
        if (!repository.update(updated, in.version())) {
            throw RegisterService.stale();
        }
        repository.insertReview(c.id(), in.reviewedOn(), next, until, Check.trim(in.note()), registerService.now(), user.username());
        audit.record(AuditEntry.success(AuditAction.UPDATE, ENTITY, c.id(), AuditLog.diff(
                Map.of("validUntil", String.valueOf(c.validUntil()), "nextReviewOn", String.valueOf(c.nextReviewOn())),
                Map.of("validUntil", String.valueOf(until), "nextReviewOn", String.valueOf(next)))));
    }

    /** Measure 19: every special-operation certificate registered in the national system (入网) by the end of 2026. */
    @Transactional
    public void registerNationally(CurrentUser user, UUID id, RegistrationInput in) {
        PeopleRules.requireKeepsRecords(user);
        CertificateRepository.CertificateRow c = load(user, id);
        Check ch = new Check();
        ch.notNull("registeredOn", "入网日期", in.registeredOn());
        ch.notAfter("registeredOn", "入网日期", in.registeredOn(), registerService.today());
        ch.notNull("version", "版本号", in.version());
        if (in.registeredOn() != null && in.registeredOn().isBefore(c.issuedOn())) {
            ch.add("registeredOn", "入网日期不能早于发证日期");
        }
        ch.orThrow();
        if (c.version() != in.version()) {
            throw RegisterService.stale();
        }
        if (!repository.update(with(c, user, c.operationItem(), c.issuer(), c.validUntil(), c.nextReviewOn(),
                in.registeredOn(), c.revokedOn(), c.revokeReason()), in.version())) {
            throw RegisterService.stale();
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, ENTITY, c.id(), AuditLog.diff(
                Map.of("nationalRegisteredOn", String.valueOf(c.nationalRegisteredOn())),
                Map.of("nationalRegisteredOn", in.registeredOn().toString()))));
    }

    @Transactional
    public void revoke(CurrentUser user, UUID id, RevokeInput in) {
        PeopleRules.requireKeepsRecords(user);
        CertificateRepository.CertificateRow c = load(user, id);
        Check ch = new Check();
        ch.notNull("revokedOn", "注销日期", in.revokedOn());
        ch.notAfter("revokedOn", "注销日期", in.revokedOn(), registerService.today());
        String reason = ch.required("reason", "注销原因", in.reason(), 200);
        ch.notNull("version", "版本号", in.version());
        ch.orThrow();
        if (c.revokedOn() != null) {
            throw ProblemException.conflict("CERTIFICATE_REVOKED", "证书已于 " + c.revokedOn() + " 注销");
        }
        if (c.version() != in.version()) {
            throw RegisterService.stale();
        }
        if (!repository.update(with(c, user, c.operationItem(), c.issuer(), c.validUntil(), c.nextReviewOn(),
                c.nationalRegisteredOn(), in.revokedOn(), reason), in.version())) {
            throw RegisterService.stale();
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, ENTITY, c.id(), Map.of("revokedOn", in.revokedOn().toString(), "reason", reason)));
    }

    private CertificateRepository.CertificateRow with(CertificateRepository.CertificateRow c, CurrentUser user, String item,
                                                      String issuer, LocalDate until, LocalDate review, LocalDate national,
                                                      LocalDate revokedOn, String revokeReason) {
        return new CertificateRepository.CertificateRow(c.id(), c.personId(), c.typeCode(), item, c.numberEnc(), c.numberMask(),
                c.numberDigest(), issuer, c.issuedOn(), until, review, national, revokedOn, revokeReason, c.demo(),
                c.version() + 1, c.createdAt(), c.createdBy(), registerService.now(), user.username());
    }

    long violationsWithin(UUID personId, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from ppl_retraining where person_id = :p and cause = 'VIOLATION' and occurred_on between :f and :t")
                .param("p", personId).param("f", from).param("t", to).query(Long.class).single();
    }

    CertificateRepository.CertificateRow load(CurrentUser user, UUID id) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        return repository.inScope(id, user.scope())
                .orElseThrow(() -> ProblemException.notFound("CERTIFICATE_NOT_FOUND", "证书不存在或不在您的数据范围内"));
    }

    // ---------------------------------------------------------------- views

    public record CertificateView(UUID id, UUID personId, String holderName, String holderIdNumber, String typeCode,
                                  String typeName, String category, String confidence, String operationItem, String number,
                                  String issuer, LocalDate issuedOn, LocalDate validUntil, LocalDate nextReviewOn,
                                  LocalDate nationalRegisteredOn, LocalDate revokedOn, String revokeReason,
                                  RegisterService.Option status, boolean valid, LocalDate deadline, String deadlineKind,
                                  Long daysLeft, long violationsInPeriod, boolean reviewAtRisk, boolean demo, int version) {
    }

    CertificateView view(CertificateRepository.CertificateRow c, String holderName, String holderIdMask, LocalDate today,
                         Map<String, ReferenceData.CertificateType> types) {
        ReferenceData.CertificateType t = types.get(c.typeCode());
        CertificateStatus s = CertificatePolicy.status(c.dates(), today, properties.expiringDays());
        LocalDate deadline = CertificatePolicy.deadline(c.dates()).orElse(null);
        long violations = t.specialOperation()
                ? violationsWithin(c.personId(), today.minusYears(t.reviewYears() == null ? 3 : t.reviewYears()), today) : 0;
        return new CertificateView(c.id(), c.personId(), holderName, holderIdMask, c.typeCode(), t.name(), t.category(),
                t.confidence(), c.operationItem(), c.numberMask(), c.issuer(), c.issuedOn(), c.validUntil(), c.nextReviewOn(),
                c.nationalRegisteredOn(), c.revokedOn(), c.revokeReason(), new RegisterService.Option(s.name(), s.label()),
                s.valid(), deadline, CertificatePolicy.deadlineKind(c.dates()),
                deadline == null ? null : ChronoUnit.DAYS.between(today, deadline), violations,
                violations >= properties.violationsBlockReview(), c.demo(), c.version());
    }

    public record CertificateDetail(CertificateView certificate, List<CertificateRepository.ReviewRow> reviews,
                                    List<RegisterService.Option> employers) {
    }

    @Transactional(readOnly = true)
    public CertificateDetail detail(CurrentUser user, UUID id) {
        CertificateRepository.CertificateRow c = load(user, id);
        RegisterRepository.PersonRow p = register.person(c.personId()).orElseThrow();
        LocalDate today = registerService.today();
        List<RegisterService.Option> employers = register.employmentsOf(p.id()).stream().filter(e -> e.activeOn(today))
                .filter(e -> user.scope().covers(e.enterpriseId(), e.regionCode(), e.zoneCode(), e.industryCode()))
                .map(e -> new RegisterService.Option(e.enterpriseId().toString(), e.enterpriseName())).toList();
        return new CertificateDetail(view(c, p.name(), p.idNumberMask(), today, reference.certificateTypesByCode()),
                repository.reviews(id), employers);
    }

    public List<CertificateView> ofPerson(UUID personId, String name, String idMask) {
        LocalDate today = registerService.today();
        Map<String, ReferenceData.CertificateType> types = reference.certificateTypesByCode();
        return repository.ofPerson(personId).stream().map(c -> view(c, name, idMask, today, types)).toList();
    }

    /** Which certificates to list: all, those needing attention soon, or those no longer valid. */
    public enum Filter {
        ALL, ATTENTION, INVALID;

        /** The list filter a page or API request names; 400 for anything else. */
        public static Filter parse(String name) {
            try {
                return valueOf(name);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ProblemException.badRequest("INVALID_PARAMETER", "筛选条件应为 ALL、ATTENTION 或 INVALID");
            }
        }
    }

    public static final int LIST_LIMIT = 2000;

    @Transactional(readOnly = true)
    public List<CertificateView> list(CurrentUser user, String typeCode, Filter filter) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        LocalDate today = registerService.today();
        Map<String, ReferenceData.CertificateType> types = reference.certificateTypesByCode();
        if (typeCode != null && !typeCode.isBlank() && !types.containsKey(typeCode)) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "证书类别“" + typeCode + "”无效");
        }
        List<CertificateView> out = new ArrayList<>();
        for (CertificateRepository.Listed l : repository.visible(user.scope(), typeCode == null || typeCode.isBlank() ? null : typeCode, LIST_LIMIT)) {
            CertificateView v = view(l.certificate(), l.holderName(), l.holderIdMask(), today, types);
            CertificateStatus s = CertificateStatus.valueOf(v.status().code());
            boolean keep = switch (filter) {
                case ALL -> true;
                case ATTENTION -> s == CertificateStatus.EXPIRING || s == CertificateStatus.REVIEW_DUE || !s.valid();
                case INVALID -> !s.valid();
            };
            if (keep) {
                out.add(v);
            }
        }
        return out;
    }

    /** What an officer in the field sees after typing a certificate number (name and ID masked to compare with the card). */
    public record CheckResult(String typeName, String operationItem, String number, String holderName, String holderIdNumber,
                              String issuer, LocalDate issuedOn, LocalDate validUntil, LocalDate nextReviewOn,
                              RegisterService.Option status, boolean valid, LocalDate nationalRegisteredOn,
                              List<String> currentEmployers, long violationsInPeriod, boolean demo) {
    }

    /**
     * Looks a certificate up by its full number, for any business account (as the national query at cx.mem.gov.cn is
     * open to anyone with the number): the number itself is the key, nothing is listed. Each check is audited.
     */
    @Transactional
    public List<CheckResult> checkByNumber(CurrentUser user, String number) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能核验证书");
        String n = normaliseNumber(number);
        if (n == null || !NUMBER.matcher(n).matches()) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "请输入完整的证书编号（4～40 位字母、数字或连字符）",
                    List.of(new ProblemException.FieldProblem("number", "请输入完整的证书编号")));
        }
        LocalDate today = registerService.today();
        Map<String, ReferenceData.CertificateType> types = reference.certificateTypesByCode();
        List<CheckResult> out = new ArrayList<>();
        for (CertificateRepository.CertificateRow c : repository.byDigest(crypto.digest(n))) {
            RegisterRepository.PersonRow p = register.person(c.personId()).orElseThrow();
            CertificateView v = view(c, p.name(), p.idNumberMask(), today, types);
            List<String> employers = register.employmentsOf(p.id()).stream().filter(e -> e.activeOn(today))
                    .map(RegisterRepository.EmploymentRow::enterpriseName).toList();
            out.add(new CheckResult(v.typeName(), v.operationItem(), v.number(), v.holderName(), v.holderIdNumber(), v.issuer(),
                    v.issuedOn(), v.validUntil(), v.nextReviewOn(), v.status(), v.valid(), v.nationalRegisteredOn(), employers,
                    v.violationsInPeriod(), c.demo()));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("number", mask(n));
        facts.put("found", out.size());
        audit.record(AuditEntry.success(AuditAction.VIEW_PERSONAL_DATA, ENTITY, null, facts).withDetail("持证核验"));
        return out;
    }

    static Map<String, Object> snapshot(CertificateRepository.CertificateRow c, String holder) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("holder", PeopleMasks.name(holder));
        m.put("type", c.typeCode());
        m.put("number", c.numberMask());
        m.put("issuer", c.issuer());
        m.put("issuedOn", String.valueOf(c.issuedOn()));
        m.put("validUntil", String.valueOf(c.validUntil()));
        m.put("nextReviewOn", String.valueOf(c.nextReviewOn()));
        m.put("nationalRegisteredOn", String.valueOf(c.nationalRegisteredOn()));
        return m;
    }
}
