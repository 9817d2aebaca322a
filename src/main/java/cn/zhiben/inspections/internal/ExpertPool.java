package cn.zhiben.inspections.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.platform.crypto.Masking;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The expert pool (专家库, plan item 34: each level's supervising departments set one up by the end of 2024). No national
 * rule fixes its content (reference §4 [M]); the fields follow the common provincial pattern: specialities by industry,
 * qualifications, term, availability, conflicts, assignments and an evaluation after each assignment.
 */
@Service
public class ExpertPool {

    private static final String SELECT = """
            select id, name, user_id, organisation, title, qualifications, specialities, mobile_mask, term_from, term_to,
                   status, owner_unit_id, owner_region_code, note, demo, version from insp_expert""";
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;
    private final IndustryCatalog industries;
    private final FieldEncryptor encryptor;
    private final AuditLog audit;
    private final ExpertScopes scopes;
    private final Clock clock;

    ExpertPool(JdbcClient jdbc, AccountDirectory accounts, IndustryCatalog industries, FieldEncryptor encryptor,
               AuditLog audit, ExpertScopes scopes, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.industries = industries;
        this.encryptor = encryptor;
        this.audit = audit;
        this.scopes = scopes;
        this.clock = clock;
    }

    public enum Status {
        ACTIVE("在库"), SUSPENDED("暂停"), DISMISSED("解聘");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Expert(UUID id, String name, UUID userId, String organisation, String title, List<String> qualifications,
                         List<String> specialities, String mobileMask, LocalDate termFrom, LocalDate termTo, Status status,
                         UnitRef owner, String note, boolean demo, int version) {

        /** Whether a speciality covers the industry (codes are dot-hierarchical: mine covers mine.coal). */
        public boolean covers(String industryCode) {
            return specialities.stream().anyMatch(s -> industryCode.equals(s) || industryCode.startsWith(s + "."));
        }
    }

    public record NewExpert(String name, String username, String organisation, String title, List<String> qualifications,
                            List<String> specialities, String mobile, LocalDate termFrom, LocalDate termTo, String note) {
    }

    public record Unavailable(UUID id, LocalDate from, LocalDate to, String reason) {
    }

    public record Assignment(UUID id, UUID expertId, String expertName, UUID inspectionId, UUID enterpriseId,
                             String enterpriseName, LocalDate from, LocalDate to, String status, Integer score,
                             String evaluation, String evaluatedBy, String revokeReason, UnitRef unit) {
    }

    // ---- reading ----

    public Optional<Expert> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ExpertPool::map).optional();
    }

    public Optional<Expert> byUser(UUID userId) {
        return jdbc.sql(SELECT + " where user_id = :u").param("u", userId).query(ExpertPool::map).optional();
    }

    /** Every expert, by id (the order a draw's inputs use). */
    public List<Expert> all() {
        return jdbc.sql(SELECT + " order by id::text").query(ExpertPool::map).list();
    }

    /**
     * Who may read the pool: government accounts (it is the departments' shared resource); an expert only their own entry.
     */
    public List<Expert> visible(CurrentUser user, String industryOrNull) {
        if (user.role() == Role.EXPERT) {
            return byUser(user.id()).map(List::of).orElse(List.of());
        }
        if (!government(user.role())) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where (:i::text is null or exists (select 1 from unnest(specialities) s"
                        + " where :i = s or :i like s || '.%')) order by status, name")
                .param("i", industryOrNull).query(ExpertPool::map).list();
    }

    public Expert visible(CurrentUser user, UUID id) {
        boolean own = user.role() == Role.EXPERT && byUser(user.id()).map(Expert::id).filter(id::equals).isPresent();
        if (!own && !government(user.role())) {
            throw notFound();
        }
        return find(id).orElseThrow(ExpertPool::notFound);
    }

    public List<Unavailable> unavailability(UUID expertId) {
        return jdbc.sql("select id, from_date, to_date, reason from insp_expert_unavailable where expert_id = :e order by from_date")
                .param("e", expertId).query((rs, n) -> new Unavailable(rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4))).list();
    }

    /** In the pool, in term and not marked unavailable at any time between from and to. */
    public boolean available(Expert e, LocalDate from, LocalDate to) {
        if (e.status() != Status.ACTIVE || from.isBefore(e.termFrom()) || to.isAfter(e.termTo())) {
            return false;
        }
        return unavailability(e.id()).stream().noneMatch(u -> !u.to().isBefore(from) && !u.from().isAfter(to));
    }

    public List<Assignment> assignments(UUID expertId, UUID inspectionId) {
        return jdbc.sql("""
                select a.id, a.expert_id, x.name, a.inspection_id, a.enterprise_id, i.enterprise_name, a.from_date, a.to_date,
                       a.status, a.score, a.evaluation, a.evaluated_by, a.revoke_reason, a.unit_id, a.unit_region_code
                from insp_expert_assignment a join insp_expert x on x.id = a.expert_id
                left join insp_inspection i on i.id = a.inspection_id
                where (:e::uuid is null or a.expert_id = :e) and (:i::uuid is null or a.inspection_id = :i)
                order by a.from_date desc, a.assigned_at desc""")
                .param("e", expertId).param("i", inspectionId)
                .query((rs, n) -> new Assignment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
                        (Integer) rs.getObject(10), rs.getString(11), rs.getString(12), rs.getString(13),
                        new UnitRef(rs.getObject(14, UUID.class), rs.getString(15)))).list();
    }

    public Optional<Assignment> assignment(UUID id) {
        return jdbc.sql("select expert_id, inspection_id from insp_expert_assignment where id = :id").param("id", id)
                .query((rs, n) -> assignments(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)).stream()
                        .filter(a -> a.id().equals(id)).findFirst()).optional().flatMap(x -> x);
    }

    // ---- writing ----

    @Transactional
    public UUID add(NewExpert in) {
        CurrentUser user = CurrentUser.require();
        requireManager(user);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        String name = text(in.name(), "name", "姓名", 50, true, problems);
        String organisation = text(in.organisation(), "organisation", "工作单位", 100, true, problems);
        String title = text(in.title(), "title", "职称", 50, false, problems);
        String note = text(in.note(), "note", "备注", 500, false, problems);
        List<String> specialities = in.specialities() == null ? List.of()
                : in.specialities().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        if (specialities.isEmpty()) {
            problems.add(new ProblemException.FieldProblem("specialities", "请选择至少一个专业领域（行业）"));
        }
        Set<String> known = industries.withDescendants(specialities);
        for (String s : specialities) {
            if (!known.contains(s)) {
                problems.add(new ProblemException.FieldProblem("specialities", "未知的行业领域：" + s));
            }
        }
        List<String> qualifications = in.qualifications() == null ? List.of()
                : in.qualifications().stream().filter(q -> q != null && !q.isBlank()).map(String::strip).distinct().toList();
        if (qualifications.stream().anyMatch(q -> q.length() > 100)) {
            problems.add(new ProblemException.FieldProblem("qualifications", "资格条目不能超过 100 字"));
        }
        if (in.termFrom() == null || in.termTo() == null || in.termTo().isBefore(in.termFrom())) {
            problems.add(new ProblemException.FieldProblem("termTo", "请填写聘期起止日期，且截止日期不早于起始日期"));
        }
        String mobile = in.mobile() == null || in.mobile().isBlank() ? null : in.mobile().strip();
        if (mobile != null && !MOBILE.matcher(mobile).matches()) {
            problems.add(new ProblemException.FieldProblem("mobile", "手机号码格式不正确"));
        }
        UUID userId = null;
        if (in.username() != null && !in.username().isBlank()) {
            var account = accounts.findByUsername(in.username().strip()).filter(a -> a.role() == Role.EXPERT);
            if (account.isEmpty()) {
                problems.add(new ProblemException.FieldProblem("username", "没有该专家账号（角色须为专家）"));
            } else if (byUser(account.get().id()).isPresent()) {
                problems.add(new ProblemException.FieldProblem("username", "该账号已关联其他专家"));
            } else {
                userId = account.get().id();
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    String.join("；", problems.stream().map(ProblemException.FieldProblem::message).distinct().toList()), problems);
        }
        return insert(name, userId, organisation, title, qualifications, specialities, mobile, in.termFrom(), in.termTo(),
                UnitRef.of(user).orElse(null), note, false);
    }

    UUID insert(String name, UUID userId, String organisation, String title, List<String> qualifications,
                List<String> specialities, String mobile, LocalDate termFrom, LocalDate termTo, UnitRef owner, String note,
                boolean demo) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into insp_expert (id, name, user_id, organisation, title, qualifications, specialities, mobile_enc,
                    mobile_mask, term_from, term_to, status, owner_unit_id, owner_region_code, note, demo, created_at,
                    created_by, updated_at)
                values (:id, :name, :user, :org, :title, string_to_array(:q, chr(31)), string_to_array(:s, chr(31)), :enc, :mask, :from, :to, 'ACTIVE', :ownerUnit, :ownerRegion,
                    :note, :demo, :at, :by, :at)""")
                .param("id", id).param("name", name).param("user", userId).param("org", organisation).param("title", title)
                .param("q", String.join("\u001f", qualifications)).param("s", String.join("\u001f", specialities))
                .param("enc", mobile == null ? null : encryptor.encrypt(mobile))
                .param("mask", mobile == null ? null : Masking.mobile(mobile)).param("from", termFrom).param("to", termTo)
                .param("ownerUnit", owner == null ? null : owner.unitId())
                .param("ownerRegion", owner == null ? null : owner.regionCode()).param("note", note).param("demo", demo)
                .param("at", Timestamp.from(now))
                .param("by", CurrentUser.current().map(CurrentUser::username).orElse("system")).update();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", name);
        summary.put("specialities", String.join(",", specialities));
        if (mobile != null) {
            summary.put("mobile", Masking.mobile(mobile));
        }
        audit.record(AuditEntry.success(AuditAction.CREATE, "expert", id, summary));
        return id;
    }

    /** Suspends, dismisses or restores an expert; the reason goes into the audit log. */
    @Transactional
    public void setStatus(UUID id, Status status, String reason) {
        CurrentUser user = CurrentUser.require();
        requireManager(user);
        Expert e = find(id).orElseThrow(ExpertPool::notFound);
        if (status == null || reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("EXPERT_REASON_REQUIRED", "请选择状态并填写原因");
        }
        jdbc.sql("update insp_expert set status = :s, updated_at = :at, version = version + 1 where id = :id")
                .param("s", status.name()).param("at", Timestamp.from(clock.instant())).param("id", id).update();
        Map<String, Object> changes = new LinkedHashMap<>(AuditLog.diff(Map.of("status", e.status().name()),
                Map.of("status", status.name())));
        changes.put("reason", reason.strip());
        audit.record(AuditEntry.success(AuditAction.UPDATE, "expert", id, changes));
        if (status != Status.ACTIVE) {
            scopes.revokeOpenOfExpert(id, status.label() + "：" + reason.strip());
        }
    }

    @Transactional
    public UUID addUnavailability(UUID expertId, LocalDate from, LocalDate to, String reason) {
        CurrentUser user = CurrentUser.require();
        Expert e = find(expertId).orElseThrow(ExpertPool::notFound);
        boolean own = user.role() == Role.EXPERT && user.id().equals(e.userId());
        if (!own && user.role() == Role.EXPERT) {
            throw notFound(); // an expert sees only its own entry
        }
        if (!own) {
            requireManager(user);
        }
        if (from == null || to == null || to.isBefore(from) || reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("EXPERT_UNAVAILABLE_INVALID", "请填写不可用的起止日期和原因");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into insp_expert_unavailable (id, expert_id, from_date, to_date, reason, created_at, created_by)
                values (:id, :e, :f, :t, :r, :at, :by)""")
                .param("id", id).param("e", expertId).param("f", from).param("t", to).param("r", reason.strip())
                .param("at", Timestamp.from(clock.instant())).param("by", user.username()).update();
        audit.record(AuditEntry.success(AuditAction.CREATE, "expert-unavailability", id,
                Map.of("expert", e.name(), "from", from.toString(), "to", to.toString())));
        return id;
    }

    /** Government accounts keep the pool; experts themselves only report when they are unavailable. */
    static void requireManager(CurrentUser user) {
        if (!government(user.role())) {
            throw ProblemException.forbidden("EXPERT_POOL_FORBIDDEN", "专家库由监管部门和安委办维护");
        }
    }

    static boolean government(Role role) {
        return switch (role) {
            case CITY_OFFICE, MEMBER_UNIT, COUNTY_OFFICE, COUNTY_UNIT -> true;
            default -> false;
        };
    }

    static ProblemException notFound() {
        return ProblemException.notFound("EXPERT_NOT_FOUND", "专家不存在");
    }

    private static String text(String v, String field, String label, int max, boolean required,
                               List<ProblemException.FieldProblem> problems) {
        String s = v == null ? null : v.strip();
        if (s == null || s.isEmpty()) {
            if (required) {
                problems.add(new ProblemException.FieldProblem(field, "请填写" + label));
            }
            return null;
        }
        if (s.length() > max) {
            problems.add(new ProblemException.FieldProblem(field, label + "不能超过 " + max + " 个字"));
        }
        return s;
    }

    private static List<String> array(Array a) throws java.sql.SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static Expert map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID ownerUnit = rs.getObject("owner_unit_id", UUID.class);
        return new Expert(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("user_id", UUID.class),
                rs.getString("organisation"), rs.getString("title"), array(rs.getArray("qualifications")),
                array(rs.getArray("specialities")), rs.getString("mobile_mask"), rs.getObject("term_from", LocalDate.class),
                rs.getObject("term_to", LocalDate.class), Status.valueOf(rs.getString("status")),
                ownerUnit == null ? null : new UnitRef(ownerUnit, rs.getString("owner_region_code")), rs.getString("note"),
                rs.getBoolean("demo"), rs.getInt("version"));
    }
}
