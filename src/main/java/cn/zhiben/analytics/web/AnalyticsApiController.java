package cn.zhiben.analytics.web;

import cn.zhiben.analytics.internal.AnalyticsQueries;
import cn.zhiben.analytics.internal.AnalyticsQueries.Dimension;
import cn.zhiben.analytics.internal.CountyComparison;
import cn.zhiben.analytics.internal.Filter;
import cn.zhiben.analytics.internal.FourTwos;
import cn.zhiben.analytics.internal.HazardReadModel;
import cn.zhiben.analytics.internal.Xlsx;
import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every figure the analytics pages show: under /api/v1/analytics (bearer token) for the province or a big-screen vendor,
 * and the same handlers under /analytics/data (session) for the pages' scripts (docs/analytics.md).
 */
@RestController
@Tag(name = "analytics", description = "统计分析、四个二、市县两级比对")
@PreAuthorize("T(cn.zhiben.analytics.internal.AnalyticsQueries).reads(principal)")
class AnalyticsApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AnalyticsQueries queries;
    private final FourTwos fourTwos;
    private final CountyComparison comparison;
    private final IndustryCatalog industries;
    private final HazardReadModel model;
    private final AuditLog audit;

    AnalyticsApiController(AnalyticsQueries queries, FourTwos fourTwos, CountyComparison comparison,
                           IndustryCatalog industries, HazardReadModel model, AuditLog audit) {
        this.queries = queries;
        this.fourTwos = fourTwos;
        this.comparison = comparison;
        this.industries = industries;
        this.model = model;
        this.audit = audit;
    }

    static Dimension dimension(String by) {
        try {
            return Dimension.valueOf(by == null ? "" : by.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("INVALID_DIMENSION",
                    "by 只能是 county、township、industry、channel、grade、status、listing、overdue、stock、month、enterprise");
        }
    }

    static YearMonth month(String m) {
        try {
            YearMonth ym = YearMonth.parse(m == null ? "" : m.trim());
            if (ym.getYear() < 2000 || ym.getYear() > 2100) {
                throw new DateTimeParseException("range", m, 0);
            }
            return ym;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("INVALID_MONTH", "月份格式应为 yyyy-MM");
        }
    }

    @Operation(summary = "分组统计：by=county|township|industry|channel|grade|status|listing|overdue|stock|month|enterprise")
    @GetMapping({"/api/v1/analytics/breakdown", "/analytics/data/breakdown"})
    AnalyticsQueries.Breakdown breakdown(@RequestParam(defaultValue = "county") String by, @ModelAttribute FilterParams p) {
        return queries.breakdown(dimension(by), p.toFilter(industries));
    }

    @Operation(summary = "核心指标：在办重大隐患、逾期、挂牌、整改率、销号用时、存量清零进度")
    @GetMapping({"/api/v1/analytics/kpis", "/analytics/data/kpis"})
    AnalyticsQueries.Kpis kpis(@ModelAttribute FilterParams p) {
        return queries.kpis(p.toFilter(industries));
    }

    @Operation(summary = "月度趋势：每月发现（重大/一般）与整改销号数")
    @GetMapping({"/api/v1/analytics/trend", "/analytics/data/trend"})
    List<AnalyticsQueries.TrendPoint> trend(@RequestParam(defaultValue = "24") String months, @ModelAttribute FilterParams p) {
        return queries.trend(p.toFilter(industries), Math.max(1, positive(months, "months", 60)));
    }

    @Operation(summary = "穿透到隐患：数字背后的隐患清单")
    @GetMapping({"/api/v1/analytics/hazards", "/analytics/data/hazards"})
    AnalyticsQueries.Page hazards(@ModelAttribute FilterParams p, @RequestParam(defaultValue = "50") String limit,
                                  @RequestParam(defaultValue = "0") String offset) {
        return queries.hazards(p.toFilter(industries), "found", Math.max(1, positive(limit, "limit", 200)),
                positive(offset, "offset", 10_000_000));
    }

    @Operation(summary = "逾期时间最长的在办隐患")
    @GetMapping({"/api/v1/analytics/top-overdue", "/analytics/data/top-overdue"})
    AnalyticsQueries.Page topOverdue(@ModelAttribute FilterParams p) {
        return queries.topOverdue(p.toFilter(industries));
    }

    @Operation(summary = "四个二：企业两级确认、部门两个指标、安委会两级调度、市县两级比对")
    @GetMapping({"/api/v1/analytics/four-twos", "/analytics/data/four-twos"})
    FourTwos.Summary fourTwos(@ModelAttribute FilterParams p, @RequestParam(required = false) String month) {
        return fourTwos.summary(p.toFilter(industries), month == null || month.isBlank()
                ? YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1) : month(month));
    }

    @Operation(summary = "市县两级比对：某县某月的差异清单")
    @GetMapping({"/api/v1/analytics/comparison", "/analytics/data/comparison"})
    CountyComparison.Result compare(@RequestParam(required = false) String county, @RequestParam String month) {
        return comparison.compare(county == null || county.isBlank() ? CountyComparison.ownCounty() : county.trim(),
                month(month));
    }

    record FiguresRequest(String month, List<CountyComparison.Line> lines) {
    }

    @Operation(summary = "县级安委办报送本县月度数据（JSON），返回比对结果")
    @PostMapping("/api/v1/analytics/comparison/figures")
    CountyComparison.Result submit(@RequestBody FiguresRequest request) {
        CountyComparison.submittingCounty();
        return comparison.submit(month(request.month()), request.lines() == null ? List.of() : request.lines());
    }

    @Operation(summary = "县级安委办报送本县月度数据（按模板填写的 .xlsx）")
    @PostMapping(path = "/api/v1/analytics/comparison/figures.xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CountyComparison.Result submitXlsx(@RequestParam(required = false) String month,
                                       @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        CountyComparison.submittingCounty();
        YearMonth m = month(month);
        if (file == null || file.isEmpty()) {
            throw ProblemException.badRequest("FILE_REQUIRED", "请上传按模板填写的 .xlsx 文件");
        }
        return comparison.submit(m, comparison.parse(file.getInputStream()));
    }

    @Operation(summary = "月度数据报送模板（.xlsx）")
    @GetMapping({"/api/v1/analytics/comparison/template.xlsx", "/analytics/data/comparison/template.xlsx"})
    ResponseEntity<byte[]> template() {
        return xlsx("月度数据报送模板.xlsx", comparison.template());
    }

    @Operation(summary = "导出 .xlsx：table=breakdown|hazards|top-overdue|comparison|trend")
    @GetMapping({"/api/v1/analytics/export.xlsx", "/analytics/data/export.xlsx"})
    ResponseEntity<byte[]> export(@RequestParam String table, @RequestParam(defaultValue = "county") String by,
                                  @RequestParam(required = false) String county, @RequestParam(required = false) String month,
                                  @ModelAttribute FilterParams p) {
        Filter f = p.toFilter(industries);
        byte[] body;
        String name;
        switch (table) {
            case "breakdown" -> {
                AnalyticsQueries.Breakdown b = queries.breakdown(dimension(by), f);
                List<Object[]> rows = new ArrayList<>();
                b.rows().forEach(r -> rows.add(new Object[]{r.key(), r.label(), r.count()}));
                rows.add(new Object[]{"", "合计", b.total()});
                body = Xlsx.write("分组统计", List.of("代码", b.by().label(), "隐患数"), rows);
                name = "分组统计-" + b.by().label() + ".xlsx";
            }
            case "hazards", "top-overdue" -> {
                AnalyticsQueries.Page page = table.equals("hazards") ? queries.hazards(f, "found", 200, 0)
                        : queries.topOverdue(f);
                List<Object[]> rows = new ArrayList<>();
                page.hazards().forEach(h -> rows.add(new Object[]{h.number(), h.enterpriseName(), h.regionName(),
                        h.industryName(), h.grade(), h.status(), h.channel(), h.listingLevel(), h.overdue() ? "是" : "否",
                        h.stock() ? "存量" : "增量", h.foundOn() == null ? "" : h.foundOn().toString(),
                        h.deadline() == null ? "" : h.deadline().toString()}));
                body = Xlsx.write("隐患清单", List.of("隐患编号", "企业", "乡镇（街道）", "行业领域", "等级", "状态", "发现渠道",
                        "挂牌督办", "逾期", "存量/增量", "发现日期", "整改期限"), rows);
                name = table.equals("hazards") ? "隐患清单.xlsx" : "逾期隐患.xlsx";
            }
            case "trend" -> {
                List<Object[]> rows = new ArrayList<>();
                queries.trend(f, 24).forEach(t -> rows.add(new Object[]{t.month(), t.majorFound(), t.generalFound(), t.rectified()}));
                body = Xlsx.write("月度趋势", List.of("月份", "发现重大隐患", "发现一般隐患", "整改销号（关闭）"), rows);
                name = "月度趋势.xlsx";
            }
            case "comparison" -> {
                if (county == null || month == null) {
                    throw ProblemException.badRequest("COMPARISON_PARAMS", "导出比对结果需要 county 和 month");
                }
                CountyComparison.Result r = comparison.compare(county.trim(), month(month));
                List<Object[]> rows = new ArrayList<>();
                r.discrepancies().forEach(d -> rows.add(new Object[]{d.industryCode(), d.industryName(), d.figureLabel(),
                        d.county(), d.platform(), d.county() - d.platform()}));
                body = Xlsx.write("两级比对", List.of("行业代码", "行业", "指标", "县级报送", "平台记录", "差额"), rows);
                name = "两级比对-" + r.countyName() + "-" + r.month() + ".xlsx";
            }
            default -> throw ProblemException.badRequest("INVALID_TABLE",
                    "table 只能是 breakdown、hazards、top-overdue、trend、comparison");
        }
        audit.recordIndependently(AuditEntry.success(AuditAction.EXPORT, "analytics", table, Map.of("file", name)));
        return xlsx(name, body);
    }

    static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }

    static int positive(String s, String name, int max) {
        try {
            int n = Integer.parseInt(s.trim());
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("INVALID_NUMBER", "参数 " + name + " 应为 0 至 " + max + " 的整数");
        }
    }

    @Operation(summary = "从隐患模块重建统计读模型（系统管理员；数据以隐患模块为准）")
    @PostMapping("/api/v1/analytics/rebuild")
    @PreAuthorize("hasAuthority('PERM_SYSTEM_CONFIG')")
    HazardReadModel.Rebuilt rebuild() {
        HazardReadModel.Rebuilt r = model.rebuild();
        audit.recordIndependently(AuditEntry.success(AuditAction.UPDATE, "analytics-read-model", "hazards",
                Map.of("hazards", r.hazards(), "millis", r.millis())));
        return r;
    }
}
