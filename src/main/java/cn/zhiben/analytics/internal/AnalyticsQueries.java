package cn.zhiben.analytics.internal;

import cn.zhiben.analytics.AnalyticsProperties;
import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every figure the analytics pages and API show, from the read models only, inside the caller's data scope (applied in
 * the query, like everywhere else). Definitions: docs/analytics.md.
 */
@Service
public class AnalyticsQueries {

    /** Who may read analytics: government accounts (an enterprise or expert sees its own hazards in the hazards module). */
    static final Set<Role> READERS = EnumSet.of(Role.CITY_OFFICE, Role.MEMBER_UNIT, Role.COUNTY_OFFICE, Role.COUNTY_UNIT,
            Role.TOWNSHIP);

    private static final Set<String> STATE = Set.of("region_code", "zone_code", "industry_code", "field_code", "grade",
            "status", "channel", "listing_level", "overdue", "stock");
    private static final Set<String> MONTH = Set.of("region_code", "zone_code", "industry_code", "field_code", "grade",
            "channel", "found_month", "bucket");
    private static final Set<String> FACT = Set.of("enterprise_id", "region_code", "zone_code", "industry_code",
            "field_code", "grade", "status", "channel", "listing_level", "overdue", "stock", "found_on");
    static final String NOT_REMOVED = " and status not in ('MERGED', 'WITHDRAWN')";

    private final JdbcClient jdbc;
    private final RegionCatalog regions;
    private final IndustryCatalog industries;
    private final AnalyticsProperties props;
    private final Clock clock;

    AnalyticsQueries(JdbcClient jdbc, RegionCatalog regions, IndustryCatalog industries, AnalyticsProperties props,
                     Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.industries = industries;
        this.props = props;
        this.clock = clock;
    }

    /** Whether an account reads analytics; also the controllers' {@code @PreAuthorize} (checked before binding). */
    public static boolean reads(Object principal) {
        return principal instanceof CurrentUser u && READERS.contains(u.role());
    }

    /** The caller's scope, or 403 for accounts that do not read analytics. */
    public static DataScope scope() {
        CurrentUser u = CurrentUser.require();
        if (!READERS.contains(u.role())) {
            throw ProblemException.forbidden("ANALYTICS_FORBIDDEN", "统计分析仅向政府部门账号开放");
        }
        return u.scope();
    }

    public enum Dimension {
        COUNTY("区县"), TOWNSHIP("乡镇（街道）"), INDUSTRY("行业领域"), CHANNEL("发现渠道"), GRADE("隐患等级"),
        STATUS("状态"), LISTING("挂牌督办"), OVERDUE("是否逾期"), STOCK("存量/增量"), MONTH("发现月份"),
        ENTERPRISE("企业");

        private final String label;

        Dimension(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Row(String key, String label, long count) {
    }

    /** @param source which read model answered: STATE (now), MONTH (whole months) or FACT (per hazard) */
    public record Breakdown(Dimension by, List<Row> rows, long total, String source) {
    }

    /** Counts by one dimension. Merged and withdrawn hazards are left out unless a status asks for them. */
    public Breakdown breakdown(Dimension by, Filter f) {
        DataScope scope = scope();
        boolean needsFact = by == Dimension.ENTERPRISE || f.needsFact();
        boolean needsState = f.listing() != null || f.overdue() != null || f.status() != null
                || by == Dimension.LISTING || by == Dimension.OVERDUE || by == Dimension.STATUS;
        boolean needsMonth = f.period() || by == Dimension.MONTH;
        String table;
        Set<String> cols;
        if (needsFact || (needsMonth && (needsState || !f.wholeMonths()))) {
            table = "an_hazard";
            cols = FACT;
        } else if (needsMonth) {
            table = "an_found_month";
            cols = MONTH;
        } else {
            table = "an_state_count";
            cols = STATE;
        }
        boolean fact = table.equals("an_hazard");
        String key = switch (by) {
            case COUNTY -> "substr(region_code, 1, 6)";
            case TOWNSHIP -> "region_code";
            case INDUSTRY -> "industry_code";
            case CHANNEL -> "channel";
            case GRADE -> "grade";
            case STATUS -> "status";
            case LISTING -> "listing_level";
            case OVERDUE -> "case when overdue then 'true' else 'false' end";
            case STOCK -> cols.contains("stock") ? "case when stock then 'true' else 'false' end"
                    : "case when found_month <= date '2023-12-01' then 'true' else 'false' end";
            case MONTH -> cols.contains("found_on") ? "to_char(found_on, 'YYYY-MM')" : "to_char(found_month, 'YYYY-MM')";
            case ENTERPRISE -> "enterprise_id::text || '|' || enterprise_name";
        };
        Filter.Sql w = f.sql(scope, cols);
        String removed = f.status() != null ? "" : cols.contains("status") ? NOT_REMOVED : " and bucket <> 'REMOVED'";
        String sql = "select " + key + " k, " + (fact ? "count(*)" : "sum(n)") + " c from " + table + " where "
                + w.where() + removed + " group by 1" + (fact ? "" : " having sum(n) <> 0")
                + " order by 2 desc" + (by == Dimension.ENTERPRISE ? " limit 500" : "");
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).params(w.params()).query(rs -> {
            counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
        });
        if (by == Dimension.INDUSTRY) {
            rollUpIndustries(counts, f);
        }
        List<Row> rows = new ArrayList<>();
        long total = 0;
        for (var e : counts.entrySet()) {
            rows.add(new Row(e.getKey(), label(by, e.getKey()), e.getValue()));
            total += e.getValue();
        }
        if (by == Dimension.MONTH) {
            rows.sort((a, b) -> a.key().compareTo(b.key()));
        } else if (by == Dimension.ENTERPRISE) {
            rows = rows.stream().map(r -> new Row(r.key().substring(0, 36), r.label(), r.count())).toList();
        }
        return new Breakdown(by, rows, total, table.equals("an_hazard") ? "FACT" : table.equals("an_state_count") ? "STATE" : "MONTH");
    }

