package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.SelfCheckEvidence;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** {@link SelfCheckEvidence}: the evidence row and the hazard's flag and timeline step, in one transaction, once. */
@Service
class SelfCheckEvidenceService implements SelfCheckEvidence {

    private final HazardRepository hazards;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    SelfCheckEvidenceService(HazardRepository hazards, JdbcClient jdbc, Clock clock,
                             org.springframework.context.ApplicationEventPublisher events) {
        this.hazards = hazards;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public boolean record(UUID hazardId, String sourceModule, String sourceRef, String evidence) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                insert into hz_self_check_evidence (id, hazard_id, source_module, source_ref, evidence, recorded_at)
                select :id, h.id, :m, :r, :e, :at from hz_hazard h where h.id = :h
                on conflict (source_module, source_ref) do nothing""")
                .param("id", UUID.randomUUID()).param("m", sourceModule).param("r", sourceRef).param("e", evidence)
                .param("at", Timestamp.from(now)).param("h", hazardId).update();
        if (inserted == 0) {
            if (hazards.findUnscoped(hazardId).isEmpty()) {
                throw ProblemException.notFound("HAZARD_NOT_FOUND", "隐患不存在");
            }
            return false;
        }
        Hazard h = hazards.findUnscoped(hazardId).orElseThrow();
        h.selfCheckEvidence(now, evidence);
        hazards.save(h, now);
        // 责任倒查 opened: the county and the supervisors are told
        h.pendingEvents().forEach(events::publishEvent);
        h.clearPending();
        return true;
    }
}
