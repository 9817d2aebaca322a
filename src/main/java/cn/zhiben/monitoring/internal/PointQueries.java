package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.AlarmLevel;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Points, devices, latest values and series for pages and the API, inside the caller's data scope. */
@Component
public class PointQueries {

    /** Up to this span a series is raw readings; beyond it, 5-minute aggregates. */
    static final Duration RAW_SPAN = Duration.ofHours(6);
    private final JdbcClient jdbc;

    PointQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record PointView(UUID id, int no, String code, String name, UUID enterpriseId, String enterpriseName,
                            String regionCode, String industryCode, UUID deviceId, String deviceCode, PointKind kind,
                            String locationType, String location, String unit, double rangeMin, double rangeMax,
                            Double high, Double highHigh, Double low, Double lowLow, boolean enabled, boolean demo,
                            Double value, Instant valueAt, Instant receivedAt, int openAlarms, AlarmLevel worstLevel,
                            int version) {

        public String kindLabel() {
            return kind.label();
        }

        public String locationLabel() {
            return PointKind.locationLabel(locationType);
        }

        public String valueText() {
            return value == null ? "—" : Rule.fmt(value);
        }

        public String css() {
            return worstLevel == null ? "ok" : worstLevel.css();
        }
    }

    public record Filter(UUID enterpriseId, String region, PointKind kind, String keyword) {
    }

    private static final String SELECT = """
            select p.*, d.code as device_code, l.value as l_value, l.ts as l_ts, l.received_at as l_received,
                   (select count(*) from mon_alarm a where a.point_id = p.id and a.status <> 'CLOSED') as open_alarms,
                   (select min(case a.level when 'RED' then 0 when 'ORANGE' then 1 when 'YELLOW' then 2 else 3 end)
                      from mon_alarm a where a.point_id = p.id and a.status <> 'CLOSED' and a.cleared_at is null) as worst
            from mon_point p join mon_device d on d.id = p.device_id left join mon_latest l on l.point_no = p.no""";