    /** Leaf industries rolled up to the level below the filtered industry (the whole tree's top level without one). */
    private void rollUpIndustries(Map<String, Long> counts, Filter f) {
        Map<String, String> parent = new LinkedHashMap<>();
        for (Industry i : industries.all()) {
            parent.put(i.code(), i.parentCode());
        }
        String root = null;
        if (f.industries() != null) {
            // the filter's root: the one code whose parent is not in the set
            root = f.industries().stream().filter(c -> !f.industries().contains(parent.get(c))).findFirst().orElse(null);
        }
        Map<String, Long> rolled = new LinkedHashMap<>();
        for (var e : counts.entrySet()) {
            String code = e.getKey();
            String node = code;
            while (node != null && parent.get(node) != null && !java.util.Objects.equals(parent.get(node), root)) {
                node = parent.get(node);
            }
            if (root != null && code.equals(root)) {
                node = root;
            }
            rolled.merge(node == null ? code : node, e.getValue(), Long::sum);
        }
        counts.clear();
        rolled.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
    }

    String label(Dimension by, String key) {
        if (key == null) {
            return "（无）";
        }
        return switch (by) {
            case COUNTY, TOWNSHIP -> regions.find(key).map(Region::name).orElse(key);
            case INDUSTRY -> industries.find(key).map(Industry::name).orElse(key);
            case CHANNEL -> Channel.valueOf(key).label();
            case GRADE -> Grade.valueOf(key).label();
            case STATUS -> HazardStatus.valueOf(key).label();
            case LISTING -> key.isEmpty() ? "未挂牌" : ListingLevel.valueOf(key).label();
            case OVERDUE -> key.equals("true") ? "逾期" : "未逾期";
            case STOCK -> key.equals("true") ? "存量（2023年及以前发现）" : "增量（2024年起发现）";
            case MONTH -> key;
            case ENTERPRISE -> key.substring(37);
        };
    }

    /** A hazard behind a number. */
    public record HazardRow(UUID id, String number, UUID enterpriseId, String enterpriseName, String regionCode,
                            String regionName, String industryCode, String industryName, String grade, String status,
                            String channel, String listingLevel, boolean overdue, boolean stock, LocalDate foundOn,
                            LocalDate deadline) {
    }

    public record Page(List<HazardRow> hazards, long total, int limit, int offset) {
    }

    /** The hazards behind a figure, newest found first (the same filters; merged and withdrawn ones left out unless asked). */
    public Page hazards(Filter f, String order, int limit, int offset) {
        DataScope scope = scope();
        Filter.Sql w = f.sql(scope, FACT);
        String where = w.where() + (f.status() != null ? "" : NOT_REMOVED);
        int lim = Math.max(1, Math.min(limit, props.drillLimit()));
        String orderBy = "deadline".equals(order) ? "deadline nulls last, hazard_id" : "found_on desc, hazard_id";
        List<HazardRow> rows = jdbc.sql("select * from an_hazard where " + where + " order by " + orderBy
                        + " limit " + lim + " offset " + Math.max(0, offset))
                .params(w.params()).query((rs, n) -> {
                    String region = rs.getString("region_code");
                    String industry = rs.getString("industry_code");
                    java.sql.Date dl = rs.getDate("deadline");
                    String listing = rs.getString("listing_level");
                    return new HazardRow(rs.getObject("hazard_id", UUID.class), rs.getString("number"),
                            rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"), region,
                            label(Dimension.TOWNSHIP, region), industry, label(Dimension.INDUSTRY, industry),
                            Grade.valueOf(rs.getString("grade")).label(), HazardStatus.valueOf(rs.getString("status")).label(),
                            Channel.valueOf(rs.getString("channel")).label(), label(Dimension.LISTING, listing),
                            rs.getBoolean("overdue"), rs.getBoolean("stock"), rs.getDate("found_on").toLocalDate(),
                            dl == null ? null : dl.toLocalDate());
                }).list();
        long total = jdbc.sql("select count(*) from an_hazard where " + where).params(w.params()).query(Long.class).single();
        return new Page(rows, total, lim, Math.max(0, offset));
    }

