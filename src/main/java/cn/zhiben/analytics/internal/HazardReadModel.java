package cn.zhiben.analytics.internal;

import cn.zhiben.hazards.HazardDirectory;
import cn.zhiben.hazards.HazardSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The hazard read models: an_hazard (one row per hazard, latest version) and the counting tables. Applying a snapshot
 * is idempotent by (hazard id, version): a redelivered or older snapshot changes nothing.
 */
@Component
public class HazardReadModel {

    private static final Logger log = LoggerFactory.getLogger(HazardReadModel.class);

    private static final String UPSERT_STATE = """
            insert into an_state_count (region_code, zone_code, industry_code, field_code, grade, status, channel,
                listing_level, overdue, stock, n) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (region_code, zone_code, industry_code, field_code, grade, status, channel, listing_level, overdue, stock)
            do update set n = an_state_count.n + excluded.n""";
    private static final String UPSERT_FOUND = """
            insert into an_found_month (region_code, zone_code, industry_code, field_code, grade, channel, found_month,
                bucket, n) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (found_month, region_code, zone_code, industry_code, field_code, grade, channel, bucket)
            do update set n = an_found_month.n + excluded.n""";
    private static final String UPSERT_DONE = """
            insert into an_done_month (region_code, zone_code, industry_code, field_code, grade, done_month, days, n)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (done_month, region_code, zone_code, industry_code, field_code, grade, days)
            do update set n = an_done_month.n + excluded.n""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final HazardDirectory hazards;
    private final Clock clock;

    HazardReadModel(JdbcClient jdbc, JdbcTemplate template, HazardDirectory hazards, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.hazards = hazards;
        this.clock = clock;
    }

    /** Applies a snapshot unless one of the same or a later version was applied; true if it changed the model. */
    @Transactional
    public boolean apply(HazardSnapshot s) {
        Optional<Stored> old = locked(s.id());
        if (old.isEmpty()) {
            // first sight of this hazard: claim the row, then lock it (a concurrent first delivery waits here)
            insertFact(s, -1);
            old = locked(s.id());
        }
        Stored stored = old.orElseThrow();
        if (stored.version >= s.version()) {
            return false;
        }
        Map<Contribution.Key, Integer> delta = new TreeMap<>();
        if (stored.contribution != null) {
            stored.contribution.keys().forEach(k -> delta.merge(k, -1, Integer::sum));
        }
        Contribution.of(s).keys().forEach(k -> delta.merge(k, 1, Integer::sum));
        delta.forEach(this::add);
        updateFact(s);
        return true;
    }

    private record Stored(int version, Contribution contribution) {
    }

    private Optional<Stored> locked(UUID id) {
        return jdbc.sql("select * from an_hazard where hazard_id = :id for update").param("id", id)
                .query((rs, n) -> new Stored(rs.getInt("version"),
                        rs.getInt("version") < 0 ? null : Contribution.of(rs)))
                .optional();
    }

    private void add(Contribution.Key key, int n) {
        if (n == 0) {
            return;
        }
        List<Object> args = new ArrayList<>(key.values().size() + 1);
        for (Object v : key.values()) {
            args.add(v instanceof java.time.LocalDate d ? java.sql.Date.valueOf(d) : v);
        }
        args.add((long) n);
        String sql = switch (key.table()) {
            case "S" -> UPSERT_STATE;
            case "F" -> UPSERT_FOUND;
            default -> UPSERT_DONE;
        };
        template.update(sql, args.toArray());
    }

    private static final String FACT_COLUMNS = """
            hazard_id, version, number, enterprise_id, enterprise_name, region_code, zone_code, industry_code, field_code,
            channel, grade, status, listing_level, overdue, stock, found_on, deadline, reported_at, dept_confirmed_at,
            principal_confirmed_at, signed_off_at, closed_at, created_at""";

    private static Object[] factArgs(HazardSnapshot s, int version) {
        return new Object[]{s.id(), version, s.number(), s.enterpriseId(), Contribution.nz(s.enterpriseName()),
                s.regionCode(), Contribution.nz(s.zoneCode()), s.industryCode(), Contribution.nz(s.fieldCode()),
                s.channel().name(), s.grade().name(), s.status().name(),
                s.listingLevel() == null ? "" : s.listingLevel().name(), s.overdue(), s.stock(),
                java.sql.Date.valueOf(s.foundOn()), s.deadline() == null ? null : java.sql.Date.valueOf(s.deadline()),
                ts(s.reportedAt()), ts(s.departmentConfirmedAt()), ts(s.principalConfirmedAt()), ts(s.signedOffAt()),
                ts(s.closedAt()), ts(s.createdAt())};
    }

    private void insertFact(HazardSnapshot s, int version) {
        template.update("insert into an_hazard (" + FACT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (hazard_id) do nothing", factArgs(s, version));
    }

    /**
     * In place (an upsert on the locked row): a delete and re-insert would end the row a concurrent apply is waiting to
     * lock, and its {@code for update} would then find nothing.
     */
    private static final String UPDATE_FACT = "insert into an_hazard (" + FACT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (hazard_id) do update set " + java.util.Arrays.stream(FACT_COLUMNS.split(","))
            .map(String::strip).filter(c -> !c.equals("hazard_id")).map(c -> c + " = excluded." + c)
            .collect(java.util.stream.Collectors.joining(", "));

    private void updateFact(HazardSnapshot s) {
        template.update(UPDATE_FACT, factArgs(s, s.version()));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** Result of a rebuild. */
    public record Rebuilt(long hazards, long millis) {
    }

    /**
     * Replaces the hazard read models with what the hazards module holds now (through its API, not its tables), in one
     * transaction: readers see the old figures until it commits. Snapshots that arrive meanwhile wait for the lock on
     * an_hazard and then apply only if newer.
     */
    @Transactional
    public Rebuilt rebuild() {
        long t0 = System.nanoTime();
        template.execute("lock table an_hazard in exclusive mode");
        template.execute("truncate an_hazard, an_state_count, an_found_month, an_done_month");
        List<Object[]> batch = new ArrayList<>(5_000);
        long[] count = {0};
        String insert = "insert into an_hazard (" + FACT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        hazards.forEachSnapshot(s -> {
            batch.add(factArgs(s, s.version()));
            count[0]++;
            if (batch.size() == 5_000) {
                template.batchUpdate(insert, batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            template.batchUpdate(insert, batch);
        }
        // the same keys as Contribution.keys(), set-based
        template.execute("""
                insert into an_state_count (region_code, zone_code, industry_code, field_code, grade, status, channel,
                    listing_level, overdue, stock, n)
                select region_code, zone_code, industry_code, field_code, grade, status, channel, listing_level, overdue,
                       stock, count(*)
                from an_hazard group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10""");
        template.execute("""
                insert into an_found_month (region_code, zone_code, industry_code, field_code, grade, channel, found_month, bucket, n)
                select region_code, zone_code, industry_code, field_code, grade, channel,
                       date_trunc('month', found_on)::date,
                       case when status in ('SIGNED_OFF', 'CLOSED') then 'RECTIFIED'
                            when status in ('MERGED', 'WITHDRAWN') then 'REMOVED' else 'OPEN' end, count(*)
                from an_hazard group by 1, 2, 3, 4, 5, 6, 7, 8""");
        template.execute("""
                insert into an_done_month (region_code, zone_code, industry_code, field_code, grade, done_month, days, n)
                select region_code, zone_code, industry_code, field_code, grade, date_trunc('month', done_day)::date,
                       greatest(0, done_day - found_on), count(*)
                from (select *, (case status when 'SIGNED_OFF' then signed_off_at else closed_at end
                                 at time zone 'Asia/Shanghai')::date as done_day
                      from an_hazard
                      where (status = 'SIGNED_OFF' and signed_off_at is not null)
                         or (status = 'CLOSED' and closed_at is not null)) d
                group by 1, 2, 3, 4, 5, 6, 7""");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        jdbc.sql("""
                insert into an_rebuild (id, finished_at, hazards, millis) values (1, :at, :n, :ms)
                on conflict (id) do update set finished_at = excluded.finished_at, hazards = excluded.hazards,
                  millis = excluded.millis""")
                .param("at", Timestamp.from(clock.instant())).param("n", count[0]).param("ms", millis).update();
        log.info("analytics: hazard read models rebuilt from {} hazards in {} ms", count[0], millis);
        return new Rebuilt(count[0], millis);
    }

    public boolean everRebuilt() {
        return jdbc.sql("select count(*) from an_rebuild").query(Long.class).single() > 0;
    }
}
