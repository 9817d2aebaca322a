package cn.zhiben.inspections.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads and saves inspections (optimistic locking on the version). Who sees an inspection is decided here, in SQL:
 * the data scope over the enterprise, plus the inspecting units, the team and the assigned experts; and a 四不两直
 * inspection before its visit only by the inspecting units, the team and the experts.
 */
@Repository
public class InspectionRepository {

    static final String COLUMNS = """
            i.id, i.number, i.plan_id, i.draw_id, i.unit_id, i.unit_region_code, i.kind, i.unannounced, i.enterprise_id,
            i.enterprise_name, i.region_code, i.zone_code, i.industry_code, i.status, i.planned_from, i.planned_to,
            i.visit_started_at, i.inspected_on, i.place, i.summary, i.handling, i.enterprise_signer,
            i.enterprise_signer_position, i.enterprise_refused, i.refusal_note, i.completed_at, i.acknowledged_at,
            i.acknowledged_by_name, i.cancel_reason, i.demo, i.version""";
    private final JdbcClient jdbc;
    private final TransitionLog transitions;

    InspectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.transitions = new TransitionLog(jdbc, "insp_inspection_transition", "inspection_id", action -> action);
    }

    public record Visibility(String where, Map<String, Object> params) {
    }

    /** The SQL condition over insp_inspection i under which this user sees an inspection. */
    public static Visibility visibility(CurrentUser user) {
        DataScope.Sql scope = user.scope().toSql("i.enterprise_id", "i.region_code", "i.zone_code", "i.industry_code");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        UnitRef unit = UnitRef.of(user).orElse(null);
        String inUnits = "false";
        if (unit != null) {
            inUnits = """
                    ((i.unit_id = :visUnit and coalesce(i.unit_region_code, '') = :visCounty) or exists (select 1 from
                      insp_inspection_unit iu where iu.inspection_id = i.id and iu.unit_id = :visUnit
                      and coalesce(iu.unit_region_code, '') = :visCounty))""";
            params.put("visUnit", unit.unitId());
            params.put("visCounty", unit.county());
        }
        String team = """
                (exists (select 1 from insp_inspection_officer io where io.inspection_id = i.id and io.user_id = :visMe)
                 or exists (select 1 from insp_expert_assignment ea join insp_expert x on x.id = ea.expert_id
                   where ea.inspection_id = i.id and ea.status <> 'REVOKED' and x.user_id = :visMe))""";
        params.put("visMe", user.id());
        if (!user.scope().business()) {
            return new Visibility("false", Map.of());
        }
        String where = "((" + scope.where() + ") or " + inUnits + " or " + team + ")"
                + " and (not (i.unannounced and i.visit_started_at is null) or " + inUnits + " or " + team + ")";
        return new Visibility(where, params);
    }

    public Optional<Inspection> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from insp_inspection i where i.id = :id").param("id", id)
                .query(this::map).optional();
    }

    public Optional<Inspection> findVisible(UUID id, CurrentUser user) {
        Visibility v = visibility(user);
        return jdbc.sql("select " + COLUMNS + " from insp_inspection i where i.id = :id and " + v.where())
                .param("id", id).params(v.params()).query(this::map).optional();
    }

    public Optional<Inspection> findVisibleForUpdate(UUID id, CurrentUser user) {
        Visibility v = visibility(user);
        return jdbc.sql("select " + COLUMNS + " from insp_inspection i where i.id = :id and " + v.where() + " for update of i")
                .param("id", id).params(v.params()).query(this::map).optional();
    }

    public List<Inspection> ofDraw(UUID drawId) {
        return jdbc.sql("select " + COLUMNS + " from insp_inspection i where i.draw_id = :d order by i.created_at, i.id")
                .param("d", drawId).query(this::map).list();
    }

    public void insert(Inspection x, Instant now, String by) {
        jdbc.sql("""
                insert into insp_inspection (id, plan_id, draw_id, unit_id, unit_region_code, kind, unannounced, enterprise_id,
                    enterprise_name, region_code, zone_code, industry_code, status, planned_from, planned_to, demo,
                    created_at, created_by, updated_at, version)
                values (:id, :plan, :draw, :unit, :region, :kind, :unannounced, :e, :en, :er, :ez, :ei, :status, :from, :to,
                    :demo, :at, :by, :at, 0)""")
                .param("id", x.id).param("plan", x.planId).param("draw", x.drawId).param("unit", x.unit.unitId())
                .param("region", x.unit.regionCode()).param("kind", x.kind.name()).param("unannounced", x.unannounced)
                .param("e", x.enterpriseId).param("en", x.enterpriseName).param("er", x.regionCode).param("ez", x.zoneCode)
                .param("ei", x.industryCode).param("status", x.status.name()).param("from", x.plannedFrom)
                .param("to", x.plannedTo).param("demo", x.demo).param("at", Timestamp.from(now)).param("by", by).update();
        int ord = 0;
        for (Inspection.OnDuty o : x.officers) {
            jdbc.sql("""
                    insert into insp_inspection_officer (inspection_id, officer_id, user_id, name, certificate_no, ord)
                    values (:i, :o, :u, :n, :c, :ord)""")
                    .param("i", x.id).param("o", o.officerId()).param("u", o.userId()).param("n", o.name())
                    .param("c", o.certificateNo()).param("ord", ord++).update();
        }
        for (UnitRef u : x.jointUnits) {
            jdbc.sql("insert into insp_inspection_unit (inspection_id, unit_id, unit_region_code) values (:i, :u, :r)")
                    .param("i", x.id).param("u", u.unitId()).param("r", u.regionCode()).update();
        }
        transitions.append(x.id, x.timeline());
    }

    public void save(Inspection x, Instant now) {
        int n = jdbc.sql("""
                update insp_inspection set number = :number, status = :status, visit_started_at = :started,
                    inspected_on = :on, place = :place, summary = :summary, handling = :handling,
                    enterprise_signer = :signer, enterprise_signer_position = :position, enterprise_refused = :refused,
                    refusal_note = :note, completed_at = :completed, acknowledged_at = :ack, acknowledged_by_name = :ackBy,
                    cancel_reason = :cancel, updated_at = :at, version = version + 1
                where id = :id and version = :version""")
                .param("number", x.number).param("status", x.status.name()).param("started", ts(x.visitStartedAt))
                .param("on", x.inspectedOn).param("place", x.place).param("summary", x.summary)
                .param("handling", x.handling).param("signer", x.enterpriseSigner)
                .param("position", x.enterpriseSignerPosition).param("refused", x.enterpriseRefused)
                .param("note", x.refusalNote).param("completed", ts(x.completedAt)).param("ack", ts(x.acknowledgedAt))
                .param("ackBy", x.acknowledgedByName).param("cancel", x.cancelReason).param("at", Timestamp.from(now))
                .param("id", x.id).param("version", x.version).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("inspection " + x.id + " changed");
        }
        x.version++;
        transitions.append(x.id, x.timeline());
    }

    public List<Step> steps(UUID inspectionId) {
        return transitions.read(inspectionId);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    Inspection map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Inspection.OnDuty> officers = jdbc.sql("""
                select officer_id, user_id, name, certificate_no from insp_inspection_officer where inspection_id = :i order by ord""")
                .param("i", id).query((r, k) -> new Inspection.OnDuty(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                        r.getString(3), r.getString(4))).list();
        List<UnitRef> joint = jdbc.sql("select unit_id, unit_region_code from insp_inspection_unit where inspection_id = :i")
                .param("i", id).query((r, k) -> new UnitRef(r.getObject(1, UUID.class), r.getString(2))).list();
        List<UUID> experts = jdbc.sql("""
                select x.user_id from insp_expert_assignment a join insp_expert x on x.id = a.expert_id
                where a.inspection_id = :i and a.status <> 'REVOKED' and x.user_id is not null""")
                .param("i", id).query(UUID.class).list();
        Inspection x = new Inspection(id, rs.getString("number"), rs.getObject("plan_id", UUID.class),
                rs.getObject("draw_id", UUID.class), new UnitRef(rs.getObject("unit_id", UUID.class), rs.getString("unit_region_code")),
                PlanKind.valueOf(rs.getString("kind")), rs.getBoolean("unannounced"), rs.getObject("enterprise_id", UUID.class),
                rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("zone_code"),
                rs.getString("industry_code"), Inspection.Status.valueOf(rs.getString("status")),
                rs.getObject("planned_from", LocalDate.class), rs.getObject("planned_to", LocalDate.class),
                rs.getBoolean("demo"), rs.getInt("version"), officers, joint, new HashSet<>(experts));
        Timestamp started = rs.getTimestamp("visit_started_at");
        x.visitStartedAt = started == null ? null : started.toInstant();
        x.inspectedOn = rs.getObject("inspected_on", LocalDate.class);
        x.place = rs.getString("place");
        x.summary = rs.getString("summary");
        x.handling = rs.getString("handling");
        x.enterpriseSigner = rs.getString("enterprise_signer");
        x.enterpriseSignerPosition = rs.getString("enterprise_signer_position");
        x.enterpriseRefused = rs.getBoolean("enterprise_refused");
        x.refusalNote = rs.getString("refusal_note");
        Timestamp completed = rs.getTimestamp("completed_at");
        x.completedAt = completed == null ? null : completed.toInstant();
        Timestamp ack = rs.getTimestamp("acknowledged_at");
        x.acknowledgedAt = ack == null ? null : ack.toInstant();
        x.acknowledgedByName = rs.getString("acknowledged_by_name");
        x.cancelReason = rs.getString("cancel_reason");
        return x;
    }
}
