package cn.zhiben.analytics.internal;

import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 四个二 (晋市安委发〔2024〕6号 实施方案 item 6: 企业"两级确认"、部门"两个指标"、安委会"两级调度"、市县"两级比对"), from the
 * read models. Definitions and their source sentences: docs/analytics.md.
 */
@Service
public class FourTwos {

    /** Shown where a publishing module has sent nothing yet. */
    public static final String NO_SOURCE = "暂无数据来源";

    private final JdbcClient jdbc;
    private final UnitCatalog units;
    private final CountyComparison comparison;

    FourTwos(JdbcClient jdbc, UnitCatalog units, CountyComparison comparison) {
        this.jdbc = jdbc;
        this.units = units;
        this.comparison = comparison;
    }

    /**
     * 企业两级确认: of the major hazards an enterprise reported itself (found in the period; withdrawn reports left out),
     * the share its principal confirmed after its safety department (both levels), and the median hours each level took
     * (level 1: from the report to the department's confirmation; level 2: from that to the principal's).
     */
    public record Confirmation(long reported, long confirmedBoth, Double share, Double level1MedianHours,
                               Double level2MedianHours) {
    }

    /** 部门两个指标, per supervising unit: major hazards its own inspections found, and its enforcement decisions. */
    public record UnitFigures(UUID unitId, String unitName, String unitRegion, long majorFindings, long decisions,
                              long decisionsOnHazards, long fineFen) {
    }

    /** 安委会两级调度, per level that sent: dispatches, answered, answered on time, overdue. */
    public record Dispatches(String fromLevel, long sent, long answered, long answeredOnTime, long overdue, Double onTimeShare) {
    }

    /**
     * @param departmentNote  {@link #NO_SOURCE} while no inspection event has arrived at all, else null
     * @param dispatchNote    the same for dispatches
     */
    public record Summary(Confirmation confirmation, List<UnitFigures> departments, String departmentNote,
                          List<Dispatches> dispatches, String dispatchNote, List<CountyComparison.CountyStatus> comparison) {
    }

    public Summary summary(Filter period, java.time.YearMonth comparisonMonth) {
        DataScope scope = AnalyticsQueries.scope();
        return new Summary(confirmation(period, scope), departments(period, scope),
                any("an_inspection_fact") ? null : NO_SOURCE, dispatches(period, scope),
                any("an_dispatch") ? null : NO_SOURCE, comparison.statuses(comparisonMonth));
    }

    private boolean any(String table) {
        return jdbc.sql("select exists (select 1 from " + table + ")").query(Boolean.class).single();
    }

    Confirmation confirmation(Filter period, DataScope scope) {
        Filter f = new Filter(period.region(), period.industries(), "MAJOR", "SELF_INSPECTION", null, null, null, null,
                null, period.from(), period.to(), null);
        Filter.Sql w = f.sql(scope, Set.of("enterprise_id", "region_code", "zone_code", "industry_code", "field_code",
                "grade", "channel", "found_on"));
        return jdbc.sql("""
                select count(*), count(*) filter (where principal_confirmed_at is not null),
                  percentile_cont(0.5) within group (order by extract(epoch from dept_confirmed_at - created_at) / 3600)
                    filter (where dept_confirmed_at is not null),
                  percentile_cont(0.5) within group (order by extract(epoch from principal_confirmed_at - dept_confirmed_at) / 3600)
                    filter (where principal_confirmed_at is not null and dept_confirmed_at is not null)
                from an_hazard where status <> 'WITHDRAWN' and """ + " " + w.where())
                .params(w.params()).query((rs, n) -> {
                    long total = rs.getLong(1);
                    long both = rs.getLong(2);
                    Double l1 = rs.getObject(3) == null ? null : round1(rs.getDouble(3));
                    Double l2 = rs.getObject(4) == null ? null : round1(rs.getDouble(4));
                    return new Confirmation(total, both, total == 0 ? null : (double) both / total, l1, l2);
                }).single();
    }

    private static double round1(double d) {
        return Math.round(d * 10) / 10.0;
    }

    List<UnitFigures> departments(Filter period, DataScope scope) {
        DataScope.Sql s = scope.toSql("null", "region_code", "region_code", "industry_code");
        StringBuilder where = new StringBuilder(s.where());
        Map<String, Object> p = new java.util.LinkedHashMap<>(s.params());
        dates(period, where, p, "on_date");
        return jdbc.sql("""
                select unit_id, unit_region,
                  count(*) filter (where kind = 'FINDING' and major), count(*) filter (where kind = 'DECISION'),
                  count(*) filter (where kind = 'DECISION' and hazard_count > 0),
                  coalesce(sum(fine_fen) filter (where kind = 'DECISION'), 0)
                from an_inspection_fact where %s group by 1, 2 order by 3 desc, 4 desc""".formatted(where))
                .params(p).query((rs, n) -> {
                    UUID unit = rs.getObject(1, UUID.class);
                    return new UnitFigures(unit, units.find(unit).map(u -> u.name()).orElse("（未知单位）"),
                            rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
                }).list();
    }

    List<Dispatches> dispatches(Filter period, DataScope scope) {
        // a dispatch is in scope if its addressee's county is (city-level addressees: the city's scope only)
        String where = scope.wholeCity() ? "true" : scope.regionCode() != null && scope.industryCodes() == null
                ? "region_code like :r" : "false";
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        if (where.contains(":r")) {
            p.put("r", cn.zhiben.platform.security.RegionCodes.subtreePrefix(scope.regionCode()) + "%");
        }
        StringBuilder w = new StringBuilder(where);
        dates(period, w, p, "(sent_at at time zone 'Asia/Shanghai')::date");
        return jdbc.sql("""
                select from_level, count(*), count(*) filter (where answered_at is not null),
                  count(*) filter (where answered_on_time), count(*) filter (where overdue)
                from an_dispatch where %s group by 1 order by 1""".formatted(w))
                .params(p).query((rs, n) -> new Dispatches(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(2) == 0 ? null : (double) rs.getLong(4) / rs.getLong(2))).list();
    }

    private static void dates(Filter period, StringBuilder where, Map<String, Object> p, String column) {
        if (period.from() != null) {
            where.append(" and ").append(column).append(" >= :pFrom");
            p.put("pFrom", period.from());
        }
        if (period.to() != null) {
            where.append(" and ").append(column).append(" <= :pTo");
            p.put("pTo", period.to());
        }
    }
}