    public List<PointView> list(DataScope scope, Filter f, int limit, int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(scope, f, params);
        return jdbc.sql(SELECT + " where " + where + " order by p.enterprise_name, p.kind, p.code limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset).query(PointQueries::map).list();
    }

    public long count(DataScope scope, Filter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select count(*) from mon_point p where " + where(scope, f, params)).params(params)
                .query(Long.class).single();
    }

    public Optional<PointView> find(UUID id, DataScope scope) {
        DataScope.Sql s = scope.toSql("p.enterprise_id", "p.region_code", "p.zone_code", "p.industry_code");
        return jdbc.sql(SELECT + " where p.id = :id and " + s.where()).param("id", id).params(s.params())
                .query(PointQueries::map).optional();
    }

    /** Enterprises with points inside the scope (and region), with counts for the wall. */
    public record EnterpriseTile(UUID enterpriseId, String enterpriseName, String regionCode, String industryCode,
                                 int points, int silent, int red, int orange, int yellow, int blue) {
        public String css() {
            return red > 0 ? "red" : orange > 0 ? "orange" : yellow > 0 ? "amber" : blue > 0 ? "blue" : "ok";
        }
    }

    public List<EnterpriseTile> enterprises(DataScope scope, String region) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(scope, new Filter(null, region, null, null), params);
        return jdbc.sql("""
                select p.enterprise_id, min(p.enterprise_name), min(p.region_code), min(p.industry_code), count(*),
                  count(*) filter (where exists (select 1 from mon_alarm a where a.point_id = p.id and a.rule_code = 'NO_DATA'
                                                and a.status <> 'CLOSED' and a.cleared_at is null)),
                  (select count(*) from mon_alarm a where a.enterprise_id = p.enterprise_id and a.status <> 'CLOSED' and a.level = 'RED'),
                  (select count(*) from mon_alarm a where a.enterprise_id = p.enterprise_id and a.status <> 'CLOSED' and a.level = 'ORANGE'),
                  (select count(*) from mon_alarm a where a.enterprise_id = p.enterprise_id and a.status <> 'CLOSED' and a.level = 'YELLOW'),
                  (select count(*) from mon_alarm a where a.enterprise_id = p.enterprise_id and a.status <> 'CLOSED' and a.level = 'BLUE')
                from mon_point p where\s""" + where + " group by p.enterprise_id order by min(p.region_code), min(p.enterprise_name)")
                .params(params)
                .query((rs, n) -> new EnterpriseTile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)))
                .list();
    }

    public record SeriesPoint(Instant at, double value, Double min, Double max) {
    }

    public record Series(String resolution, List<SeriesPoint> points) {
    }

    /** Readings of a point between two instants: raw up to {@link #RAW_SPAN}, else 5-minute means with min/max. */
    public Series series(int pointNo, Instant from, Instant to, int maxRaw) {
        if (Duration.between(from, to).compareTo(RAW_SPAN) <= 0) {
            List<SeriesPoint> pts = jdbc.sql("""
                    select ts, value from mon_reading where point_no = :n and ts >= :from and ts <= :to order by ts limit :max""")
                    .param("n", pointNo).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("max", maxRaw)
                    .query((rs, i) -> new SeriesPoint(rs.getTimestamp(1).toInstant(), rs.getDouble(2), null, null)).list();
            return new Series("RAW", pts);
        }
        List<SeriesPoint> pts = jdbc.sql("""
                select bucket, avg, min, max from mon_agg_5m where point_no = :n and bucket >= :from and bucket <= :to order by bucket""")
                .param("n", pointNo).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new SeriesPoint(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)))
                .list();
        return new Series("AGG_5M", pts);
    }

    public record DeviceView(UUID id, String code, String name, UUID enterpriseId, String enterpriseName, boolean enabled,
                             boolean demo, Instant createdAt, int points) {
    }

    public List<DeviceView> devices(DataScope scope, UUID enterpriseId) {
        DataScope.Sql s = scope.toSql("d.enterprise_id", "d.region_code", "d.zone_code", "d.industry_code");
        return jdbc.sql("""
                select d.id, d.code, d.name, d.enterprise_id, d.enterprise_name, d.enabled, d.demo, d.created_at,
                       (select count(*) from mon_point p where p.device_id = d.id)
                from mon_device d where (:ent::uuid is null or d.enterprise_id = :ent) and\s""" + s.where() + " order by d.code")
                .param("ent", enterpriseId).params(s.params())
                .query((rs, n) -> new DeviceView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7),
                        rs.getTimestamp(8).toInstant(), rs.getInt(9)))
                .list();
    }

    private static String where(DataScope scope, Filter f, Map<String, Object> params) {
        DataScope.Sql s = scope.toSql("p.enterprise_id", "p.region_code", "p.zone_code", "p.industry_code");
        params.putAll(s.params());
        List<String> w = new ArrayList<>();
        w.add(s.where());
        if (f.enterpriseId() != null) {
            w.add("p.enterprise_id = :fent");
            params.put("fent", f.enterpriseId());
        }
        if (f.region() != null && RegionCodes.isAdministrative(f.region())) {
            w.add("p.region_code like :fregion");
            params.put("fregion", RegionCodes.subtreePrefix(f.region()) + "%");
        }
        if (f.kind() != null) {
            w.add("p.kind = :fkind");
            params.put("fkind", f.kind().name());
        }
        if (f.keyword() != null && !f.keyword().isBlank()) {
            w.add("(p.code ilike :kw or p.name ilike :kw or p.enterprise_name ilike :kw)");
            params.put("kw", "%" + f.keyword().strip().replace("%", "\\%") + "%");
        }
        return String.join(" and ", w);
    }

    static PointView map(ResultSet rs, int n) throws SQLException {
        int worst = rs.getInt("worst");
        AlarmLevel level = rs.wasNull() ? null : AlarmLevel.values()[worst];
        return new PointView(rs.getObject("id", UUID.class), rs.getInt("no"), rs.getString("code"), rs.getString("name"),
                rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"), rs.getString("region_code"),
                rs.getString("industry_code"), rs.getObject("device_id", UUID.class), rs.getString("device_code"),
                PointKind.valueOf(rs.getString("kind")), rs.getString("location_type"), rs.getString("location"),
                rs.getString("unit"), rs.getDouble("range_min"), rs.getDouble("range_max"), (Double) rs.getObject("high"),
                (Double) rs.getObject("high_high"), (Double) rs.getObject("low"), (Double) rs.getObject("low_low"),
                rs.getBoolean("enabled"), rs.getBoolean("demo"), (Double) rs.getObject("l_value"),
                AlarmQueries.inst(rs, "l_ts"), AlarmQueries.inst(rs, "l_received"), rs.getInt("open_alarms"), level,
                rs.getInt("version"));
    }
}
