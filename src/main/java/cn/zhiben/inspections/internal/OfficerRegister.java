package cn.zhiben.inspections.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The enforcement staff list of each unit (执法检查人员名录库, 国办发〔2015〕58号) and the officers' recorded conflicts of
 * interest (回避, 行政处罚法 Art. 43). A unit keeps its own list; the city office and the county office see the lists of
 * the units they oversee.
 */
@Service
public class OfficerRegister {

    private static final String SELECT = """
            select id, user_id, name, certificate_no, unit_id, unit_region_code, valid_from, valid_to, active, demo, version
            from insp_officer""";
    private final JdbcClient jdbc;
    private final AccountDirectory accounts;
    private final EnterpriseDirectory enterprises;
    private final UnitNames units;
    private final AuditLog audit;
    private final Clock clock;

    OfficerRegister(JdbcClient jdbc, AccountDirectory accounts, EnterpriseDirectory enterprises, UnitNames units,
                    AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewOfficer(String username, String certificateNo, LocalDate validFrom, LocalDate validTo) {
    }

    public record Conflict(UUID id, UUID officerId, UUID expertId, UUID enterpriseId, String enterpriseName, String reason,
                           boolean active, Instant recordedAt, String recordedBy, String endReason) {
    }

    /** An officer row with the unit's name, for lists. */
    public record Listed(Officer officer, String username, String unitName, boolean validToday, List<Conflict> conflicts) {
    }

    // ---- reading ----

    public Optional<Officer> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(OfficerRegister::map).optional();
    }

    public Optional<Officer> byUser(UUID userId) {
        return jdbc.sql(SELECT + " where user_id = :u").param("u", userId).query(OfficerRegister::map).optional();
    }

    /** Active officers of these units, by id (the order a draw's inputs use). */
    public List<Officer> ofUnits(List<UnitRef> unitRefs) {
        if (unitRefs.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < unitRefs.size(); i++) {
            where.append(i == 0 ? "" : " or ").append("(unit_id = :u").append(i)
                    .append(" and coalesce(unit_region_code, '') = :c").append(i).append(")");
            params.put("u" + i, unitRefs.get(i).unitId());
            params.put("c" + i, unitRefs.get(i).county());
        }
        return jdbc.sql(SELECT + " where active and (" + where + ") order by id::text").params(params)
                .query(OfficerRegister::map).list();
    }

    /**
     * The officers a user may see: the own unit's (a city-level unit also its county branches'), every unit's for the city
     * office, the county's units' for a county office.
     */
    public List<Listed> visible(CurrentUser user) {
        Optional<UnitRef> unit = UnitRef.of(user);
        String where;
        Map<String, Object> params = new LinkedHashMap<>();
        if (user.role() == Role.CITY_OFFICE) {
            where = "true";
        } else if (user.role() == Role.COUNTY_OFFICE) {
            where = "unit_region_code = :county";
            params.put("county", user.scope().regionCode());
        } else if (unit.isPresent()) {
            where = unit.get().cityLevel() ? "unit_id = :unit"
                    : "unit_id = :unit and unit_region_code = :county";
            params.put("unit", unit.get().unitId());
            if (!unit.get().cityLevel()) {
                params.put("county", unit.get().regionCode());
            }
        } else {
            return List.of();
        }
        LocalDate today = today();
        List<Officer> officers = jdbc.sql(SELECT + " where " + where + " order by unit_id, unit_region_code nulls first, name")
                .params(params).query(OfficerRegister::map).list();
        Map<UUID, List<Conflict>> conflicts = new LinkedHashMap<>();
        if (!officers.isEmpty()) {
            jdbc.sql("""
                    select id, officer_id, expert_id, enterprise_id, reason, active, recorded_at, recorded_by, end_reason
                    from insp_conflict where officer_id in (:ids) order by recorded_at""")
                    .param("ids", officers.stream().map(Officer::id).toList())
                    .query(this::conflict).list().forEach(c -> conflicts.computeIfAbsent(c.officerId(), k -> new java.util.ArrayList<>()).add(c));
        }
        return officers.stream().map(o -> new Listed(o, accounts.find(o.userId()).map(AccountDirectory.Account::username).orElse(""),
                units.name(o.unit()), o.validOn(today), conflicts.getOrDefault(o.id(), List.of()))).toList();
    }

    /** An officer the user may see (404 otherwise, like a missing one). */
    public Listed visible(CurrentUser user, UUID id) {
        return visible(user).stream().filter(l -> l.officer().id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("OFFICER_NOT_FOUND", "执法人员不存在"));
    }

