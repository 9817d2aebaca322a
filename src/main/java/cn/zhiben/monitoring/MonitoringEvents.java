package cn.zhiben.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * What the monitoring module tells the others (analytics, notifications), published in the same transaction through
 * the event publication registry. Listeners must be idempotent.
 */
public final class MonitoringEvents {

    private MonitoringEvents() {
    }

    /** A new alarm (not a re-trigger of one still in handling). pointId is null for enterprise-wide rules. */
    public record AlarmRaised(UUID alarmId, String number, UUID enterpriseId, String regionCode, String industryCode,
                              UUID pointId, String ruleCode, AlarmLevel level, Double value, Instant readingAt,
                              Instant raisedAt) {
    }

    /** Not responded to within the response time of its level; escalated one level up. */
    public record AlarmEscalated(UUID alarmId, String number, UUID enterpriseId, String regionCode, String industryCode,
                                 AlarmLevel level, String escalatedTo, Instant at) {
    }

    /** The on-site check's verdict. */
    public record AlarmVerified(UUID alarmId, UUID enterpriseId, String regionCode, String industryCode, Verdict verdict,
                                Instant at) {
    }

    /** A real alarm became a hazard case through the hazards module. */
    public record AlarmConverted(UUID alarmId, UUID enterpriseId, UUID hazardId, String hazardNumber, Instant at) {
    }

    public record AlarmClosed(UUID alarmId, UUID enterpriseId, String regionCode, String industryCode, AlarmLevel level,
                              Verdict verdict, Instant raisedAt, Instant closedAt) {
    }
}
