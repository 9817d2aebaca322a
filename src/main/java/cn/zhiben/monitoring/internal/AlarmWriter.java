package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.AlarmLevel;
import cn.zhiben.monitoring.AlarmStatus;
import cn.zhiben.monitoring.MonitoringEvents;
import cn.zhiben.monitoring.MonitoringProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Raises, re-triggers and clears alarms for the rules, inside the caller's transaction. At most one alarm per subject
 * and rule is in handling (unique partial index mon_alarm_one_open): a trigger while one is open updates it (count,
 * last trigger, peak) instead of raising another, whichever thread or instance gets there first — no alarm storms.
 * A cleared condition marks the alarm 已恢复; its handling goes on until a person closes it.
 */
@Component
public class AlarmWriter {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final MonitoringProperties properties;

    AlarmWriter(JdbcClient jdbc, ApplicationEventPublisher events, MonitoringProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
    }

    /** What an alarm is about: a point, or an enterprise as a whole (key 'enterprise:<id>'). */
    public record Subject(String key, UUID pointId, String pointCode, String pointName, UUID enterpriseId,
                          String enterpriseName, String regionCode, String zoneCode, String industryCode, String unit,
                          boolean demo) {

        public static Subject of(PointInfo p) {
            return new Subject(p.id().toString(), p.id(), p.code(), p.name(), p.enterpriseId(), p.enterpriseName(),
                    p.regionCode(), p.zoneCode(), p.industryCode(), p.unit(), p.demo());
        }

        public static String enterpriseKey(UUID enterpriseId) {
            return "enterprise:" + enterpriseId;
        }
    }

    /** @return the alarm's id and whether this trigger raised it (false: an open one was re-triggered) */
    public record Triggered(UUID id, String number, boolean raised) {
    }

    public Triggered trigger(Subject s, Rule rule, Double value, Instant readingAt, Instant now) {
        UUID id = UUID.randomUUID();
        var row = jdbc.sql("""
                insert into mon_alarm (id, number, subject_key, point_id, point_code, point_name, enterprise_id, enterprise_name,
                    region_code, zone_code, industry_code, rule_code, rule_version, rule_label, rule_source, rule_confidence,
                    level, status, threshold, trigger_value, peak_value, reading_ts, raised_at, last_triggered_at,
                    trigger_count, respond_due_at, demo)
                values (:id, 'YJ' || to_char(:now at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('mon_alarm_seq')::text, 6, '0'),
                    :key, :point, :pcode, :pname, :ent, :ename, :region, :zone, :industry, :rule, :rv, :rlabel, :rsource, :rconf,
                    :level, 'RAISED', :threshold, :value, :value, :reading, :now, :now, 1, :due, :demo)
                on conflict (subject_key, rule_code) where status <> 'CLOSED' do update
                    set trigger_count = mon_alarm.trigger_count + 1, last_triggered_at = excluded.last_triggered_at,
                        cleared_at = null,
                        peak_value = case when excluded.peak_value is null then mon_alarm.peak_value
                                          when mon_alarm.peak_value is null then excluded.peak_value
                                          when :low then least(mon_alarm.peak_value, excluded.peak_value)
                                          else greatest(mon_alarm.peak_value, excluded.peak_value) end
                returning id, number, status, (xmax = 0) as inserted""")
                .param("id", id).param("now", Timestamp.from(now)).param("key", s.key()).param("point", s.pointId())
                .param("pcode", s.pointCode()).param("pname", s.pointName()).param("ent", s.enterpriseId())
                .param("ename", s.enterpriseName()).param("region", s.regionCode()).param("zone", s.zoneCode())
                .param("industry", s.industryCode()).param("rule", rule.code()).param("rv", rule.version())
                .param("rlabel", rule.label()).param("rsource", rule.source()).param("rconf", rule.confidence())
                .param("level", rule.level().name()).param("threshold", rule.thresholdText(s.unit() == null ? "" : s.unit()))
                .param("value", value).param("reading", Timestamp.from(readingAt))
                .param("due", Timestamp.from(now.plus(properties.escalation().of(rule.level()))))
                .param("demo", s.demo()).param("low", rule.direction() == Rule.Direction.LOW)
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)})
                .single();
        UUID alarmId = (UUID) row[0];
        String number = (String) row[1];
        AlarmStatus status = AlarmStatus.valueOf((String) row[2]);
        boolean raised = (Boolean) row[3];
        String what = rule.label() + (value == null ? "" : " " + Rule.fmt(value) + (s.unit() == null ? "" : s.unit()));
        if (raised) {
            transition(alarmId, null, AlarmStatus.RAISED, "RAISE", now, what + "（" + rule.thresholdText(s.unit() == null ? "" : s.unit()) + "）");
            events.publishEvent(new MonitoringEvents.AlarmRaised(alarmId, number, s.enterpriseId(), s.regionCode(),
                    s.industryCode(), s.pointId(), rule.code(), rule.level(), value, readingAt, now));
        } else {
            transition(alarmId, status, status, "RETRIGGER", now, "再次触发：" + what);
        }
        return new Triggered(alarmId, number, raised);
    }

    /** The condition ended (below the restore value, data again, load back to normal): 已恢复. */
    public Optional<UUID> clear(String subjectKey, String ruleCode, Double value, Instant now) {
        var row = jdbc.sql("""
                update mon_alarm set cleared_at = :now
                where subject_key = :k and rule_code = :r and status <> 'CLOSED' and cleared_at is null
                returning id, status""")
                .param("now", Timestamp.from(now)).param("k", subjectKey).param("r", ruleCode)
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2)}).optional();
        row.ifPresent(r -> transition((UUID) r[0], AlarmStatus.valueOf((String) r[1]), AlarmStatus.valueOf((String) r[1]),
                "CONDITION_CLEARED", now, value == null ? "报警条件解除" : "报警条件解除（" + Rule.fmt(value) + "）"));
        return row.map(r -> (UUID) r[0]);
    }

    /** A new extreme while the condition lasts (kept as the alarm's peak value). */
    public void peak(String subjectKey, String ruleCode, double value, boolean low) {
        jdbc.sql("""
                update mon_alarm set peak_value = case when :low then least(peak_value, :v) else greatest(peak_value, :v) end
                where subject_key = :k and rule_code = :r and status <> 'CLOSED'""")
                .param("low", low).param("v", value).param("k", subjectKey).param("r", ruleCode).update();
    }

    void transition(UUID alarmId, AlarmStatus from, AlarmStatus to, String action, Instant at, String reason) {
        jdbc.sql("""
                insert into mon_alarm_transition (alarm_id, from_status, to_status, action, actor_id, actor_name, actor_role, at, reason)
                values (:a, :f, :t, :action, null, '系统', null, :at, :reason)""")
                .param("a", alarmId).param("f", from == null ? null : from.name()).param("t", to.name())
                .param("action", action).param("at", Timestamp.from(at)).param("reason", reason).update();
    }

    static AlarmLevel level(String s) {
        return AlarmLevel.valueOf(s);
    }
}
