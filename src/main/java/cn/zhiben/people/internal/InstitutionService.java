package cn.zhiben.people.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.Uscc;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Training institutions and their checks against AQ 8011-2023《安全生产培训机构基本条件》 (mandatory since 2024-07-01).
 * An institution whose latest check failed is removed (清退) from that day: 晋市安委发〔2024〕6号 四(五)19 "对不达标的一律清退".
 * The status is derived from the checks, never stored; a new passing check brings it back.
 */
@Service
public class InstitutionService {

    static final String ENTITY = "training_institution";
    public static final String STANDARD = "AQ 8011-2023";
    /** AQ 8011-2023 in force; checks from this day count for the plan's full-coverage check (item 19). */
    public static final LocalDate STANDARD_IN_FORCE = LocalDate.of(2024, 7, 1);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final RegisterService register;
    private final EvidenceStore evidence;

    InstitutionService(JdbcClient jdbc, AuditLog audit, RegisterService register, EvidenceStore evidence) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.register = register;
        this.evidence = evidence;
    }

    public record InstitutionInput(String name, String uscc, String regionCode, String address, List<String> kinds,
                                   Integer version) {
    }

    public record CheckInput(LocalDate checkedOn, String result, String findings, String checkedBy) {
    }

    public record CheckView(UUID id, LocalDate checkedOn, String result, String resultLabel, String standard,
                            String findings, String checkedBy, Instant createdAt, String createdBy,
                            List<EvidenceStore.Evidence> evidence) {
    }

    public record InstitutionView(UUID id, String name, String uscc, String regionCode, String address,
                                  List<RegisterService.Option> kinds, RegisterService.Option status, CheckView latestCheck,
                                  List<CheckView> checks, boolean demo, int version) {
        public boolean removed() {
            return "REMOVED".equals(status.code());
        }
    }

    public enum Status implements Labels {
        QUALIFIED("检查达标"),
        REMOVED("不达标已清退"),
        UNCHECKED("未检查");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** The standing on a date, from the latest check on or before it. */
    static Status status(List<CheckView> checksNewestFirst, LocalDate on) {
        return checksNewestFirst.stream().filter(c -> !c.checkedOn().isAfter(on)).findFirst()
                .map(c -> "PASS".equals(c.result()) ? Status.QUALIFIED : Status.REMOVED).orElse(Status.UNCHECKED);
    }

    @Transactional
    public UUID create(CurrentUser user, InstitutionInput in) {
        PeopleRules.require(PeopleRules.checksInstitutions(user), "INSTITUTION_WRITE_FORBIDDEN", "只有市安委办和市级部门登记培训机构");
        Check c = new Check();
        Valid v = check(c, in);
        c.orThrow();
        return insert(user, v, false);
    }

    UUID insert(CurrentUser user, Valid v, boolean demo) {
        UUID id = UUID.randomUUID();
        Instant now = register.now();
        try {
            jdbc.sql("""
                            insert into ppl_institution (id, name, uscc, region_code, address, kinds, demo, version, created_at,
                                created_by, updated_at, updated_by)
                            values (:id, :n, :u, :r, :a, string_to_array(:k, ','), :demo, 0, :at, :by, :at, :by)""")
                    .param("id", id).param("n", v.name).param("u", v.uscc, Types.CHAR).param("r", v.region, Types.VARCHAR)
                    .param("a", v.address, Types.VARCHAR).param("k", Rows.csv(v.kinds)).param("demo", demo)
                    .param("at", Timestamp.from(now)).param("by", user.username()).update();
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        audit.record(AuditEntry.success(AuditAction.CREATE, ENTITY, id, Map.of("name", v.name, "kinds", Rows.csv(v.kinds))));
        return id;
    }

    @Transactional
    public void update(CurrentUser user, UUID id, InstitutionInput in) {
        PeopleRules.require(PeopleRules.checksInstitutions(user), "INSTITUTION_WRITE_FORBIDDEN", "只有市安委办和市级部门登记培训机构");
        InstitutionView existing = get(user, id);
        Check c = new Check();
        Valid v = check(c, in);
        c.notNull("version", "版本号", in.version());
        c.orThrow();
        int n;
        try {
            n = jdbc.sql("""
                            update ppl_institution set name = :n, uscc = :u, region_code = :r, address = :a,
                                kinds = string_to_array(:k, ','), version = version + 1, updated_at = :at, updated_by = :by
                            where id = :id and version = :v""")
                    .param("n", v.name).param("u", v.uscc, Types.CHAR).param("r", v.region, Types.VARCHAR)
                    .param("a", v.address, Types.VARCHAR).param("k", Rows.csv(v.kinds)).param("at", Timestamp.from(register.now()))
                    .param("by", user.username()).param("id", id).param("v", in.version()).update();
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        if (n != 1) {
            throw RegisterService.stale();
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, ENTITY, id, AuditLog.diff(
                Map.of("name", existing.name(), "kinds", String.join(",", existing.kinds().stream().map(RegisterService.Option::code).toList())),
                Map.of("name", v.name, "kinds", Rows.csv(v.kinds)))));
    }

    /** An AQ 8011-2023 check; a FAIL removes the institution from that day (plan item 19). */
    @Transactional
    public UUID recordCheck(CurrentUser user, UUID institutionId, CheckInput in) {
        PeopleRules.require(PeopleRules.checksInstitutions(user), "INSTITUTION_WRITE_FORBIDDEN", "只有市安委办和市级部门登记培训机构检查结果");
        InstitutionView inst = get(user, institutionId);
        Check c = new Check();
        c.notNull("checkedOn", "检查日期", in.checkedOn());
        c.notAfter("checkedOn", "检查日期", in.checkedOn(), register.today());
        c.sane("checkedOn", "检查日期", in.checkedOn());
        String result = in.result() == null ? null : in.result().strip();
        if (!"PASS".equals(result) && !"FAIL".equals(result)) {
            c.add("result", "检查结论应为 PASS（达标）或 FAIL（不达标）");
        }
        String findings = c.optional("findings", "检查发现", in.findings(), 2000);
        if ("FAIL".equals(result) && findings == null) {
            c.add("findings", "不达标须写明不符合 AQ 8011-2023 的条款");
        }
        String by = c.optional("checkedBy", "检查单位", in.checkedBy(), 100);
        c.orThrow();
        if (by == null) {
            by = user.unitName() != null ? user.unitName() : user.displayName();
        }
        UUID id = insertCheck(user, institutionId, in.checkedOn(), result, findings, by);
        audit.record(AuditEntry.success(AuditAction.CREATE, ENTITY + "_check", id,
                Map.of("institution", inst.name(), "checkedOn", in.checkedOn().toString(), "result", result)));
        return id;
    }

    UUID insertCheck(CurrentUser user, UUID institutionId, LocalDate on, String result, String findings, String by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into ppl_institution_check (id, institution_id, checked_on, result, standard, findings, checked_by, created_at, created_by)
                        values (:id, :i, :on, :r, :s, :f, :b, :at, :u)""")
                .param("id", id).param("i", institutionId).param("on", on).param("r", result).param("s", STANDARD)
                .param("f", findings, Types.VARCHAR).param("b", by).param("at", Timestamp.from(register.now()))
                .param("u", user.username()).update();
        return id;
    }

    @Transactional
    public EvidenceStore.Evidence attach(CurrentUser user, UUID checkId, String fileName, byte[] bytes) {
        PeopleRules.require(PeopleRules.checksInstitutions(user), "INSTITUTION_WRITE_FORBIDDEN", "只有市安委办和市级部门上传检查材料");
        UUID institution = jdbc.sql("select institution_id from ppl_institution_check where id = :id").param("id", checkId)
                .query(UUID.class).optional().orElseThrow(() -> ProblemException.notFound("INSTITUTION_CHECK_NOT_FOUND", "检查记录不存在"));
        EvidenceStore.Evidence e = evidence.store("INSTITUTION_CHECK", checkId, fileName, bytes, user.username(), register.now());
        audit.record(AuditEntry.success(AuditAction.CREATE, "evidence", e.id(),
                Map.of("institution", institution.toString(), "file", e.fileName(), "sha256", e.sha256())));
        return e;
    }

    @Transactional(readOnly = true)
    public List<InstitutionView> list(CurrentUser user) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看培训机构");
        return jdbc.sql("select * from ppl_institution order by name").query(this::map).list();
    }

    @Transactional(readOnly = true)
    public InstitutionView get(CurrentUser user, UUID id) {
        PeopleRules.require(PeopleRules.reads(user), "PEOPLE_READ_FORBIDDEN", "当前账号不能查看培训机构");
        return find(id).orElseThrow(() -> ProblemException.notFound("INSTITUTION_NOT_FOUND", "培训机构不存在"));
    }

    Optional<InstitutionView> find(UUID id) {
        return jdbc.sql("select * from ppl_institution where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<UUID> findByName(String name) {
        return jdbc.sql("select id from ppl_institution where name = :n").param("n", name).query(UUID.class).optional();
    }

    /** Progress of the plan's full-coverage check: institutions checked since the standard came into force. */
    public record Coverage(long institutions, long checked, long removed) {
    }

    public Coverage coverage() {
        return jdbc.sql("""
                        select count(*),
                               count(*) filter (where exists (select 1 from ppl_institution_check c where c.institution_id = i.id and c.checked_on >= :f)),
                               count(*) filter (where (select c.result from ppl_institution_check c where c.institution_id = i.id
                                                       order by c.checked_on desc, c.created_at desc limit 1) = 'FAIL')
                        from ppl_institution i""")
                .param("f", STANDARD_IN_FORCE)
                .query((rs, n) -> new Coverage(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    private InstitutionView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<CheckView> checks = jdbc.sql("select * from ppl_institution_check where institution_id = :i order by checked_on desc, created_at desc")
                .param("i", id)
                .query((r, k) -> {
                    UUID cid = r.getObject("id", UUID.class);
                    return new CheckView(cid, Rows.date(r, "checked_on"), r.getString("result"),
                            "PASS".equals(r.getString("result")) ? "达标" : "不达标", r.getString("standard"),
                            r.getString("findings"), r.getString("checked_by"), Rows.instant(r, "created_at"),
                            r.getString("created_by"), List.of());
                }).list();
        checks = checks.stream().map(c -> new CheckView(c.id(), c.checkedOn(), c.result(), c.resultLabel(), c.standard(),
                c.findings(), c.checkedBy(), c.createdAt(), c.createdBy(), evidence.list("INSTITUTION_CHECK", c.id()))).toList();
        Status s = status(checks, register.today());
        return new InstitutionView(id, rs.getString("name"), rs.getString("uscc"), rs.getString("region_code"),
                rs.getString("address"), Rows.enums(rs, "kinds", InstitutionKind.class).stream()
                .map(k -> new RegisterService.Option(k.name(), k.label())).toList(),
                new RegisterService.Option(s.name(), s.label()), checks.isEmpty() ? null : checks.get(0), checks,
                rs.getBoolean("demo"), rs.getInt("version"));
    }

    record Valid(String name, String uscc, String region, String address, Set<InstitutionKind> kinds) {
    }

    private static Valid check(Check c, InstitutionInput in) {
        String name = c.required("name", "机构名称", in.name(), 100);
        String uscc = Check.trim(in.uscc());
        if (uscc != null) {
            uscc = uscc.toUpperCase();
            Uscc.validate(uscc).ifPresent(m -> c.add("uscc", m));
        }
        String region = c.optional("regionCode", "所在地区划代码", in.regionCode(), 12);
        String address = c.optional("address", "地址", in.address(), 200);
        Set<InstitutionKind> kinds = EnumSet.noneOf(InstitutionKind.class);
        if (in.kinds() == null || in.kinds().isEmpty()) {
            c.add("kinds", "请至少选择一项培训类别");
        } else {
            for (String k : in.kinds()) {
                Labels.parse(InstitutionKind.class, k).ifPresentOrElse(kinds::add, () -> c.add("kinds", "培训类别“" + k + "”无效"));
            }
        }
        return new Valid(name, uscc, region, address, kinds);
    }

    private static ProblemException nameTaken() {
        return ProblemException.conflict("INSTITUTION_NAME_TAKEN", "已有同名培训机构");
    }
}
