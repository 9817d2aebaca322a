package cn.zhiben.analytics.internal;

import cn.zhiben.analytics.AnalyticsProperties;
import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * 市县两级比对 (实施方案 item 6): a county office submits its own monthly figures by industry; the platform compares them
 * with its records (the read model) and lists every discrepancy with the hazards behind the platform's figure.
 * Figures compared: hazards found in the month, of them major, and hazards rectified (signed off or closed) in the month.
 */
@Service
public class CountyComparison {

    public static final List<String> FIGURES = List.of("found", "majorFound", "rectified");
    static final Map<String, String> FIGURE_LABELS = Map.of("found", "发现隐患数", "majorFound", "其中重大隐患数",
            "rectified", "整改销号（关闭）数");

    public record Line(String industryCode, int found, int majorFound, int rectified) {
    }

    /** One figure that differs: the county's, the platform's, and where to see the platform's hazards. */
    public record Discrepancy(String industryCode, String industryName, String figure, String figureLabel, long county,
                              long platform, String hazardsQuery) {
    }

    public record Result(String countyCode, String countyName, String month, boolean submitted,
                         List<Discrepancy> discrepancies) {
    }

    public record CountyStatus(String countyCode, String countyName, boolean submitted, int discrepancies) {
    }

    private final JdbcClient jdbc;
    private final IndustryCatalog industries;
    private final RegionCatalog regions;
    private final AuditLog audit;
    private final AnalyticsProperties props;
    private final Clock clock;

