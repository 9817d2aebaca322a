package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.MonitoringProperties;
import cn.zhiben.platform.PlatformConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Electricity during a shutdown order (plan item 26; 安全生产法第70条): for each enterprise with electricity points, its
 * total load over the rule's window is compared with factor × its idle baseline while an order is in force; above it
 * raises 疑似违法生产 on the enterprise, back below (or the order lifted) clears it. The baseline is learned from the
 * enterprise's own 5-minute history (docs/monitoring.md) and kept in mon_baseline, relearned every six hours.
 */
@Component
public class ElectricityMonitor {

    static final Duration RELEARN = Duration.ofHours(6);
    private final JdbcClient jdbc;
    private final PointRegistry registry;
    private final ShutdownOrders shutdowns;
    private final AlarmWriter alarms;
    private final MonitoringProperties.Electricity config;
    private final Clock clock;

    ElectricityMonitor(JdbcClient jdbc, PointRegistry registry, ShutdownOrders shutdowns, AlarmWriter alarms,
                       MonitoringProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.shutdowns = shutdowns;
        this.alarms = alarms;
        this.config = properties.electricity();
        this.clock = clock;
    }

    /** What the enterprise page shows: baseline, recent load, orders in force, the rule. */
    public record Status(UUID enterpriseId, OptionalDouble baselineKw, int baselineDays, OptionalDouble recentKw,
                         List<ShutdownOrders.Order> orders, Rule rule, boolean suspected) {
    }

