package cn.zhiben.analytics.web;

import cn.zhiben.analytics.internal.AnalyticsQueries;
import cn.zhiben.analytics.internal.CountyComparison;
import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The dashboard (挂图作战), its full-screen mode, the hazards behind a number, and the county-city comparison. */
@Controller
@PreAuthorize("T(cn.zhiben.analytics.internal.AnalyticsQueries).reads(principal)")
class AnalyticsPageController {

    private final AnalyticsQueries queries;
    private final CountyComparison comparison;
    private final IndustryCatalog industries;
    private final RegionCatalog regions;
    private final Clock clock;

    AnalyticsPageController(AnalyticsQueries queries, CountyComparison comparison, IndustryCatalog industries,
                            RegionCatalog regions, Clock clock) {
        this.queries = queries;
        this.comparison = comparison;
        this.industries = industries;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping("/analytics")
    String dashboard(Model model) {
        AnalyticsQueries.scope();
        model.addAttribute("industries", industries.all());
        return "analytics/dashboard";
    }

    @GetMapping("/analytics/screen")
    String screen() {
        AnalyticsQueries.scope();
        return "analytics/screen";
    }

    @GetMapping("/analytics/hazards")
    String hazards(@ModelAttribute FilterParams p, @RequestParam(defaultValue = "0") String offset,
                   @RequestParam(required = false) String title, Model model) {
        int off = AnalyticsApiController.positive(offset, "offset", 10_000_000);
        AnalyticsQueries.Page page = queries.hazards(p.toFilter(industries), "found", 100, off);
        model.addAttribute("page", page);
        model.addAttribute("title", title == null || title.isBlank() ? "统计穿透：隐患清单" : title.strip());
        model.addAttribute("query", query(p));
        return "analytics/hazards";
    }

    static String query(FilterParams p) {
        List<String> parts = new ArrayList<>();
        add(parts, "region", p.getRegion());
        add(parts, "industry", p.getIndustry());
        add(parts, "grade", p.getGrade());
        add(parts, "channel", p.getChannel());
        add(parts, "status", p.getStatus());
        add(parts, "listing", p.getListing());
        add(parts, "overdue", p.getOverdue());
        add(parts, "stock", p.getStock());
        add(parts, "open", p.getOpen());
        add(parts, "from", p.getFrom());
        add(parts, "to", p.getTo());
        add(parts, "enterprise", p.getEnterprise());
        add(parts, "industryExact", p.getIndustryExact());
        add(parts, "doneFrom", p.getDoneFrom());
        add(parts, "doneTo", p.getDoneTo());
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @GetMapping("/analytics/comparison")
    String comparison(@RequestParam(required = false) String county, @RequestParam(required = false) String month,
                      Model model) {
        CurrentUser me = CurrentUser.require();
        AnalyticsQueries.scope();
        YearMonth m = month == null || month.isBlank()
                ? YearMonth.now(clock.withZone(PlatformConfiguration.ZONE)).minusMonths(1) : AnalyticsApiController.month(month);
        boolean submitter = me.role() == Role.COUNTY_OFFICE && me.scope().regionCode() != null
                && me.scope().regionCode().length() == 6;
        String c = county == null || county.isBlank() ? (submitter ? me.scope().regionCode() : null) : county.strip();
        model.addAttribute("month", m.toString());
        model.addAttribute("statuses", comparison.statuses(m));
        model.addAttribute("submitter", submitter);
        if (c != null) {
            model.addAttribute("result", comparison.compare(c, m));
        }
        List<Industry> assignable = industries.all().stream().filter(i -> i.assignable() && i.active()).toList();
        model.addAttribute("industries", assignable);
        return "analytics/comparison";
    }

    /** The form: one row per industry, fields found_<code>, major_<code>, rectified_<code>; empty rows are left out. */
    @PostMapping("/analytics/comparison")
    String submitForm(@RequestParam(required = false) String month, @RequestParam MultiValueMap<String, String> form,
                      RedirectAttributes redirect) {
        CountyComparison.submittingCounty();
        YearMonth m = AnalyticsApiController.month(month);
        List<CountyComparison.Line> lines = new ArrayList<>();
        for (Industry i : industries.all()) {
            String f = form.getFirst("found_" + i.code());
            String mj = form.getFirst("major_" + i.code());
            String r = form.getFirst("rectified_" + i.code());
            if (blank(f) && blank(mj) && blank(r)) {
                continue;
            }
            lines.add(new CountyComparison.Line(i.code(), number(f), number(mj), number(r)));
        }
        CountyComparison.Result result = comparison.submit(m, lines);
        redirect.addFlashAttribute("success", "已报送 " + result.month() + " 月度数据，发现差异 " + result.discrepancies().size() + " 项");
        return "redirect:/analytics/comparison?month=" + m + "&county=" + result.countyCode();
    }

    @PostMapping("/analytics/comparison/upload")
    String upload(@RequestParam(required = false) String month,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        CountyComparison.submittingCounty();
        YearMonth m = AnalyticsApiController.month(month);
        if (file == null || file.isEmpty()) {
            throw ProblemException.badRequest("FILE_REQUIRED", "请上传按模板填写的 .xlsx 文件");
        }
        CountyComparison.Result result = comparison.submit(m, comparison.parse(file.getInputStream()));
        redirect.addFlashAttribute("success", "已导入 " + result.month() + " 月度数据，发现差异 " + result.discrepancies().size() + " 项");
        return "redirect:/analytics/comparison?month=" + m + "&county=" + result.countyCode();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int number(String s) {
        if (blank(s)) {
            return 0;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("FIGURE_NOT_A_NUMBER", "请填写整数");
        }
    }

    static List<Region> counties(RegionCatalog regions) {
        return regions.byLevel(Region.Level.COUNTY);
    }
}
