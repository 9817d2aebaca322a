package cn.zhiben.monitoring.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The no-data rule: a point that has received nothing for the rule's minutes (counted from its set-up when it never
 * reported) raises 测点无数据; its next reading clears it. Judged against the server clock by this sweep, since a
 * silent sensor sends nothing that could trigger a per-reading rule.
 */
@Component
public class NoDataSweep {

    private final JdbcClient jdbc;
    private final PointRegistry registry;
    private final AlarmWriter alarms;
    private final Clock clock;

    NoDataSweep(JdbcClient jdbc, PointRegistry registry, AlarmWriter alarms, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.alarms = alarms;
        this.clock = clock;
    }

    /** Returns how many alarms it raised or cleared. */
    @Transactional
    public int run() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(hashtext('mon_no_data'))").query(Boolean.class).single()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<Integer, Instant> last = new HashMap<>();
        jdbc.sql("""
                select p.no, coalesce(l.received_at, p.created_at) from mon_point p left join mon_latest l on l.point_no = p.no
                where p.enabled""").query(rs -> {
            last.put(rs.getInt(1), rs.getTimestamp(2).toInstant());
        });
        Set<String> open = new HashSet<>(jdbc.sql("""
                select subject_key from mon_alarm where rule_code = 'NO_DATA' and status <> 'CLOSED' and cleared_at is null""")
                .query(String.class).list());
        int changed = 0;
        for (PointInfo p : registry.points()) {
            Rule rule = p.rules().stream().filter(r -> r.type() == Rule.Type.NO_DATA).findFirst().orElse(null);
            Instant seen = last.get(p.no());
            if (rule == null || seen == null || !p.enabled()) {
                continue;
            }
            boolean silent = Evaluation.noData(seen, now, rule.minutes());
            String key = p.id().toString();
            if (silent && !open.contains(key)) {
                alarms.trigger(AlarmWriter.Subject.of(p), rule, null, seen, now);
                changed++;
            } else if (!silent && open.contains(key)) {
                alarms.clear(key, rule.code(), null, now);
                changed++;
            }
        }
        return changed;
    }
}