    /** Open hazards past their deadline, longest overdue first. */
    public Page topOverdue(Filter f) {
        Filter g = new Filter(f.region(), f.industries(), f.grade(), f.channel(), null, f.listing(), true, f.stock(), true,
                f.from(), f.to(), f.enterpriseId());
        return hazards(g, "deadline", props.topOverdue(), 0);
    }

    /**
     * Headline figures.
     *
     * @param openMajor          major hazards open now
     * @param overdue            open hazards past their deadline
     * @param listed             open hazards listed for supervision
     * @param foundThisMonth     hazards found this calendar month (Asia/Shanghai)
     * @param rectificationRate  rectified / found (merged and withdrawn left out), of the period or all time; null if none
     * @param signOffMedianDays  days from found to sign-off of major hazards signed off in the period (median), or null
     * @param signOffP90Days     the same, 90th percentile
     */
    public record Kpis(long openMajor, long overdue, long listed, long foundThisMonth, long found, long rectified,
                       Double rectificationRate, Integer signOffMedianDays, Integer signOffP90Days, Stock stock) {
    }

    /**
     * The plan's goals on stock and increment (实施方案 二、主要目标): 2024年底前基本消除2023年及以前排查发现的重大事故隐患存量;
     * 2025年底前有效遏制增量; 2026年底前形成动态清零的常态化机制.
     *
     * @param stockMajor         major hazards found in 2023 or earlier (merged/withdrawn left out)
     * @param stockRectified     of those, signed off or closed
     * @param stockGoal          the share the platform reads as 基本消除 (configurable, our inference)
     * @param increment2024      major hazards found in 2024; 2025 and 2026 likewise (有效遏制: fewer than the year before)
     * @param openMajorOverdue   open major hazards past their deadline now (动态清零: none)
     */
    public record Stock(long stockMajor, long stockRectified, double stockGoal, long increment2024, long increment2025,
                        long increment2026, long openMajorOverdue) {
    }

