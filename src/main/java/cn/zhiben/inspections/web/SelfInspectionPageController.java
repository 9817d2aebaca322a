package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.InspectionService;
import cn.zhiben.inspections.internal.SelfInspections;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.StandardsLibrary;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Self-inspection pages: an enterprise records its checks and sees its gaps; supervisors see who is missing checks. */
@Controller
@RequestMapping("/inspections/self")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class SelfInspectionPageController {

    /** The overview ranks every producing enterprise in scope by missing checks and lists the first so many. */
    static final int OVERVIEW_LIMIT = 300;

    private final SelfInspections service;
    private final StandardsLibrary standards;
    private final Clock clock;

    SelfInspectionPageController(SelfInspections service, StandardsLibrary standards, Clock clock) {
        this.service = service;
        this.standards = standards;
        this.clock = clock;
    }

    @GetMapping
    String index(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to, Model model) {
        CurrentUser user = CurrentUser.require();
        LocalDate today = today();
        LocalDate f = from != null ? from : today.withDayOfMonth(1).minusMonths(1);
        LocalDate t = to != null ? to : today;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("levels", SelfInspections.Level.values());
        if (user.enterpriseId() != null) {
            model.addAttribute("enterprise", true);
            model.addAttribute("rows", service.list(user, user.enterpriseId(), null, null, 100));
            var missing = service.missing(user, user.enterpriseId(), f, t);
            model.addAttribute("missing", missing);
            Map<SelfInspections.Level, List<cn.zhiben.inspections.internal.Cadence.PeriodState>> byLevel = new java.util.LinkedHashMap<>();
            missing.periods().forEach(p -> byLevel.computeIfAbsent(p.period().level(), k -> new ArrayList<>()).add(p));
            model.addAttribute("periodsByLevel", byLevel);
            model.addAttribute("settings", service.settings(user.enterpriseId()));
        } else {
            model.addAttribute("enterprise", false);
            model.addAttribute("overview", service.overview(user, f, t, OVERVIEW_LIMIT));
            model.addAttribute("overviewLimit", OVERVIEW_LIMIT);
        }
        return "inspections/self";
    }

    @GetMapping("/missing")
    String missing(@RequestParam UUID enterpriseId, @RequestParam(required = false) LocalDate from,
                   @RequestParam(required = false) LocalDate to, Model model) {
        CurrentUser user = CurrentUser.require();
        LocalDate today = today();
        LocalDate f = from != null ? from : today.withDayOfMonth(1).minusMonths(1);
        LocalDate t = to != null ? to : today;
        model.addAttribute("missing", service.missing(user, enterpriseId, f, t));
        model.addAttribute("rows", service.list(user, enterpriseId, f, t, 200));
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        return "inspections/self-missing";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, Map.of());
    }

    private String form(Model model, Map<String, String> posted) {
        CurrentUser user = CurrentUser.require();
        if (user.enterpriseId() == null) {
            throw ProblemException.forbidden("SELF_INSPECTION_ENTERPRISE_ONLY", "自查记录由企业账号填报");
        }
        model.addAttribute("checklist", standards.checklist(user.enterpriseId(), today()));
        model.addAttribute("levels", SelfInspections.Level.values());
        model.addAttribute("results", InspectionService.ItemResult.values());
        model.addAttribute("now", LocalDateTime.now(clock.withZone(PlatformConfiguration.ZONE)).withSecond(0).withNano(0));
        model.addAttribute("posted", posted);
        return "inspections/self-new";
    }

    @PostMapping
    String record(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Form f = new Form(params);
        try {
            List<SelfInspections.ItemInput> items = f.items().stream()
                    .map(it -> new SelfInspections.ItemInput(it.clauseId(), it.title(), it.result(), it.note())).toList();
            java.time.Instant at = null;
            if (f.text("checkedAt") != null) {
                try {
                    at = LocalDateTime.parse(f.text("checkedAt")).atZone(PlatformConfiguration.ZONE).toInstant();
                } catch (DateTimeParseException e) {
                    throw ProblemException.badRequest("VALIDATION_FAILED", "检查时间格式不正确");
                }
            }
            var in = new SelfInspections.NewSelfInspection(f.choice(SelfInspections.Level.class, "level", "自查层级"), at,
                    f.text("scopeName"), f.text("ledBy"), f.text("participants"), f.text("summary"), items);
            f.check();
            UUID id = service.record(in);
            redirect.addFlashAttribute("saved", "自查记录已保存；发现的重大事故隐患请通过“登记隐患”上报");
            return "redirect:/inspections/self/" + id;
        } catch (ProblemException e) {
            return Form.refused(response, model, "self", e, params, () -> form(model, params));
        }
    }

    @GetMapping("/{id:" + InspectionPageController.UUID_PATTERN + "}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("s", service.detail(CurrentUser.require(), id));
        return "inspections/self-detail";
    }

    @PostMapping("/settings")
    String settings(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Form f = new Form(params);
        LocalDate from = f.date("trackingFrom", "起算日期");
        f.check();
        service.saveSettings(f.flag("groupChecks"), f.flag("teamWorkdaysOnly"), from);
        redirect.addFlashAttribute("saved", "自查设置已保存");
        return "redirect:/inspections/self";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }
}
