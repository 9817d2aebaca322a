package cn.zhiben.monitoring.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * 5-minute statistics (AQ 6201-2019 keeps them ≥ 1 year [P]): count, mean, min, max and last value per point and
 * bucket, computed from the raw rows once a bucket is at least {@link #LAG} old (readings may arrive a little late),
 * and again for any bucket a later upload touched (marked by the writer in mon_agg_dirty). Each bucket is read once,
 * so the cost follows the ingestion rate instead of multiplying it.
 */
@Component
public class Aggregates {

    static final long BUCKET_MS = 300_000;
    /** How late a reading may arrive and still be counted by the regular pass. */
    static final Duration LAG = Duration.ofMinutes(10);
    private static final String JOB = "agg_5m";

    private final JdbcClient jdbc;
    private final Clock clock;

    Aggregates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Aggregates every complete bucket up to now − LAG not yet done, and the dirty ones; returns rows written. */
    @Transactional
    public int run() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(hashtext('mon_agg_5m'))").query(Boolean.class).single()) {
            return 0;
        }
        long limitMs = clock.millis() - LAG.toMillis();
        Instant until = Instant.ofEpochMilli(limitMs - Math.floorMod(limitMs, BUCKET_MS));
        Instant from = jdbc.sql("select at from mon_job_state where name = :n").param("n", JOB)
                .query(Timestamp.class).optional().map(Timestamp::toInstant)
                .orElse(until.minus(Duration.ofHours(1)));
        int rows = 0;
        if (from.isBefore(until)) {
            rows += jdbc.sql("""
                    insert into mon_agg_5m (point_no, bucket, n, avg, min, max, last)
                    select point_no, date_bin('5 minutes', ts, timestamptz '1970-01-01 00:00:00+00') b, count(*), avg(value),
                           min(value), max(value), (array_agg(value order by ts desc))[1]
                    from mon_reading where ts >= :from and ts < :until group by point_no, b
                    on conflict (point_no, bucket) do update set n = excluded.n, avg = excluded.avg, min = excluded.min,
                        max = excluded.max, last = excluded.last""")
                    .param("from", Timestamp.from(from)).param("until", Timestamp.from(until)).update();
            jdbc.sql("""
                    insert into mon_job_state (name, at) values (:n, :at)
                    on conflict (name) do update set at = excluded.at""").param("n", JOB).param("at", Timestamp.from(until)).update();
        }
        rows += jdbc.sql("""
                with dirty as (delete from mon_agg_dirty where bucket < :until returning point_no, bucket)
                insert into mon_agg_5m (point_no, bucket, n, avg, min, max, last)
                select r.point_no, d.bucket, count(*), avg(r.value), min(r.value), max(r.value),
                       (array_agg(r.value order by r.ts desc))[1]
                from dirty d join mon_reading r on r.point_no = d.point_no and r.ts >= d.bucket and r.ts < d.bucket + interval '5 minutes'
                group by r.point_no, d.bucket
                on conflict (point_no, bucket) do update set n = excluded.n, avg = excluded.avg, min = excluded.min,
                    max = excluded.max, last = excluded.last""")
                .param("until", Timestamp.from(until)).update();
        return rows;
    }
}
