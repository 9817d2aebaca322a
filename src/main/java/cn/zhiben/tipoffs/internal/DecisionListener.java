package cn.zhiben.tipoffs.internal;

import cn.zhiben.inspections.InspectionEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Hears enforcement decisions: the fine actually imposed (安监总财〔2018〕19号 rewards a share of it) is noted on every
 * tip-off whose hazard the decision names. Idempotent: a decision is taken once (its id is the key), so a redelivered
 * event changes nothing.
 */
@Component
class DecisionListener {

    private final JdbcClient jdbc;
    private final TipoffRepository repo;
    private final Clock clock;

    DecisionListener(JdbcClient jdbc, TipoffRepository repo, Clock clock) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(InspectionEvents.DecisionIssued e) {
        record(e);
    }

    /** @return whether the decision was new */
    boolean record(InspectionEvents.DecisionIssued e) {
        List<UUID> hazards = e.hazardIds() == null ? List.of() : e.hazardIds();
        int n = jdbc.sql("""
                insert into tip_decision (decision_id, document_number, enterprise_id, hazard_ids, enterprise_fine_fen,
                    person_fine_fen, decided_on, heard_at)
                values (:id, :doc, :e, :h, :ef, :pf, :on, :at) on conflict (decision_id) do nothing""")
                .param("id", e.decisionId()).param("doc", e.documentNumber()).param("e", e.enterpriseId())
                .param("h", hazards.toArray(new UUID[0])).param("ef", e.enterpriseFineFen()).param("pf", e.personFineFen())
                .param("on", e.decidedOn()).param("at", Timestamp.from(clock.instant())).update();
        if (n == 0) {
            return false;
        }
        for (Tipoff t : repo.findByHazards(hazards)) {
            repo.lock(t.id);
            Tipoff fresh = repo.findUnscoped(t.id).orElseThrow();
            fresh.fineImposed(clock.instant(), e.enterpriseFineFen() + e.personFineFen(), e.documentNumber());
            repo.save(fresh);
        }
        return true;
    }
}
