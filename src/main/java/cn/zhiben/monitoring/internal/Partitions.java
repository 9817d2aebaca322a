package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.MonitoringProperties;
import cn.zhiben.platform.PlatformConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Daily partitions of mon_reading (Asia/Shanghai days): created ahead by the maintenance job, and on demand for a
 * day a reading needs (a device uploading what it buffered while offline); dropped whole once past the raw retention.
 * Partition DDL runs in its own short transaction, serialised by an advisory lock so instances do not collide.
 */
@Component
public class Partitions {

    private static final Logger log = LoggerFactory.getLogger(Partitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd");
    private final JdbcClient jdbc;
    private final MonitoringProperties properties;
    private final Clock clock;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    private final org.springframework.transaction.support.TransactionTemplate tx;

    Partitions(JdbcClient jdbc, MonitoringProperties properties, Clock clock,
               org.springframework.transaction.PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(txManager);
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
    }

    static String name(LocalDate day) {
        return "mon_reading_p" + NAME.format(day);
    }

    /** Makes sure the partitions of these days exist (cheap when they do). */
    public void ensure(Set<LocalDate> days) {
        for (LocalDate d : days) {
            if (!known.contains(d)) {
                create(d);
            }
        }
    }

    private synchronized void create(LocalDate day) {
        if (known.contains(day)) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('mon_reading_partitions'))").query(Object.class).single();
            jdbc.sql("create table if not exists " + name(day) + " partition of mon_reading for values from ('"
                    + day + " 00:00:00+08') to ('" + day.plusDays(1) + " 00:00:00+08')").update();
        });
        known.add(day);
    }

    /** Today, the configured days ahead and the retention window behind exist; older partitions are dropped. */
    public int maintain() {
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        known.clear();
        known.addAll(existing());
        for (int i = 0; i <= properties.retention().partitionsAhead(); i++) {
            ensure(Set.of(today.plusDays(i)));
        }
        LocalDate oldest = today.minusDays(properties.retention().raw().toDays());
        int dropped = 0;
        for (LocalDate d : existing()) {
            if (d.isBefore(oldest)) {
                tx.executeWithoutResult(status -> {
                    jdbc.sql("select pg_advisory_xact_lock(hashtext('mon_reading_partitions'))").query(Object.class).single();
                    jdbc.sql("drop table if exists " + name(d)).update();
                });
                known.remove(d);
                dropped++;
            }
        }
        if (dropped > 0) {
            log.info("monitoring: dropped {} daily reading partition(s) older than {}", dropped, oldest);
        }
        return dropped;
    }

    public List<LocalDate> existing() {
        return jdbc.sql("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                join pg_class p on p.oid = i.inhparent where p.relname = 'mon_reading' order by c.relname""")
                .query(String.class).list().stream()
                .map(n -> LocalDate.parse(n.substring("mon_reading_p".length()), NAME)).toList();
    }

    /** The partitioning day of a reading time. */
    public static LocalDate day(java.time.Instant ts) {
        return LocalDate.ofInstant(ts, PlatformConfiguration.ZONE);
    }
}
