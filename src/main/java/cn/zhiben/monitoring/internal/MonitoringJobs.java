package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.MonitoringProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * The module's periodic work. Each job takes a transaction-scoped advisory lock, so with several instances only one
 * runs it at a time; each is idempotent, so a run missed or repeated changes nothing.
 */
@Component
class MonitoringJobs {

    private static final Logger log = LoggerFactory.getLogger(MonitoringJobs.class);
    private final AlarmService alarms;
    private final NoDataSweep noData;
    private final Aggregates aggregates;
    private final ElectricityMonitor electricity;
    private final Partitions partitions;
    private final JdbcClient jdbc;
    private final MonitoringProperties properties;
    private final Clock clock;

    MonitoringJobs(AlarmService alarms, NoDataSweep noData, Aggregates aggregates, ElectricityMonitor electricity,
                   Partitions partitions, JdbcClient jdbc, MonitoringProperties properties, Clock clock) {
        this.alarms = alarms;
        this.noData = noData;
        this.aggregates = aggregates;
        this.electricity = electricity;
        this.partitions = partitions;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        partitions.maintain();
    }

    @Scheduled(fixedDelayString = "${zhiben.monitoring.jobs.escalation:60s}", initialDelayString = "30s")
    void escalate() {
        int n = alarms.escalateOverdue();
        if (n > 0) {
            log.info("monitoring: {} alarm(s) escalated (not responded to in time)", n);
        }
    }

    @Scheduled(fixedDelayString = "${zhiben.monitoring.jobs.no-data:30s}", initialDelayString = "60s")
    void noData() {
        noData.run();
    }

    @Scheduled(fixedDelayString = "${zhiben.monitoring.jobs.aggregates:60s}", initialDelayString = "45s")
    void aggregate() {
        aggregates.run();
    }

    @Scheduled(fixedDelayString = "${zhiben.monitoring.jobs.electricity:300s}", initialDelayString = "90s")
    void electricity() {
        electricity.run();
    }

    /** Partitions ahead, retention of raw partitions, aggregates, closed alarms and rejected samples. */
    @Scheduled(cron = "${zhiben.monitoring.jobs.retention-cron:0 20 0 * * *}", zone = "Asia/Shanghai")
    void retention() {
        partitions.maintain();
        Instant now = clock.instant();
        var r = properties.retention();
        jdbc.sql("delete from mon_agg_5m where bucket < :t").param("t", Timestamp.from(now.minus(r.aggregates()))).update();
        jdbc.sql("delete from mon_reject where at < :t").param("t", Timestamp.from(now.minus(r.rejects()))).update();
        jdbc.sql("""
                with old as (select id from mon_alarm where status = 'CLOSED' and closed_at < :t),
                     t as (delete from mon_alarm_transition where alarm_id in (select id from old))
                delete from mon_alarm where id in (select id from old)""")
                .param("t", Timestamp.from(now.minus(r.alarms()))).update();
    }
}
