package cn.zhiben.inspections.internal;

import cn.zhiben.inspections.InspectionEvents;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads and saves decisions. A decision is seen by those whose scope covers the enterprise and by the deciding unit;
 * decisions are not secret (penalties are published, 安全生产法 Art. 78).
 */
@Repository
public class DecisionRepository {

    private static final String SELECT = """
            select d.id, d.number, d.kind, d.case_id, d.party_type, d.party_name, d.party_position, d.unit_id,
                   d.unit_region_code, d.enterprise_id, d.enterprise_name, d.region_code, d.zone_code, d.industry_code,
                   d.inspection_id, d.measures, d.facts, d.legal_basis, d.fine_fen, d.confiscation_fen, d.deadline,
                   d.shutdown_from, d.transfer_to, d.prior_notice_on, d.hearing_notice_on, d.decided_on, d.status,
                   d.served_on, d.paid_fen, d.paid_on, d.shutdown_lifted_on, d.demo, d.version
            from insp_decision d""";
    private final JdbcClient jdbc;
    private final TransitionLog transitions;

    DecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.transitions = new TransitionLog(jdbc, "insp_decision_transition", "decision_id", action -> action);
    }

    public record Visibility(String where, Map<String, Object> params) {
    }

    public static Visibility visibility(CurrentUser user) {
        if (!user.scope().business()) {
            return new Visibility("false", Map.of());
        }
        DataScope.Sql scope = user.scope().toSql("d.enterprise_id", "d.region_code", "d.zone_code", "d.industry_code");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        String own = "false";
        UnitRef unit = UnitRef.of(user).orElse(null);
        if (unit != null) {
            own = "(d.unit_id = :visUnit and coalesce(d.unit_region_code, '') = :visCounty)";
            params.put("visUnit", unit.unitId());
            params.put("visCounty", unit.county());
        }
        return new Visibility("((" + scope.where() + ") or " + own + ")", params);
    }

    public Optional<Decision> findVisible(UUID id, CurrentUser user, boolean forUpdate) {
        Visibility v = visibility(user);
        return jdbc.sql(SELECT + " where d.id = :id and " + v.where() + (forUpdate ? " for update" : ""))
                .param("id", id).params(v.params()).query(this::map).optional();
    }

    public List<Decision> ofCase(UUID caseId) {
        return jdbc.sql(SELECT + " where d.case_id = :c order by d.party_type desc, d.number").param("c", caseId)
                .query(this::map).list();
    }

    public List<Decision> ofInspection(UUID inspectionId) {
        return jdbc.sql(SELECT + " where d.inspection_id = :i order by d.decided_on, d.number").param("i", inspectionId)
                .query(this::map).list();
    }

    public List<Decision> list(CurrentUser user, UUID enterpriseId, LocalDate from, LocalDate to, int limit) {
        Visibility v = visibility(user);
        return jdbc.sql(SELECT + " where " + v.where() + " and (:e::uuid is null or d.enterprise_id = :e)"
                        + " and (:from::date is null or d.decided_on >= :from) and (:to::date is null or d.decided_on <= :to)"
                        + " order by d.decided_on desc, d.number desc limit :n")
                .params(v.params()).param("e", enterpriseId).param("from", from).param("to", to).param("n", limit)
                .query(this::map).list();
    }

    public List<UUID> hazards(UUID decisionId) {
        return jdbc.sql("select hazard_id from insp_decision_hazard where decision_id = :d order by hazard_id")
                .param("d", decisionId).query(UUID.class).list();
    }

    public void insert(Decision d, List<UUID> hazardIds, Map<UUID, UUID> findingOfHazard, Instant now, String by) {
        Decision.Terms t = d.terms;
        jdbc.sql("""
                insert into insp_decision (id, number, kind, case_id, party_type, party_name, party_position, unit_id,
                    unit_region_code, enterprise_id, enterprise_name, region_code, zone_code, industry_code, inspection_id,
                    measures, facts, legal_basis, fine_fen, confiscation_fen, deadline, shutdown_from, shutdown_partial,
                    transfer_to, prior_notice_on, hearing_notice_on, decided_on, status, demo, created_at, created_by,
                    updated_at, version)
                values (:id, :number, :kind, :case, :ptype, :pname, :ppos, :unit, :ureg, :e, :en, :r, :z, :i, :insp,
                    string_to_array(:measures, ','), :facts, string_to_array(:basis, ','), :fine, :conf, :deadline,
                    :shutdownFrom, :partial, :transfer, :prior, :hearing, :decided, :status, :demo, :at, :by, :at, 0)""")
                .param("id", d.id).param("number", d.number).param("kind", t.kind().name()).param("case", d.caseId)
                .param("ptype", t.partyType().name()).param("pname", t.partyName()).param("ppos", t.partyPosition())
                .param("unit", d.unit.unitId()).param("ureg", d.unit.regionCode()).param("e", d.enterpriseId)
                .param("en", d.enterpriseName).param("r", d.regionCode).param("z", d.zoneCode).param("i", d.industryCode)
                .param("insp", d.inspectionId)
                .param("measures", t.measures().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("facts", t.facts()).param("basis", String.join(",", t.legalBasis())).param("fine", t.fineFen())
                .param("conf", t.confiscationFen()).param("deadline", t.deadline()).param("shutdownFrom", t.shutdownFrom())
                .param("partial", t.measures().contains(InspectionEvents.Measure.SUSPEND_PARTIAL))
                .param("transfer", t.transferTo()).param("prior", t.priorNoticeOn()).param("hearing", t.hearingNoticeOn())
                .param("decided", t.decidedOn()).param("status", d.status.name()).param("demo", d.demo)
                .param("at", Timestamp.from(now)).param("by", by).update();
        for (UUID h : hazardIds) {
            jdbc.sql("insert into insp_decision_hazard (decision_id, hazard_id, finding_id) values (:d, :h, :f)")
                    .param("d", d.id).param("h", h).param("f", findingOfHazard.get(h)).update();
        }
        transitions.append(d.id, d.timeline());
    }

    public void save(Decision d, Instant now) {
        int n = jdbc.sql("""
                update insp_decision set status = :s, served_on = :served, paid_fen = :paid, paid_on = :paidOn,
                    shutdown_lifted_on = :lifted, updated_at = :at, version = version + 1
                where id = :id and version = :v""")
                .param("s", d.status.name()).param("served", d.servedOn).param("paid", d.paidFen).param("paidOn", d.paidOn)
                .param("lifted", d.shutdownLiftedOn).param("at", Timestamp.from(now)).param("id", d.id).param("v", d.version)
                .update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("decision " + d.id + " changed");
        }
        d.version++;
        transitions.append(d.id, d.timeline());
    }

    public List<Step> steps(UUID decisionId) {
        return transitions.read(decisionId);
    }

    private static List<String> array(Array a) throws java.sql.SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    Decision map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Set<InspectionEvents.Measure> measures = EnumSet.noneOf(InspectionEvents.Measure.class);
        array(rs.getArray("measures")).forEach(m -> measures.add(InspectionEvents.Measure.valueOf(m)));
        Decision.Terms t = new Decision.Terms(Decision.Kind.valueOf(rs.getString("kind")),
                Decision.PartyType.valueOf(rs.getString("party_type")), rs.getString("party_name"),
                rs.getString("party_position"), measures, rs.getString("facts"), array(rs.getArray("legal_basis")),
                rs.getLong("fine_fen"), rs.getLong("confiscation_fen"), rs.getObject("deadline", LocalDate.class),
                rs.getObject("shutdown_from", LocalDate.class), rs.getString("transfer_to"),
                rs.getObject("prior_notice_on", LocalDate.class), rs.getObject("hearing_notice_on", LocalDate.class),
                rs.getObject("decided_on", LocalDate.class));
        Decision d = new Decision(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("case_id", UUID.class),
                new UnitRef(rs.getObject("unit_id", UUID.class), rs.getString("unit_region_code")),
                rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"), rs.getString("region_code"),
                rs.getString("zone_code"), rs.getString("industry_code"), rs.getObject("inspection_id", UUID.class), t,
                rs.getBoolean("demo"), Decision.Status.valueOf(rs.getString("status")), rs.getInt("version"));
        d.servedOn = rs.getObject("served_on", LocalDate.class);
        d.paidFen = rs.getLong("paid_fen");
        d.paidOn = rs.getObject("paid_on", LocalDate.class);
        d.shutdownLiftedOn = rs.getObject("shutdown_lifted_on", LocalDate.class);
        return d;
    }
}