    CountyComparison(JdbcClient jdbc, IndustryCatalog industries, RegionCatalog regions, AuditLog audit,
                     AnalyticsProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.industries = industries;
        this.regions = regions;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    /** The county a county office acts for; 403 for anyone else (only the county reports its own figures). */
    public static String submittingCounty() {
        CurrentUser u = CurrentUser.require();
        String region = u.scope().regionCode();
        if (u.role() != Role.COUNTY_OFFICE || region == null || !RegionCodes.isAdministrative(region) || region.length() != 6) {
            throw ProblemException.forbidden("COMPARISON_COUNTY_ONLY", "只有县级安委办可以报送本县月度数据");
        }
        return region;
    }

    /** The caller's own county when it is a county-level account; otherwise a county must be named (400). */
    public static String ownCounty() {
        String region = CurrentUser.require().scope().regionCode();
        if (region != null && RegionCodes.isAdministrative(region) && region.length() == 6 && !region.endsWith("00")) {
            return region;
        }
        throw ProblemException.badRequest("COUNTY_REQUIRED", "请指定区县（county）");
    }

    /** Replaces the county's figures for the month (a resubmission corrects the earlier one). */
    @Transactional
    public Result submit(YearMonth month, List<Line> lines) {
        String county = submittingCounty();
        validate(month, lines);
        LocalDate m = month.atDay(1);
        int before = jdbc.sql("delete from an_county_figure where county_code = :c and month = :m")
                .param("c", county).param("m", m).update();
        for (Line l : lines) {
            jdbc.sql("""
                    insert into an_county_figure (county_code, month, industry_code, found, major_found, rectified,
                        submitted_by, submitted_at) values (:c, :m, :i, :f, :mf, :r, :by, :at)""")
                    .param("c", county).param("m", m).param("i", l.industryCode()).param("f", l.found())
                    .param("mf", l.majorFound()).param("r", l.rectified()).param("by", CurrentUser.require().id())
                    .param("at", Timestamp.from(clock.instant())).update();
        }
        audit.record(AuditEntry.success(before > 0 ? AuditAction.UPDATE : AuditAction.CREATE, "county-figures",
                county + ":" + month, Map.of("lines", lines.size())));
        return compare(county, month);
    }

    private void validate(YearMonth month, List<Line> lines) {
        if (month.isAfter(YearMonth.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE)))) {
            throw ProblemException.badRequest("MONTH_IN_FUTURE", "不能报送未来月份的数据");
        }
        if (lines == null || lines.isEmpty()) {
            throw ProblemException.badRequest("FIGURES_EMPTY", "请至少填写一个行业的数据");
        }
        Set<String> known = new LinkedHashSet<>();
        industries.all().forEach(i -> known.add(i.code()));
        Set<String> seen = new LinkedHashSet<>();
        for (Line l : lines) {
            if (l.industryCode() == null || !known.contains(l.industryCode())) {
                throw ProblemException.badRequest("UNKNOWN_INDUSTRY", "未知的行业代码：" + l.industryCode());
            }
            if (!seen.add(l.industryCode())) {
                throw ProblemException.badRequest("DUPLICATE_INDUSTRY", "行业重复填报：" + l.industryCode());
            }
            if (l.found() < 0 || l.majorFound() < 0 || l.rectified() < 0 || l.found() > 1_000_000
                    || l.majorFound() > 1_000_000 || l.rectified() > 1_000_000) {
                throw ProblemException.badRequest("FIGURE_OUT_OF_RANGE", "数字须为 0 至 1000000 的整数");
            }
            if (l.majorFound() > l.found()) {
                throw ProblemException.badRequest("MAJOR_EXCEEDS_FOUND", "重大隐患数不能大于发现隐患数：" + l.industryCode());
            }
        }
    }

    /** Reads the template's rows: 行业代码 | 行业名称 | 发现隐患数 | 其中重大隐患数 | 整改销号（关闭）数; blank rows skipped. */
    public List<Line> parse(InputStream xlsx) {
        List<Line> lines = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = new XSSFWorkbook(xlsx)) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row == null || row.getCell(0) == null || fmt.formatCellValue(row.getCell(0)).isBlank()) {
                    continue;
                }
                lines.add(new Line(fmt.formatCellValue(row.getCell(0)).trim(), number(row.getCell(2), r),
                        number(row.getCell(3), r), number(row.getCell(4), r)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.badRequest("XLSX_UNREADABLE", "无法读取上传的 Excel 文件，请使用下载的模板（.xlsx）");
        }
        return lines;
    }

    private static int number(Cell c, int row) {
        if (c == null || c.getCellType() == CellType.BLANK) {
            return 0;
        }
        String text = c.getCellType() == CellType.NUMERIC ? null : new DataFormatter().formatCellValue(c).trim();
        if (text != null && text.isEmpty()) {
            return 0;   // an empty text cell, as spreadsheet programs leave after clearing a value
        }
        try {
            double d = text == null ? c.getNumericCellValue() : Double.parseDouble(text);
            if (d != Math.rint(d)) {
                throw new NumberFormatException();
            }
            return (int) d;
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("FIGURE_NOT_A_NUMBER", "第 " + (row + 1) + " 行的数字无法识别");
        }
    }

    /** The template: every assignable industry, one row each, figures blank. */
    public byte[] template() {
        List<String[]> rows = new ArrayList<>();
        for (Industry i : industries.all()) {
            if (i.assignable() && i.active()) {
                rows.add(new String[]{i.code(), i.name(), null, null, null});
            }
        }
        return Xlsx.write("月度数据", List.of("行业代码", "行业名称", "发现隐患数", "其中重大隐患数", "整改销号（关闭）数"), rows);
    }

    /** The comparison for a county and month, inside the caller's scope (another county: 404). */
    public Result compare(String county, YearMonth month) {
        DataScope scope = AnalyticsQueries.scope();
        if (county == null || county.length() != 6 || !scope.coversRegion(county, null)
                || regions.find(county).isEmpty()) {
            throw ProblemException.notFound("COUNTY_NOT_FOUND", "没有这个区县，或不在您的范围内");
        }
        LocalDate m = month.atDay(1);
        Map<String, long[]> submitted = new LinkedHashMap<>();
        jdbc.sql("select industry_code, found, major_found, rectified from an_county_figure where county_code = :c and month = :m")
                .param("c", county).param("m", m)
                .query(rs -> {
                    submitted.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        String name = regions.find(county).map(Region::name).orElse(county);
        if (submitted.isEmpty()) {
            return new Result(county, name, month.toString(), false, List.of());
        }
        Map<String, long[]> platform = platformFigures(county, month, scope);
        Set<String> codes = new TreeSet<>(submitted.keySet());
        codes.addAll(platform.keySet());
        if (scope.industryCodes() != null) {
            codes.retainAll(scope.industryCodes());   // a member unit compares its own industries only
        }
        List<Discrepancy> out = new ArrayList<>();
        for (String code : codes) {
            long[] c = submitted.getOrDefault(code, new long[3]);
            long[] p = platform.getOrDefault(code, new long[3]);
            for (int k = 0; k < 3; k++) {
                if (Math.abs(c[k] - p[k]) > props.comparisonTolerance()) {
                    String figure = FIGURES.get(k);
                    out.add(new Discrepancy(code, industries.find(code).map(Industry::name).orElse(code), figure,
                            FIGURE_LABELS.get(figure), c[k], p[k], hazardsQuery(county, code, month, figure)));
                }
            }
        }
        return new Result(county, name, month.toString(), true, out);
    }

    /** The query string of the drill-down that lists the platform's hazards behind a figure. */
    static String hazardsQuery(String county, String industry, YearMonth month, String figure) {
        return switch (figure) {
            case "rectified" -> "region=" + county + "&industryExact=" + industry + "&doneFrom=" + month.atDay(1)
                    + "&doneTo=" + month.atEndOfMonth();
            case "majorFound" -> "region=" + county + "&industryExact=" + industry + "&grade=MAJOR&from=" + month.atDay(1)
                    + "&to=" + month.atEndOfMonth();
            default -> "region=" + county + "&industryExact=" + industry + "&from=" + month.atDay(1) + "&to="
                    + month.atEndOfMonth();
        };
    }

    /** The platform's figures by the enterprise's industry (exact code), from the per-hazard read model. */
    Map<String, long[]> platformFigures(String county, YearMonth month, DataScope scope) {
        DataScope.Sql s = scope.toSql("enterprise_id", "region_code", "zone_code", "industry_code", "field_code");
        Map<String, long[]> out = new LinkedHashMap<>();
        jdbc.sql("""
                select industry_code,
                  count(*) filter (where found_on between :from and :to),
                  count(*) filter (where found_on between :from and :to and grade = 'MAJOR'),
                  count(*) filter (where (status = 'SIGNED_OFF' and (signed_off_at at time zone 'Asia/Shanghai')::date between :from and :to)
                                      or (status = 'CLOSED' and (closed_at at time zone 'Asia/Shanghai')::date between :from and :to))
                from an_hazard
                where region_code like :county and status not in ('MERGED', 'WITHDRAWN')
                  and (found_on between :from and :to or signed_off_at >= :fromAt or closed_at >= :fromAt) and %s
                group by 1""".formatted(s.where()))
                .params(s.params()).param("county", county + "%").param("from", month.atDay(1))
                .param("to", month.atEndOfMonth())
                .param("fromAt", Timestamp.from(month.atDay(1).atStartOfDay(cn.zhiben.platform.PlatformConfiguration.ZONE).toInstant()))
                .query(rs -> {
                    long[] v = {rs.getLong(2), rs.getLong(3), rs.getLong(4)};
                    if (v[0] + v[1] + v[2] > 0) {
                        out.put(rs.getString(1), v);
                    }
                });
        return out;
    }

    /** Every county in scope: submitted for the month or not, and how many discrepancies. */
    public List<CountyStatus> statuses(YearMonth month) {
        DataScope scope = AnalyticsQueries.scope();
        List<CountyStatus> out = new ArrayList<>();
        for (Region r : regions.byLevel(Region.Level.COUNTY)) {
            if (!r.administrative() || !scope.coversRegion(r.code(), null)) {
                continue;
            }
            Result res = compare(r.code(), month);
            out.add(new CountyStatus(r.code(), r.name(), res.submitted(), res.discrepancies().size()));
        }
        return out;
    }
}