    /** Active conflicts: officer or expert id -> enterprise ids. */
    public Map<UUID, List<UUID>> activeConflicts() {
        Map<UUID, List<UUID>> out = new LinkedHashMap<>();
        jdbc.sql("select coalesce(officer_id, expert_id), enterprise_id from insp_conflict where active order by enterprise_id::text")
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                            .add(rs.getObject(2, UUID.class));
                });
        return out;
    }

    // ---- writing ----

    /** A unit registers one of its own accounts with its enforcement certificate. */
    @Transactional
    public UUID register(NewOfficer in) {
        CurrentUser user = CurrentUser.require();
        UnitRef unit = requireUnit(user);
        if (in.validFrom() == null || in.validTo() == null || in.validTo().isBefore(in.validFrom())) {
            throw ProblemException.badRequest("OFFICER_VALIDITY_INVALID", "执法证有效期须填写起止日期，且截止日期不早于起始日期");
        }
        String cert = in.certificateNo() == null ? "" : in.certificateNo().strip();
        if (cert.isEmpty() || cert.length() > 40) {
            throw ProblemException.badRequest("OFFICER_CERTIFICATE_INVALID", "请填写执法证号（不超过 40 个字符）");
        }
        // an account of another unit is outside the unit's reach: the same answer as a missing one
        AccountDirectory.Account account = accounts.findByUsername(in.username() == null ? "" : in.username().strip())
                .filter(a -> a.enabled() && UnitRef.of(a.role(), a.unitId(), a.regionCode()).filter(unit::equals).isPresent())
                .orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND", "本单位没有该账号"));
        if (byUser(account.id()).isPresent()) {
            throw ProblemException.conflict("OFFICER_ALREADY_REGISTERED", "该账号已在执法人员名录中");
        }
        if (jdbc.sql("select exists (select 1 from insp_officer where certificate_no = :c)").param("c", cert)
                .query(Boolean.class).single()) {
            throw ProblemException.conflict("OFFICER_CERTIFICATE_TAKEN", "该执法证号已登记");
        }
        return insert(account, cert, unit, in.validFrom(), in.validTo(), false);
    }

    UUID insert(AccountDirectory.Account account, String cert, UnitRef unit, LocalDate from, LocalDate to, boolean demo) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String name = personName(account.displayName());
        jdbc.sql("""
                insert into insp_officer (id, user_id, name, certificate_no, unit_id, unit_region_code, valid_from, valid_to,
                    active, demo, created_at, created_by, updated_at)
                values (:id, :u, :n, :c, :unit, :region, :from, :to, true, :demo, :at, :by, :at)""")
                .param("id", id).param("u", account.id()).param("n", name).param("c", cert).param("unit", unit.unitId())
                .param("region", unit.regionCode()).param("from", from).param("to", to).param("demo", demo)
                .param("at", Timestamp.from(now)).param("by", CurrentUser.current().map(CurrentUser::username).orElse("system"))
                .update();
        audit.record(AuditEntry.success(AuditAction.CREATE, "enforcement-officer", id, Map.of(
                "account", account.username(), "certificateNo", cert, "validTo", to.toString())));
        return id;
    }

    /** Renews or ends the certificate's validity; a deactivated officer is drawn no more. */
    @Transactional
    public void update(UUID id, LocalDate validTo, Boolean active, String reason) {
        CurrentUser user = CurrentUser.require();
        UnitRef unit = requireUnit(user);
        Officer o = find(id).filter(x -> x.unit().equals(unit))
                .orElseThrow(() -> ProblemException.notFound("OFFICER_NOT_FOUND", "执法人员不存在"));
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("OFFICER_REASON_REQUIRED", "请填写变更原因");
        }
        LocalDate to = validTo == null ? o.validTo() : validTo;
        if (to.isBefore(o.validFrom())) {
            throw ProblemException.badRequest("OFFICER_VALIDITY_INVALID", "截止日期不能早于起始日期");
        }
        boolean act = active == null ? o.active() : active;
        jdbc.sql("update insp_officer set valid_to = :to, active = :a, updated_at = :at, version = version + 1 where id = :id")
                .param("to", to).param("a", act).param("at", Timestamp.from(clock.instant())).param("id", id).update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("validTo", o.validTo().toString());
        before.put("active", o.active());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("validTo", to.toString());
        after.put("active", act);
        Map<String, Object> changes = new LinkedHashMap<>(AuditLog.diff(before, after));
        changes.put("reason", reason.strip());
        audit.record(AuditEntry.success(AuditAction.UPDATE, "enforcement-officer", id, changes));
    }

    /** 回避: records that an officer (or an expert) has an interest in an enterprise; draws then keep them apart. */
    @Transactional
    public UUID recordConflict(UUID officerId, UUID expertId, UUID enterpriseId, String reason) {
        CurrentUser user = CurrentUser.require();
        requireConflictKeeper(user, officerId);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.badRequest("CONFLICT_REASON_REQUIRED", "请填写回避事由（不超过 500 字）");
        }
        if (enterpriseId == null) {
            throw ProblemException.badRequest("ENTERPRISE_REQUIRED", "请选择企业");
        }
        var enterprise = enterprises.find(enterpriseId)
                .orElseThrow(() -> ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在"));
        boolean exists = jdbc.sql("""
                select exists (select 1 from insp_conflict where active and enterprise_id = :e
                  and (officer_id = :o or expert_id = :x))""")
                .param("e", enterpriseId).param("o", officerId).param("x", expertId).query(Boolean.class).single();
        if (exists) {
            throw ProblemException.conflict("CONFLICT_ALREADY_RECORDED", "已登记与该企业的回避关系");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into insp_conflict (id, officer_id, expert_id, enterprise_id, reason, active, recorded_at, recorded_by)
                values (:id, :o, :x, :e, :r, true, :at, :by)""")
                .param("id", id).param("o", officerId).param("x", expertId).param("e", enterpriseId)
                .param("r", reason.strip()).param("at", Timestamp.from(clock.instant())).param("by", user.username()).update();
        audit.record(AuditEntry.success(AuditAction.CREATE, "inspection-conflict", id, Map.of(
                officerId != null ? "officer" : "expert", String.valueOf(officerId != null ? officerId : expertId),
                "enterprise", enterprise.name())));
        return id;
    }

    @Transactional
    public void endConflict(UUID conflictId, UUID officerId, UUID expertId, String reason) {
        CurrentUser user = CurrentUser.require();
        requireConflictKeeper(user, officerId);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("CONFLICT_REASON_REQUIRED", "请填写解除回避的原因");
        }
        int n = jdbc.sql("""
                update insp_conflict set active = false, ended_at = :at, ended_by = :by, end_reason = :r
                where id = :id and active and (officer_id = :o or expert_id = :x)""")
                .param("at", Timestamp.from(clock.instant())).param("by", user.username()).param("r", reason.strip())
                .param("id", conflictId).param("o", officerId).param("x", expertId).update();
        if (n == 0) {
            throw ProblemException.notFound("CONFLICT_NOT_FOUND", "回避记录不存在或已解除");
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, "inspection-conflict", conflictId, Map.of("ended", reason.strip())));
    }

    /** An officer's conflicts are kept by the officer's own unit; an expert's by the departments keeping the pool. */
    private void requireConflictKeeper(CurrentUser user, UUID officerId) {
        if (officerId != null) {
            UnitRef unit = requireUnit(user);
            find(officerId).filter(o -> o.unit().equals(unit))
                    .orElseThrow(() -> ProblemException.notFound("OFFICER_NOT_FOUND", "执法人员不存在"));
        } else {
            ExpertPool.requireManager(user);
        }
    }

    public List<Conflict> conflictsOf(UUID officerId, UUID expertId) {
        return jdbc.sql("""
                select id, officer_id, expert_id, enterprise_id, reason, active, recorded_at, recorded_by, end_reason
                from insp_conflict where officer_id = :o or expert_id = :x order by recorded_at""")
                .param("o", officerId).param("x", expertId).query(this::conflict).list();
    }

    private Conflict conflict(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID enterprise = rs.getObject("enterprise_id", UUID.class);
        return new Conflict(rs.getObject("id", UUID.class), rs.getObject("officer_id", UUID.class),
                rs.getObject("expert_id", UUID.class), enterprise,
                enterprises.find(enterprise).map(cn.zhiben.org.EnterpriseRef::name).orElse("（已删除的企业）"),
                rs.getString("reason"), rs.getBoolean("active"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"), rs.getString("end_reason"));
    }

    public static UnitRef requireUnit(CurrentUser user) {
        return UnitRef.of(user).orElseThrow(() -> ProblemException.forbidden("INSPECTION_UNIT_REQUIRED",
                "只有负有安全生产监管职责的部门（市级成员单位、县级部门）账号可以办理"));
    }

    /** "泽州县应急管理局 执法人员 王建军" -> "王建军": the register keeps the person's name. */
    static String personName(String displayName) {
        String s = displayName == null ? "" : displayName.strip();
        int space = s.lastIndexOf(' ');
        return space >= 0 ? s.substring(space + 1) : s;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    private static Officer map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Officer(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
                rs.getString("certificate_no"), new UnitRef(rs.getObject("unit_id", UUID.class), rs.getString("unit_region_code")),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getBoolean("active"), rs.getBoolean("demo"), rs.getInt("version"));
    }
}