    public Kpis kpis(Filter f) {
        DataScope scope = scope();
        Filter now = new Filter(f.region(), f.industries(), null, f.channel(), null, null, null, null, null, null, null, null);
        Filter.Sql s = now.sql(scope, STATE);
        var state = jdbc.sql("""
                select coalesce(sum(n) filter (where grade = 'MAJOR' and %1$s), 0),
                       coalesce(sum(n) filter (where overdue and %1$s), 0),
                       coalesce(sum(n) filter (where listing_level <> '' and %1$s), 0),
                       coalesce(sum(n) filter (where stock and grade = 'MAJOR' and status not in ('MERGED', 'WITHDRAWN')), 0),
                       coalesce(sum(n) filter (where stock and grade = 'MAJOR' and status in ('SIGNED_OFF', 'CLOSED')), 0),
                       coalesce(sum(n) filter (where grade = 'MAJOR' and overdue and %1$s), 0)
                from an_state_count where %2$s""".formatted(HazardStatus.openSql("status"), s.where()))
                .params(s.params()).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)}).single();
        Filter.Sql m = now.sql(scope, MONTH);
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        var months = jdbc.sql("""
                select coalesce(sum(n) filter (where found_month = :thisMonth), 0),
                       coalesce(sum(n) filter (where grade = 'MAJOR' and found_month between date '2024-01-01' and date '2024-12-01'), 0),
                       coalesce(sum(n) filter (where grade = 'MAJOR' and found_month between date '2025-01-01' and date '2025-12-01'), 0),
                       coalesce(sum(n) filter (where grade = 'MAJOR' and found_month between date '2026-01-01' and date '2026-12-01'), 0)
                from an_found_month where bucket <> 'REMOVED' and %s""".formatted(m.where()))
                .params(m.params()).param("thisMonth", today.withDayOfMonth(1))
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        // the rectification rate and days to sign-off for the period asked (all time without one)
        Filter period = new Filter(f.region(), f.industries(), f.grade(), f.channel(), null, null, null, null, null,
                f.from(), f.to(), null);
        Breakdown buckets = breakdown(Dimension.GRADE, period);
        long found = buckets.total();
        long rectified = rectified(period, scope);
        Integer[] days = signOffDays(period, scope);
        Stock stock = new Stock(state[3], state[4], props.stockGoal2024(), months[1], months[2], months[3], state[5]);
        return new Kpis(state[0], state[1], state[2], months[0], found, rectified,
                found == 0 ? null : (double) rectified / found, days[0], days[1], stock);
    }

    private long rectified(Filter f, DataScope scope) {
        if (f.period() && !f.wholeMonths()) {
            Filter.Sql w = f.sql(scope, FACT);
            return jdbc.sql("select count(*) from an_hazard where status in ('SIGNED_OFF', 'CLOSED') and " + w.where())
                    .params(w.params()).query(Long.class).single();
        }
        Filter.Sql w = f.sql(scope, MONTH);
        return jdbc.sql("select coalesce(sum(n), 0) from an_found_month where bucket = 'RECTIFIED' and " + w.where())
                .params(w.params()).query(Long.class).single();
    }

    /** Median and p90 of whole days from found to sign-off, over major hazards signed off in the period (by sign-off month). */
    Integer[] signOffDays(Filter f, DataScope scope) {
        Filter g = new Filter(f.region(), f.industries(), null, null, null, null, null, null, null, null, null, null);
        Filter.Sql w = g.sql(scope, Set.of("region_code", "zone_code", "industry_code", "field_code"));
        StringBuilder where = new StringBuilder(w.where());
        Map<String, Object> p = new LinkedHashMap<>(w.params());
        if (f.from() != null) {
            where.append(" and done_month >= :dFrom");
            p.put("dFrom", f.from().withDayOfMonth(1));
        }
        if (f.to() != null) {
            where.append(" and done_month <= :dTo");
            p.put("dTo", f.to());
        }
        List<long[]> hist = jdbc.sql("select days, sum(n) from an_done_month where grade = 'MAJOR' and " + where
                        + " group by days having sum(n) <> 0 order by days")
                .params(p).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        return new Integer[]{percentile(hist, 0.5), percentile(hist, 0.9)};
    }

    /** The smallest value with at least q of the observations at or below it (nearest-rank). */
    public static Integer percentile(List<long[]> histogram, double q) {
        long total = histogram.stream().mapToLong(h -> h[1]).sum();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (long[] h : histogram) {
            seen += h[1];
            if (seen >= rank) {
                return (int) h[0];
            }
        }
        return (int) histogram.get(histogram.size() - 1)[0];
    }

    /** Found per month (major / general) and rectified per month, for the last n months up to this one. */
    public record TrendPoint(String month, long majorFound, long generalFound, long rectified) {
    }

    public List<TrendPoint> trend(Filter f, int monthsBack) {
        DataScope scope = scope();
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(Math.max(1, Math.min(monthsBack, 60)) - 1L);
        Filter g = new Filter(f.region(), f.industries(), null, f.channel(), null, null, null, null, null,
                first.atDay(1), last.atEndOfMonth(), null);
        Filter.Sql w = g.sql(scope, MONTH);
        Map<String, long[]> byMonth = new LinkedHashMap<>();
        for (YearMonth ym = first; !ym.isAfter(last); ym = ym.plusMonths(1)) {
            byMonth.put(ym.toString(), new long[3]);
        }
        jdbc.sql("select to_char(found_month, 'YYYY-MM'), grade, sum(n) from an_found_month where bucket <> 'REMOVED' and "
                        + w.where() + " group by 1, 2").params(w.params())
                .query(rs -> {
                    long[] v = byMonth.get(rs.getString(1));
                    if (v != null) {
                        v[rs.getString(2).equals("MAJOR") ? 0 : 1] += rs.getLong(3);
                    }
                });
        Filter.Sql d = new Filter(f.region(), f.industries(), null, null, null, null, null, null, null, null, null, null)
                .sql(scope, Set.of("region_code", "zone_code", "industry_code", "field_code"));
        jdbc.sql("select to_char(done_month, 'YYYY-MM'), sum(n) from an_done_month where done_month >= :first and "
                        + d.where() + " group by 1").params(d.params()).param("first", first.atDay(1))
                .query(rs -> {
                    long[] v = byMonth.get(rs.getString(1));
                    if (v != null) {
                        v[2] += rs.getLong(2);
                    }
                });
        return byMonth.entrySet().stream().map(e -> new TrendPoint(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2])).toList();
    }
}
