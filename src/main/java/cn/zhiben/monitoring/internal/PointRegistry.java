package cn.zhiben.monitoring.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Points and devices in memory for ingestion (thousands of lookups a second). Loaded at start, refreshed after every
 * change made here and every minute (changes made by another instance); an unknown code is looked up in the database
 * once and remembered as unknown for a few seconds, so a flood of bad codes does not become a flood of queries.
 */
@Component
public class PointRegistry {

    private static final long NEGATIVE_TTL_MS = 10_000;
    private final JdbcClient jdbc;
    private final RuleBook rules;
    private final Clock clock;
    private final Map<String, PointInfo> byCode = new ConcurrentHashMap<>();
    private final Map<Integer, PointInfo> byNo = new ConcurrentHashMap<>();
    private final Map<String, DeviceInfo> devices = new ConcurrentHashMap<>();
    private final Map<String, Long> unknown = new ConcurrentHashMap<>();
    private volatile int ruleVersion = -1;

    PointRegistry(JdbcClient jdbc, RuleBook rules, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
    }

    static final String POINT_SQL = """
            select p.id, p.no, p.code, p.name, p.enterprise_id, p.enterprise_name, p.region_code, p.zone_code,
                   p.industry_code, p.device_id, p.kind, p.location_type, p.location, p.unit, p.range_min, p.range_max,
                   p.high, p.high_high, p.low, p.low_low, p.enabled and d.enabled, p.demo
            from mon_point p join mon_device d on d.id = p.device_id""";

    /** Everything again (cheap: one row per point). */
    @Scheduled(fixedDelayString = "${zhiben.monitoring.registry-refresh:60s}", initialDelayString = "${zhiben.monitoring.registry-refresh:60s}")
    public synchronized void reload() {
        rules.reload();
        ruleVersion = rules.version();
        List<PointInfo> points = jdbc.sql(POINT_SQL).query(this::map).list();
        Map<String, PointInfo> codes = new java.util.HashMap<>();
        points.forEach(p -> codes.put(p.code(), p));
        byCode.keySet().retainAll(codes.keySet());
        byCode.putAll(codes);
        byNo.clear();
        points.forEach(p -> byNo.put(p.no(), p));
        List<DeviceInfo> all = jdbc.sql("select id, code, name, enterprise_id, secret_hash, enabled from mon_device")
                .query(PointRegistry::device).list();
        Map<String, DeviceInfo> d = new java.util.HashMap<>();
        all.forEach(x -> d.put(x.code(), x));
        devices.keySet().retainAll(d.keySet());
        devices.putAll(d);
        unknown.clear();
    }

    /** One point again, after it was created or changed here. */
    public void refresh(UUID pointId) {
        jdbc.sql(POINT_SQL + " where p.id = :id").param("id", pointId).query(this::map).optional().ifPresent(this::put);
    }

    public void refreshDevice(String code) {
        unknown.remove("d:" + code);
        jdbc.sql("select id, code, name, enterprise_id, secret_hash, enabled from mon_device where code = :c")
                .param("c", code).query(PointRegistry::device).optional().ifPresent(d -> devices.put(d.code(), d));
    }

    private void put(PointInfo p) {
        unknown.remove("p:" + p.code());
        byCode.put(p.code(), p);
        byNo.put(p.no(), p);
    }

    public Optional<PointInfo> point(String code) {
        if (code == null) {
            return Optional.empty();
        }
        checkRuleVersion();
        PointInfo p = byCode.get(code);
        if (p != null) {
            return Optional.of(p);
        }
        if (recentlyUnknown("p:" + code)) {
            return Optional.empty();
        }
        Optional<PointInfo> found = jdbc.sql(POINT_SQL + " where p.code = :c").param("c", code).query(this::map).optional();
        found.ifPresentOrElse(this::put, () -> unknown.put("p:" + code, now()));
        return found;
    }

    public Optional<PointInfo> point(int no) {
        checkRuleVersion();
        PointInfo p = byNo.get(no);
        if (p != null) {
            return Optional.of(p);
        }
        Optional<PointInfo> found = jdbc.sql(POINT_SQL + " where p.no = :n").param("n", no).query(this::map).optional();
        found.ifPresent(this::put);
        return found;
    }

    public Optional<DeviceInfo> device(String code) {
        if (code == null) {
            return Optional.empty();
        }
        DeviceInfo d = devices.get(code);
        if (d != null) {
            return Optional.of(d);
        }
        if (recentlyUnknown("d:" + code)) {
            return Optional.empty();
        }
        Optional<DeviceInfo> found = jdbc.sql("select id, code, name, enterprise_id, secret_hash, enabled from mon_device where code = :c")
                .param("c", code).query(PointRegistry::device).optional();
        found.ifPresentOrElse(x -> devices.put(x.code(), x), () -> unknown.put("d:" + code, now()));
        return found;
    }

    /** Every known point (loaded on first use). */
    public java.util.Collection<PointInfo> points() {
        checkRuleVersion();
        return byNo.values();
    }

    /** A new rule version took effect (a new day, or a publication): resolve every point's rules again. */
    private void checkRuleVersion() {
        if (rules.version() != ruleVersion) {
            reload();
        }
    }

    private boolean recentlyUnknown(String key) {
        Long at = unknown.get(key);
        return at != null && now() - at < NEGATIVE_TTL_MS;
    }

    private long now() {
        return clock.millis();
    }

    private PointInfo map(ResultSet rs, int n) throws SQLException {
        PointKind kind = PointKind.valueOf(rs.getString("kind"));
        RuleBook.Design design = new RuleBook.Design((Double) rs.getObject("high"), (Double) rs.getObject("high_high"),
                (Double) rs.getObject("low"), (Double) rs.getObject("low_low"), rs.getDouble("range_min"), rs.getDouble("range_max"));
        String location = rs.getString("location_type");
        return new PointInfo(rs.getObject("id", UUID.class), rs.getInt("no"), rs.getString("code"), rs.getString("name"),
                rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"), rs.getString("region_code"),
                rs.getString("zone_code"), rs.getString("industry_code"), rs.getObject("device_id", UUID.class), kind,
                location, rs.getString("location"), rs.getString("unit"), design.rangeMin(), design.rangeMax(), design,
                rs.getBoolean(21), rs.getBoolean("demo"), rules.forPoint(kind.name(), location, design));
    }

    private static DeviceInfo device(ResultSet rs, int n) throws SQLException {
        return new DeviceInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getString(5), rs.getBoolean(6));
    }

    static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
