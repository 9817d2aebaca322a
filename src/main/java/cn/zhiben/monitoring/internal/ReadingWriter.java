package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.MonitoringProperties;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes one batch of readings in one transaction (group commit): the raw rows (duplicates of an earlier delivery —
 * same point, time and device sequence number — are skipped), the latest values, and the alarms the rules raise or
 * clear on the new readings. The commit is synchronous (synchronous_commit = on for this transaction, whatever the
 * server default), so once this returns the batch is in the write-ahead log and may be acknowledged.
 * The rules' state is changed on copies and kept only if the transaction commits.
 */
@Component
public class ReadingWriter {

    static final String INSERT_RAW = """
            insert into mon_reading (point_no, ts, seq, value, received_at)
            select n, to_timestamp(0) + t * interval '1 millisecond', s, v, to_timestamp(0) + r * interval '1 millisecond'
            from unnest(?::int4[], ?::int8[], ?::int8[], ?::float8[], ?::int8[]) as x(n, t, s, v, r)
            on conflict do nothing
            returning point_no, (extract(epoch from ts) * 1000)::bigint, seq""";

    static final String UPSERT_LATEST = """
            insert into mon_latest (point_no, ts, seq, value, received_at, flat_since)
            select n, to_timestamp(0) + t * interval '1 millisecond', s, v, to_timestamp(0) + r * interval '1 millisecond',
                to_timestamp(0) + f * interval '1 millisecond'
            from unnest(?::int4[], ?::int8[], ?::int8[], ?::float8[], ?::int8[], ?::int8[]) as x(n, t, s, v, r, f)
            on conflict (point_no) do update set ts = excluded.ts, seq = excluded.seq, value = excluded.value,
                received_at = excluded.received_at, flat_since = excluded.flat_since
            where excluded.ts >= mon_latest.ts""";

    /** The rule state the database holds for points a lane must reload: latest value and the flat line's start. */
    static final String STATE_LATEST = """
            select point_no, value, ts, coalesce(flat_since, ts) from mon_latest where point_no = any (?::int4[])""";

    /** ... and the conditions still active: open alarms whose condition has not cleared, with their peaks. */
    static final String STATE_ACTIVE = """
            select subject_key, rule_code, peak_value from mon_alarm
            where subject_key = any (?::text[]) and status <> 'CLOSED' and cleared_at is null""";

    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final Partitions partitions;
    private final AlarmWriter alarms;
    private final Clock clock;

    private final long refreshNanos;

    ReadingWriter(DataSource dataSource, PlatformTransactionManager txManager, Partitions partitions, AlarmWriter alarms,
                  Clock clock, MonitoringProperties properties) {
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(txManager);
        this.partitions = partitions;
        this.alarms = alarms;
        this.clock = clock;
        this.refreshNanos = properties.ingest().stateRefresh().toNanos();
    }

    private record Key(int no, long ms, long seq) {
    }

    /** What a committed batch did. */
    public record Result(int inserted, int duplicates, List<PointInfo> changedPoints, List<java.util.UUID> alarmsChanged) {
    }

