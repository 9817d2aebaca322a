package cn.zhiben.inspections.internal;

import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.platform.security.CurrentUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Loads and saves plans; every save checks the version it loaded. Visibility of plans is decided here, in SQL. */
@Repository
public class PlanRepository {

    private static final String SELECT = """
            select p.id, p.name, p.unit_id, p.unit_region_code, p.kind, p.period_from, p.period_to, p.status,
                   p.officers_per_inspection, p.experts_per_inspection, p.max_per_officer, p.note, p.demo, p.version
            from insp_plan p""";
    private final JdbcClient jdbc;
    private final TransitionLog transitions;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.transitions = new TransitionLog(jdbc, "insp_plan_transition", "plan_id", PlanRepository::label);
    }

    /** A SQL condition over insp_plan p and its parameters. */
    public record Visibility(String where, Map<String, Object> params) {
    }

    /**
     * Who sees a plan: its units (a city-level unit also its county branches' plans), the city office, the county office
     * for its county's units — except a 四不两直 plan, which the county office does not see.
     */
    public static Visibility visibility(CurrentUser user) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where;
        switch (user.role()) {
            case CITY_OFFICE -> where = "true";
            case COUNTY_OFFICE -> {
                where = "p.unit_region_code = :visCounty and p.kind <> 'UNANNOUNCED'";
                params.put("visCounty", user.scope().regionCode());
            }
            case MEMBER_UNIT -> {
                where = "(p.unit_id = :visUnit or exists (select 1 from insp_plan_unit pu where pu.plan_id = p.id and pu.unit_id = :visUnit))";
                params.put("visUnit", user.unitId());
            }
            case COUNTY_UNIT -> {
                where = """
                        ((p.unit_id = :visUnit and p.unit_region_code = :visCounty) or exists (select 1 from insp_plan_unit pu
                          where pu.plan_id = p.id and pu.unit_id = :visUnit and pu.unit_region_code = :visCounty))""";
                params.put("visUnit", user.unitId());
                params.put("visCounty", user.scope().regionCode());
            }
            default -> where = "false";
        }
        return new Visibility(where, params);
    }

    public Optional<Plan> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<Plan> findVisible(UUID id, CurrentUser user) {
        Visibility v = visibility(user);
        return jdbc.sql(SELECT + " where p.id = :id and " + v.where()).param("id", id).params(v.params())
                .query(this::map).optional();
    }

    public Optional<Plan> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id for update").param("id", id).query(this::map).optional();
    }

    public record Row(UUID id, String name, UnitRef unit, PlanKind kind, LocalDate periodFrom, LocalDate periodTo,
                      Plan.Status status, int targets, long inspections, long completed, boolean drawn, boolean demo) {
    }

    public List<Row> list(CurrentUser user, Plan.Status status, int limit) {
        Visibility v = visibility(user);
        return jdbc.sql("""
                select p.id, p.name, p.unit_id, p.unit_region_code, p.kind, p.period_from, p.period_to, p.status, p.demo,
                       (select count(*) from insp_plan_target t where t.plan_id = p.id) as targets,
                       (select count(*) from insp_inspection i where i.plan_id = p.id and i.status <> 'CANCELLED') as inspections,
                       (select count(*) from insp_inspection i where i.plan_id = p.id and i.status = 'COMPLETED') as completed,
                       exists (select 1 from insp_draw d where d.plan_id = p.id) as drawn
                from insp_plan p where """ + " " + v.where() + " and (:s::text is null or p.status = :s)"
                        + " order by p.period_from desc, p.created_at desc limit :n")
                .params(v.params()).param("s", status == null ? null : status.name()).param("n", limit)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"),
                        new UnitRef(rs.getObject("unit_id", UUID.class), rs.getString("unit_region_code")),
                        PlanKind.valueOf(rs.getString("kind")), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class), Plan.Status.valueOf(rs.getString("status")),
                        rs.getInt("targets"), rs.getLong("inspections"), rs.getLong("completed"), rs.getBoolean("drawn"),
                        rs.getBoolean("demo")))
                .list();
    }

    public void insert(Plan p, Instant now, String by) {
        jdbc.sql("""
                insert into insp_plan (id, name, unit_id, unit_region_code, kind, period_from, period_to, status,
                    officers_per_inspection, experts_per_inspection, max_per_officer, note, demo, created_at, created_by,
                    updated_at, version)
                values (:id, :name, :unit, :region, :kind, :from, :to, :status, :opi, :epi, :max, :note, :demo, :at, :by, :at, 0)""")
                .param("id", p.id).param("name", p.name).param("unit", p.unit.unitId()).param("region", p.unit.regionCode())
                .param("kind", p.kind.name()).param("from", p.periodFrom).param("to", p.periodTo)
                .param("status", p.status.name()).param("opi", p.officersPerInspection).param("epi", p.expertsPerInspection)
                .param("max", p.maxPerOfficer).param("note", p.note).param("demo", p.demo).param("at", Timestamp.from(now))
                .param("by", by).update();
        for (UnitRef u : p.participants) {
            jdbc.sql("insert into insp_plan_unit (plan_id, unit_id, unit_region_code) values (:p, :u, :r)")
                    .param("p", p.id).param("u", u.unitId()).param("r", u.regionCode()).update();
        }
        for (Plan.Target t : p.targets) {
            jdbc.sql("""
                    insert into insp_plan_target (id, plan_id, ord, region_code, industry_code, risk_class, grades, selection, quota)
                    values (:id, :p, :ord, :region, :industry, :risk, string_to_array(:grades, ','), :sel, :quota)""")
                    .param("id", UUID.randomUUID()).param("p", p.id).param("ord", t.ord()).param("region", t.regionCode())
                    .param("industry", t.industryCode()).param("risk", t.riskClass() == null ? null : t.riskClass().name())
                    .param("grades", t.grades() == null ? null
                            : t.grades().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                    .param("sel", t.selection().name()).param("quota", t.quota()).update();
        }
        transitions.append(p.id, p.timeline());
    }

    public void save(Plan p, Instant now) {
        int n = jdbc.sql("update insp_plan set status = :s, updated_at = :at, version = version + 1 where id = :id and version = :v")
                .param("s", p.status.name()).param("at", Timestamp.from(now)).param("id", p.id).param("v", p.version).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("plan " + p.id + " changed");
        }
        p.version++;
        transitions.append(p.id, p.timeline());
    }

    public List<Step> steps(UUID planId) {
        return transitions.read(planId);
    }

    /** Rows written before a plan's steps carried their label hold the action alone. */
    private static String label(String action) {
        if (action.equals("CREATE")) {
            return "制定计划";
        }
        return Arrays.stream(Plan.Action.values()).filter(a -> a.name().equals(action)).map(Plan.Action::label)
                .findFirst().orElse(action);
    }

    private Plan map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<UnitRef> participants = jdbc.sql("select unit_id, unit_region_code from insp_plan_unit where plan_id = :p order by unit_id, unit_region_code")
                .param("p", id).query((r, i) -> new UnitRef(r.getObject(1, UUID.class), r.getString(2))).list();
        List<Plan.Target> targets = jdbc.sql("""
                select ord, region_code, industry_code, risk_class, grades, selection, quota from insp_plan_target
                where plan_id = :p order by ord""").param("p", id).query((r, i) -> {
            Array g = r.getArray("grades");
            Set<StandardizationGrade> grades = null;
            if (g != null) {
                grades = EnumSet.noneOf(StandardizationGrade.class);
                for (String s : (String[]) g.getArray()) {
                    grades.add(StandardizationGrade.valueOf(s));
                }
            }
            String risk = r.getString("risk_class");
            return new Plan.Target(r.getInt("ord"), r.getString("region_code"), r.getString("industry_code"),
                    risk == null ? null : RiskClass.valueOf(risk), grades, Draw.Selection.valueOf(r.getString("selection")),
                    r.getInt("quota"));
        }).list();
        Integer max = (Integer) rs.getObject("max_per_officer");
        return new Plan(id, rs.getString("name"), new UnitRef(rs.getObject("unit_id", UUID.class), rs.getString("unit_region_code")),
                PlanKind.valueOf(rs.getString("kind")), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getInt("officers_per_inspection"),
                rs.getInt("experts_per_inspection"), max, rs.getString("note"), new ArrayList<>(participants), targets,
                rs.getBoolean("demo"), Plan.Status.valueOf(rs.getString("status")), rs.getInt("version"));
    }
}