    /** Evaluates every enterprise with electricity points; returns how many alarms it raised or cleared. */
    @Transactional
    public int run() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(hashtext('mon_electricity'))").query(Boolean.class).single()) {
            return 0;
        }
        shutdowns.syncHazards();
        int changed = 0;
        for (var e : electricityPoints().entrySet()) {
            changed += evaluate(e.getKey(), e.getValue());
        }
        return changed;
    }

    private Map<UUID, List<PointInfo>> electricityPoints() {
        Map<UUID, List<PointInfo>> out = new LinkedHashMap<>();
        for (PointInfo p : registry.points()) {
            if (p.enabled() && p.kind().electricity()) {
                out.computeIfAbsent(p.enterpriseId(), k -> new ArrayList<>()).add(p);
            }
        }
        return out;
    }

    public Optional<Status> status(UUID enterpriseId) {
        List<PointInfo> points = electricityPoints().get(enterpriseId);
        if (points == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Rule rule = rule(points);
        Baseline b = baseline(enterpriseId, points, now);
        OptionalDouble recent = rule == null ? OptionalDouble.empty() : recentKw(points, now.minus(Duration.ofMinutes(rule.minutes())), now);
        List<ShutdownOrders.Order> orders = shutdowns.inForce(enterpriseId, today());
        boolean suspected = rule != null && recent.isPresent()
                && Evaluation.producingDuringShutdown(!orders.isEmpty(), b.kw(), recent.getAsDouble(), rule.factor());
        return Optional.of(new Status(enterpriseId, b.kw(), b.days(), recent, orders, rule, suspected));
    }

    private int evaluate(UUID enterpriseId, List<PointInfo> points) {
        Rule rule = rule(points);
        if (rule == null) {
            return 0;
        }
        Instant now = clock.instant();
        OptionalDouble recent = recentKw(points, now.minus(Duration.ofMinutes(rule.minutes())), now);
        if (recent.isEmpty()) {
            return 0; // no data in the window: the no-data rule speaks, this one cannot judge
        }
        boolean inForce = !shutdowns.inForce(enterpriseId, today()).isEmpty();
        Baseline b = baseline(enterpriseId, points, now);
        boolean suspected = Evaluation.producingDuringShutdown(inForce, b.kw(), recent.getAsDouble(), rule.factor());
        String key = AlarmWriter.Subject.enterpriseKey(enterpriseId);
        boolean open = jdbc.sql("""
                select exists (select 1 from mon_alarm where subject_key = :k and rule_code = :r and status <> 'CLOSED'
                and cleared_at is null)""").param("k", key).param("r", rule.code()).query(Boolean.class).single();
        PointInfo any = points.get(0);
        if (suspected && !open) {
            alarms.trigger(new AlarmWriter.Subject(key, null, null, "全厂用电（" + points.size() + " 个计量点）",
                            enterpriseId, any.enterpriseName(), any.regionCode(), any.zoneCode(), any.industryCode(), "kW", any.demo()),
                    rule, round(recent.getAsDouble()), now, now);
            return 1;
        }
        if (!suspected && open) {
            alarms.clear(key, rule.code(), round(recent.getAsDouble()), now);
            return 1;
        }
        return 0;
    }

    private static Rule rule(List<PointInfo> points) {
        return points.stream().flatMap(p -> p.rules().stream())
                .filter(r -> r.type() == Rule.Type.ELECTRICITY_SHUTDOWN).findFirst().orElse(null);
    }

    /** Total load in kW over a window: mean of power meters plus energy used per hour of energy meters. */
    OptionalDouble recentKw(List<PointInfo> points, Instant from, Instant to) {
        List<Integer> nos = points.stream().map(PointInfo::no).toList();
        double[] total = {0};
        int[] rows = {0};
        jdbc.sql("""
                select p.kind, avg(r.value), max(r.value) - min(r.value), count(*)
                from mon_reading r join mon_point p on p.no = r.point_no
                where r.point_no in (:nos) and r.ts > :from and r.ts <= :to group by p.kind, p.no""")
                .param("nos", nos).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(rs -> {
                    rows[0]++;
                    if ("ELECTRIC_POWER".equals(rs.getString(1))) {
                        total[0] += rs.getDouble(2);
                    } else {
                        double hours = Duration.between(from, to).toMillis() / 3_600_000.0;
                        total[0] += rs.getDouble(3) / hours;
                    }
                });
        return rows[0] == 0 ? OptionalDouble.empty() : OptionalDouble.of(total[0]);
    }

    record Baseline(OptionalDouble kw, int days) {
    }

    /** The stored baseline, or a fresh one when missing or older than {@link #RELEARN}. */
    Baseline baseline(UUID enterpriseId, List<PointInfo> points, Instant now) {
        var stored = jdbc.sql("select idle_kw, days, computed_at from mon_baseline where enterprise_id = :e")
                .param("e", enterpriseId).query((rs, n) -> new Object[]{rs.getObject(1), rs.getInt(2), rs.getTimestamp(3).toInstant()})
                .optional();
        if (stored.isPresent() && ((Instant) stored.get()[2]).plus(RELEARN).isAfter(now) && !((Instant) stored.get()[2]).isAfter(now)) {
            Object kw = stored.get()[0];
            return new Baseline(kw == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) kw).doubleValue()), (Integer) stored.get()[1]);
        }
        return learn(enterpriseId, points, now);
    }

    /** Learns the idle baseline from the last baselineDays of 5-minute aggregates and stores it. */
    public Baseline learn(UUID enterpriseId, List<PointInfo> points, Instant now) {
        List<Integer> power = points.stream().filter(p -> p.kind() == PointKind.ELECTRIC_POWER).map(PointInfo::no).toList();
        List<Integer> energy = points.stream().filter(p -> p.kind() == PointKind.ELECTRIC_ENERGY).map(PointInfo::no).toList();
        List<Double> loads = new ArrayList<>();
        java.util.Set<LocalDate> days = new java.util.HashSet<>();
        jdbc.sql("""
                select bucket, sum(case when point_no in (:power) then avg else (max - min) * 12 end)
                from mon_agg_5m where point_no in (:all) and bucket >= :from and bucket < :to
                group by bucket""")
                .param("power", power.isEmpty() ? List.of(-1) : power)
                .param("all", points.stream().map(PointInfo::no).toList())
                .param("from", Timestamp.from(now.minus(Duration.ofDays(config.baselineDays()))))
                .param("to", Timestamp.from(now))
                .query(rs -> {
                    loads.add(rs.getDouble(2));
                    days.add(LocalDate.ofInstant(rs.getTimestamp(1).toInstant(), PlatformConfiguration.ZONE));
                });
        OptionalDouble kw = Evaluation.idleBaseline(loads, days.size(), config.percentile(), config.minDays());
        jdbc.sql("""
                insert into mon_baseline (enterprise_id, idle_kw, samples, days, computed_at) values (:e, :kw, :n, :d, :at)
                on conflict (enterprise_id) do update set idle_kw = excluded.idle_kw, samples = excluded.samples,
                    days = excluded.days, computed_at = excluded.computed_at""")
                .param("e", enterpriseId).param("kw", kw.isPresent() ? kw.getAsDouble() : null).param("n", loads.size())
                .param("d", days.size()).param("at", Timestamp.from(now)).update();
        if (energy.isEmpty() && power.isEmpty()) {
            return new Baseline(OptionalDouble.empty(), 0);
        }
        return new Baseline(kw, days.size());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
