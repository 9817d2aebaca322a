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

    public record EvaluationInput(String kind, String organisation, String conclusion, LocalDate evaluatedOn) {
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
                insert into hz_evaluation (id, hazard_id, kind, organisation, conclusion, evaluated_on, recorded_at, recorded_by)
                values (:id, :h, :k, :o, :c, :d, :at, :by)""")
                .param("id", UUID.randomUUID()).param("h", hazardId).param("k", e.kind()).param("o", e.organisation())
                .param("c", e.conclusion()).param("d", e.evaluatedOn()).param("at", HazardRepository.ts(at))
                .param("by", by).update();
    }
}
