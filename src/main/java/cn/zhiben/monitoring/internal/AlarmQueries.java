package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.AlarmLevel;
import cn.zhiben.monitoring.AlarmStatus;
import cn.zhiben.monitoring.Verdict;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Alarm lists, details and timelines for pages and the API, always inside the caller's data scope. */
@Component
public class AlarmQueries {

    private final JdbcClient jdbc;

    AlarmQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record AlarmView(UUID id, String number, UUID pointId, String pointCode, String pointName, String location,
                            String unit, UUID enterpriseId, String enterpriseName, String regionCode, String industryCode,
                            String ruleCode, int ruleVersion, String ruleLabel, String ruleSource, String ruleConfidence,
                            AlarmLevel level, AlarmStatus status, Verdict verdict, String threshold, Double triggerValue,
                            Double peakValue, Instant readingAt, Instant raisedAt, Instant lastTriggeredAt,
                            int triggerCount, Instant clearedAt, Instant respondDueAt, Instant escalatedAt,
                            String escalatedTo, UUID hazardId, String hazardNumber, Instant closedAt, boolean demo,
                            int version) {

        /** Data built on an unconfirmed source or our own choice must say so. */
        public boolean unconfirmedRule() {
            return !"V".equals(ruleConfidence);
        }

        public String confidenceLabel() {
            return switch (ruleConfidence) {
                case "V" -> "已核实";
                case "P" -> "部分核实";
                case "M" -> "未核实";
                default -> "本平台推定";
            };
        }

        public boolean active() {
            return clearedAt == null && status != AlarmStatus.CLOSED;
        }
    }

    public record Step(AlarmStatus from, AlarmStatus to, AlarmAction action, String actorName, String actorRole,
                       Instant at, String reason) {
    }

    /**
     * @param statuses   null = any; the inbox passes the states the user can act in
     * @param open       true = not closed
     * @param region     a region subtree inside the scope (a county's wall), or null
     */
    public record Filter(Set<AlarmStatus> statuses, Boolean open, AlarmLevel level, UUID enterpriseId, UUID pointId,
                         String region, Boolean demo) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    public record Page(List<AlarmView> rows, long total) {
    }

    private static final String SELECT = """
            select a.*, p.location, p.unit from mon_alarm a left join mon_point p on p.id = a.point_id""";

    public Page list(DataScope scope, Filter f, int limit, int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(scope, f, params);
        long total = jdbc.sql("select count(*) from mon_alarm a where " + where).params(params).query(Long.class).single();
        List<AlarmView> rows = jdbc.sql(SELECT + " where " + where
                        + " order by (a.status = 'CLOSED'), case a.level when 'RED' then 0 when 'ORANGE' then 1 when 'YELLOW' then 2 else 3 end,"
                        + " a.raised_at desc, a.id limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset).query(AlarmQueries::map).list();
        return new Page(rows, total);
    }

    public long count(DataScope scope, Filter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select count(*) from mon_alarm a where " + where(scope, f, params)).params(params)
                .query(Long.class).single();
    }

    /** Open alarms per level, for the wall and the home page. */
    public Map<AlarmLevel, Long> openByLevel(DataScope scope, String region) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(scope, new Filter(null, true, null, null, null, region, null), params);
        Map<AlarmLevel, Long> out = new LinkedHashMap<>();
        for (AlarmLevel l : AlarmLevel.values()) {
            out.put(l, 0L);
        }
        jdbc.sql("select a.level, count(*) from mon_alarm a where " + where + " group by a.level").params(params)
                .query(rs -> {
                    out.put(AlarmLevel.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return out;
    }

    public Optional<AlarmView> find(UUID id, DataScope scope) {
        DataScope.Sql s = scope.toSql("a.enterprise_id", "a.region_code", "a.zone_code", "a.industry_code");
        return jdbc.sql(SELECT + " where a.id = :id and " + s.where()).param("id", id).params(s.params())
                .query(AlarmQueries::map).optional();
    }

    public List<Step> timeline(UUID alarmId) {
        return jdbc.sql("""
                select from_status, to_status, action, actor_name, actor_role, at, reason from mon_alarm_transition
                where alarm_id = :id order by id""").param("id", alarmId)
                .query((rs, n) -> new Step(rs.getString(1) == null ? null : AlarmStatus.valueOf(rs.getString(1)),
                        AlarmStatus.valueOf(rs.getString(2)), AlarmAction.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }

    private static String where(DataScope scope, Filter f, Map<String, Object> params) {
        DataScope.Sql s = scope.toSql("a.enterprise_id", "a.region_code", "a.zone_code", "a.industry_code");
        params.putAll(s.params());
        List<String> w = new ArrayList<>();
        w.add(s.where());
        if (f.statuses() != null) {
            if (f.statuses().isEmpty()) {
                w.add("false");
            } else {
                w.add("a.status in (:statuses)");
                params.put("statuses", f.statuses().stream().map(Enum::name).toList());
            }
        }
        if (Boolean.TRUE.equals(f.open())) {
            w.add("a.status <> 'CLOSED'");
        } else if (Boolean.FALSE.equals(f.open())) {
            w.add("a.status = 'CLOSED'");
        }
        if (f.level() != null) {
            w.add("a.level = :level");
            params.put("level", f.level().name());
        }
        if (f.enterpriseId() != null) {
            w.add("a.enterprise_id = :ent");
            params.put("ent", f.enterpriseId());
        }
        if (f.pointId() != null) {
            w.add("a.point_id = :point");
            params.put("point", f.pointId());
        }
        if (f.region() != null && RegionCodes.isAdministrative(f.region())) {
            w.add("a.region_code like :fregion");
            params.put("fregion", RegionCodes.subtreePrefix(f.region()) + "%");
        }
        if (f.demo() != null) {
            w.add("a.demo = :demo");
            params.put("demo", f.demo());
        }
        return String.join(" and ", w);
    }

    static AlarmView map(ResultSet rs, int n) throws SQLException {
        return new AlarmView(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("point_id", UUID.class),
                rs.getString("point_code"), rs.getString("point_name"), rs.getString("location"), rs.getString("unit"),
                rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"), rs.getString("region_code"),
                rs.getString("industry_code"), rs.getString("rule_code"), rs.getInt("rule_version"), rs.getString("rule_label"),
                rs.getString("rule_source"), rs.getString("rule_confidence"), AlarmLevel.valueOf(rs.getString("level")),
                AlarmStatus.valueOf(rs.getString("status")),
                rs.getString("verdict") == null ? null : Verdict.valueOf(rs.getString("verdict")), rs.getString("threshold"),
                (Double) rs.getObject("trigger_value"), (Double) rs.getObject("peak_value"), inst(rs, "reading_ts"),
                inst(rs, "raised_at"), inst(rs, "last_triggered_at"), rs.getInt("trigger_count"), inst(rs, "cleared_at"),
                inst(rs, "respond_due_at"), inst(rs, "escalated_at"), rs.getString("escalated_to"),
                rs.getObject("hazard_id", UUID.class), rs.getString("hazard_number"), inst(rs, "closed_at"),
                rs.getBoolean("demo"), rs.getInt("version"));
    }

    static Instant inst(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