    /**
     * @param states the lane's rule state per point number; updated only after the commit. A point the lane has not
     *               seen within {@code ingest.state-refresh} is reloaded from the database first (latest value, flat
     *               line, active conditions), so that after a restart, or when another instance had the point, the
     *               rules continue from the stored state rather than from nothing or from an old copy.
     */
    public Result write(List<Reading> readings, Map<Integer, PointState> states) {
        Set<LocalDate> days = new HashSet<>();
        for (Reading r : readings) {
            days.add(Partitions.day(r.ts()));
        }
        partitions.ensure(days);
        Map<Integer, PointState> working = new HashMap<>();
        Result result = tx.execute(status -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("set local synchronous_commit = on");
                }
                Set<Key> inserted = insertRaw(c, readings);
                // the newest new reading of each point becomes its latest value
                Map<Integer, Reading> latest = new LinkedHashMap<>();
                List<Reading> fresh = new ArrayList<>(inserted.size());
                for (Reading r : readings) {
                    if (inserted.remove(new Key(r.point().no(), r.ts().toEpochMilli(), r.seq()))) {
                        fresh.add(r);
                        latest.merge(r.point().no(), r, (a, b) -> b.ts().isBefore(a.ts()) ? a : b);
                    }
                }
                reload(c, latest.values(), states, working);
                markLate(c, fresh);
                List<java.util.UUID> changed = evaluate(fresh, states, working);
                if (!latest.isEmpty()) {
                    upsertLatest(c, new ArrayList<>(latest.values()), states, working);
                }
                return new Result(fresh.size(), readings.size() - fresh.size(),
                        latest.values().stream().map(Reading::point).toList(), changed);
            } catch (SQLException e) {
                throw new IllegalStateException("monitoring batch write failed: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
        states.putAll(working);
        return result;
    }

    /**
     * Points with rules that this lane has not seen within the refresh interval (or never): their state as the
     * database holds it, before this batch's latest values are written.
     */
    private void reload(Connection c, java.util.Collection<Reading> latest, Map<Integer, PointState> states,
                        Map<Integer, PointState> working) throws SQLException {
        long now = System.nanoTime();
        Map<Integer, PointInfo> due = new HashMap<>();
        for (Reading r : latest) {
            PointState s = states.get(r.point().no());
            if (!r.point().rules().isEmpty() && (s == null || now - s.seenAt > refreshNanos)) {
                due.put(r.point().no(), r.point());
            }
        }
        if (due.isEmpty()) {
            return;
        }
        Map<String, PointState> byKey = new HashMap<>();
        for (PointInfo p : due.values()) {
            PointState s = new PointState();
            working.put(p.no(), s);
            byKey.put(p.id().toString(), s);
        }
        try (PreparedStatement ps = c.prepareStatement(STATE_LATEST)) {
            ps.setArray(1, c.createArrayOf("int4", due.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PointState s = working.get(rs.getInt(1));
                    s.last = rs.getDouble(2);
                    s.lastAt = rs.getTimestamp(3).toInstant();
                    s.flat = new Evaluation.Flat(s.last, rs.getTimestamp(4).toInstant());
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(STATE_ACTIVE)) {
            ps.setArray(1, c.createArrayOf("text", byKey.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PointState s = byKey.get(rs.getString(1));
                    s.active.add(rs.getString(2));
                    double peak = rs.getDouble(3);
                    if (!rs.wasNull()) {
                        s.peaks.put(rs.getString(2), peak);
                    }
                }
            }
        }
    }

    private List<java.util.UUID> evaluate(List<Reading> fresh, Map<Integer, PointState> states, Map<Integer, PointState> working) {
        List<java.util.UUID> changed = new ArrayList<>();
        if (fresh.isEmpty()) {
            return changed;
        }
        Instant now = clock.instant();
        long seenAt = System.nanoTime();
        List<Reading> ordered = new ArrayList<>(fresh);
        ordered.sort(Comparator.comparingInt((Reading r) -> r.point().no()).thenComparing(Reading::ts));
        Map<String, RuleEngine.Signal> peaks = new LinkedHashMap<>();
        for (Reading r : ordered) {
            if (r.point().rules().isEmpty()) {
                continue;
            }
            PointState s = working.computeIfAbsent(r.point().no(), no -> {
                PointState existing = states.get(no);
                return existing != null ? existing.copy() : new PointState();
            });
            s.seenAt = seenAt;
            for (RuleEngine.Signal sig : RuleEngine.apply(r.point(), s, r.value(), r.ts())) {
                AlarmWriter.Subject subject = AlarmWriter.Subject.of(sig.point());
                String key = subject.key() + "|" + sig.rule().code();
                switch (sig.change()) {
                    case TRIGGER -> {
                        peaks.remove(key);
                        changed.add(alarms.trigger(subject, sig.rule(), sig.value(), sig.readingAt(), now).id());
                    }
                    case CLEAR -> {
                        peaks.remove(key);
                        alarms.clear(subject.key(), sig.rule().code(), sig.value(), now).ifPresent(changed::add);
                    }
                    case PEAK -> peaks.put(key, sig);
                }
            }
        }
        for (RuleEngine.Signal sig : peaks.values()) {
            alarms.peak(sig.point().id().toString(), sig.rule().code(), sig.value(), sig.rule().direction() == Rule.Direction.LOW);
        }
        return changed;
    }

    /** Readings older than the aggregation lag land in buckets already aggregated: mark those to do again. */
    private void markLate(Connection c, List<Reading> fresh) throws SQLException {
        long cutoff = clock.millis() - Aggregates.LAG.toMillis();
        Set<Long> seen = new HashSet<>();
        List<Integer> nos = new ArrayList<>();
        List<Long> buckets = new ArrayList<>();
        for (Reading r : fresh) {
            long ms = r.ts().toEpochMilli();
            if (ms < cutoff) {
                long bucket = ms - Math.floorMod(ms, Aggregates.BUCKET_MS);
                if (seen.add(bucket * 100_003 + r.point().no())) {
                    nos.add(r.point().no());
                    buckets.add(bucket);
                }
            }
        }
        if (nos.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into mon_agg_dirty (point_no, bucket)
                select n, to_timestamp(0) + b * interval '1 millisecond' from unnest(?::int4[], ?::int8[]) as x(n, b)
                on conflict do nothing""")) {
            ps.setArray(1, c.createArrayOf("int4", nos.toArray()));
            ps.setArray(2, c.createArrayOf("int8", buckets.toArray()));
            ps.executeUpdate();
        }
    }

    private static Set<Key> insertRaw(Connection c, List<Reading> readings) throws SQLException {
        Set<Key> out = new HashSet<>(readings.size() * 2);
        try (PreparedStatement ps = c.prepareStatement(INSERT_RAW)) {
            bind(c, ps, readings);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Key(rs.getInt(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    /** Latest values with the flat line's start as the rules now see it (the reading's time for points without rules). */
    private static void upsertLatest(Connection c, List<Reading> readings, Map<Integer, PointState> states,
                                     Map<Integer, PointState> working) throws SQLException {
        Long[] flatSince = new Long[readings.size()];
        for (int i = 0; i < flatSince.length; i++) {
            Reading r = readings.get(i);
            PointState s = working.get(r.point().no());
            if (s == null) {
                s = states.get(r.point().no());
            }
            flatSince[i] = s != null && s.flat != null && r.ts().equals(s.lastAt) ? s.flat.since().toEpochMilli() : r.ts().toEpochMilli();
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT_LATEST)) {
            bind(c, ps, readings);
            ps.setArray(6, c.createArrayOf("int8", flatSince));
            ps.executeUpdate();
        }
    }

    static void bind(Connection c, PreparedStatement ps, List<Reading> readings) throws SQLException {
        int n = readings.size();
        Integer[] nos = new Integer[n];
        Long[] ts = new Long[n];
        Long[] seqs = new Long[n];
        Double[] values = new Double[n];
        Long[] received = new Long[n];
        for (int i = 0; i < n; i++) {
            Reading r = readings.get(i);
            nos[i] = r.point().no();
            ts[i] = r.ts().toEpochMilli();
            seqs[i] = r.seq();
            values[i] = r.value();
            received[i] = r.receivedAt().toEpochMilli();
        }
        Array a1 = c.createArrayOf("int4", nos);
        Array a2 = c.createArrayOf("int8", ts);
        Array a3 = c.createArrayOf("int8", seqs);
        Array a4 = c.createArrayOf("float8", values);
        Array a5 = c.createArrayOf("int8", received);
        ps.setArray(1, a1);
        ps.setArray(2, a2);
        ps.setArray(3, a3);
        ps.setArray(4, a4);
        ps.setArray(5, a5);
    }

    static TreeSet<LocalDate> days(List<Reading> readings) {
        TreeSet<LocalDate> d = new TreeSet<>();
        readings.forEach(r -> d.add(Partitions.day(r.ts())));
        return d;
    }
}
