package cn.zhiben.hazards.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The records that hang off a hazard: rectification plans, extension requests, evaluations. */
@Repository
public class HazardDetails {

    private final JdbcClient jdbc;

    HazardDetails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A rectification plan: the six elements of 令第16号 Art. 15 (objectives, methods and measures, funds and materials,
     * organisation and people, time limit, safety measures and emergency plan) plus interim measures.
     */
    public record PlanInput(String objectives, String measures, long fundingFen, String materials, String organisation,
                            String responsiblePerson, LocalDate deadline, String safetyMeasures, String emergencyPlan,
                            String interimMeasures) {
    }

    /**
     * @param qualification the third party's qualification (资质证书), required for THIRD_PARTY
     * @param experts       the enterprise's own technical staff and experts who evaluated (令第16号 第十八条), for SELF
     */
    public record EvaluationInput(String kind, String organisation, String conclusion, LocalDate evaluatedOn,
                                  String qualification, String experts) {
        public EvaluationInput(String kind, String organisation, String conclusion, LocalDate evaluatedOn) {
            this(kind, organisation, conclusion, evaluatedOn, null, null);
        }
    }

    /** A 综合判定 / 专家论证: the standard version, the experts (one per entry) and their opinion. */
    public record Determination(UUID versionId, String citation, java.util.List<String> experts, String opinion,
                                LocalDate determinedOn) {
    }

    void insertPlan(UUID hazardId, PlanInput p, String by, Instant at) {
        jdbc.sql("""
                insert into hz_plan (id, hazard_id, objectives, measures, funding_fen, materials, organisation, responsible_person,
                    deadline, safety_measures, emergency_plan, interim_measures, filed_at, filed_by)
                values (:id, :h, :o, :m, :f, :mat, :org, :rp, :d, :s, :e, :i, :at, :by)""")
                .param("id", UUID.randomUUID()).param("h", hazardId).param("o", p.objectives()).param("m", p.measures())
                .param("f", p.fundingFen()).param("mat", p.materials()).param("org", p.organisation())
                .param("rp", p.responsiblePerson()).param("d", p.deadline()).param("s", p.safetyMeasures())
                .param("e", p.emergencyPlan()).param("i", p.interimMeasures())
                .param("at", HazardRepository.ts(at)).param("by", by).update();
    }

    void insertExtension(UUID hazardId, LocalDate requested, LocalDate previous, String reason, String by, Instant at) {
        jdbc.sql("""
                insert into hz_extension (id, hazard_id, requested_deadline, previous_deadline, reason, requested_at, requested_by)
                values (:id, :h, :r, :p, :reason, :at, :by)""")
                .param("id", UUID.randomUUID()).param("h", hazardId).param("r", requested).param("p", previous)
                .param("reason", reason).param("at", HazardRepository.ts(at)).param("by", by).update();
    }

    Optional<LocalDate> pendingExtensionDate(UUID hazardId) {
        return jdbc.sql("select requested_deadline from hz_extension where hazard_id = :h and decision is null order by requested_at desc limit 1")
                .param("h", hazardId).query(LocalDate.class).optional();
    }

    void decideExtension(UUID hazardId, boolean approve, String reason, String by, Instant at) {
        jdbc.sql("""
                update hz_extension set decision = :d, decision_reason = :r, decided_at = :at, decided_by = :by
                where hazard_id = :h and decision is null""")
                .param("d", approve ? "APPROVED" : "REFUSED").param("r", reason).param("at", HazardRepository.ts(at))
                .param("by", by).param("h", hazardId).update();
    }

    void insertEvaluation(UUID hazardId, EvaluationInput e, String by, Instant at) {
        jdbc.sql("""
                insert into hz_evaluation (id, hazard_id, kind, organisation, conclusion, evaluated_on, recorded_at, recorded_by,
                    qualification, experts)
                values (:id, :h, :k, :o, :c, :d, :at, :by, :q, :x)""")
                .param("q", e.qualification()).param("x", e.experts())
                .param("id", UUID.randomUUID()).param("h", hazardId).param("k", e.kind()).param("o", e.organisation())
                .param("c", e.conclusion()).param("d", e.evaluatedOn()).param("at", HazardRepository.ts(at))
                .param("by", by).update();
    }

    void insertDetermination(UUID hazardId, Determination d, String by, Instant at) {
        jdbc.sql("""
                insert into hz_determination (hazard_id, version_id, citation, experts, opinion, determined_on, recorded_at, recorded_by)
                values (:h, :v, :c, :x, :o, :d, :at, :by)
                on conflict (hazard_id) do update set version_id = excluded.version_id, citation = excluded.citation,
                    experts = excluded.experts, opinion = excluded.opinion, determined_on = excluded.determined_on,
                    recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""")
                .param("h", hazardId).param("v", d.versionId()).param("c", d.citation())
                .param("x", String.join("\n", d.experts())).param("o", d.opinion()).param("d", d.determinedOn())
                .param("at", HazardRepository.ts(at)).param("by", by).update();
    }

    /** How many experts a determination against this version needs, and whether the standard provides for one. */
    public record DeterminationRule(int minExperts, boolean provided, String basis, boolean inferred) {
    }

    /** The rule of the standard's edition in force from {@code versionFrom} (the latest rule starting by then). */
    public Optional<DeterminationRule> determinationRule(String standardCode, LocalDate versionFrom) {
        if (standardCode == null || versionFrom == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select min_experts, provided, basis, inferred from hz_determination_rule
                where standard_code = :c and from_date <= :d order by from_date desc limit 1""")
                .param("c", standardCode).param("d", versionFrom)
                .query((rs, n) -> new DeterminationRule(rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getBoolean(4)))
                .optional();
    }
}
