package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.Actor;
import cn.zhiben.inspections.internal.Actors;
import cn.zhiben.inspections.internal.Draw;
import cn.zhiben.inspections.internal.DrawService;
import cn.zhiben.inspections.internal.InspectionViews;
import cn.zhiben.inspections.internal.Plan;
import cn.zhiben.inspections.internal.PlanKind;
import cn.zhiben.inspections.internal.PlanRepository;
import cn.zhiben.inspections.internal.PlanService;
import cn.zhiben.inspections.internal.RiskClass;
import cn.zhiben.inspections.internal.RiskRules;
import cn.zhiben.inspections.internal.UnitNames;
import cn.zhiben.inspections.internal.UnitRef;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
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
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Plan pages (list, new plan, plan with its draws and inspections) and the draw page a unit works with. */
@Controller
@RequestMapping("/inspections")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class PlanPageController {

    private static final String ID = InspectionPageController.UUID_PATTERN;
    private static final int TARGET_ROWS = 3;

    private final PlanService service;
    private final PlanRepository plans;
    private final DrawService draws;
    private final InspectionViews views;
    private final RiskRules rules;
    private final UnitNames units;
    private final UnitCatalog unitCatalog;
    private final RegionCatalog regions;
    private final IndustryCatalog industries;
    private final Actors actors;
    private final Clock clock;

    PlanPageController(PlanService service, PlanRepository plans, DrawService draws, InspectionViews views, RiskRules rules,
                       UnitNames units, UnitCatalog unitCatalog, RegionCatalog regions, IndustryCatalog industries,
                       Actors actors, Clock clock) {
        this.service = service;
        this.plans = plans;
        this.draws = draws;
        this.views = views;
        this.rules = rules;
        this.units = units;
        this.unitCatalog = unitCatalog;
        this.regions = regions;
        this.industries = industries;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/plans")
    String list(@RequestParam(required = false) Plan.Status status, Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("rows", plans.list(user, status, 200));
        model.addAttribute("status", status);
        model.addAttribute("statuses", Plan.Status.values());
        model.addAttribute("canPlan", UnitRef.of(user).isPresent());
        model.addAttribute("unitNames", units);
        return "inspections/plans";
    }

    @GetMapping("/plans/new")
    String newForm(Model model) {
        return form(model, Map.of());
    }

    private String form(Model model, Map<String, String> posted) {
        CurrentUser user = CurrentUser.require();
        UnitRef unit = UnitRef.of(user).orElseThrow(() -> ProblemException.forbidden("INSPECTION_UNIT_REQUIRED",
                "只有负有安全生产监管职责的部门账号可以制定检查计划"));
        DataScope scope = units.scope(unit);
        LocalDate today = today();
        LocalDate qFrom = today.withMonth((today.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
        model.addAttribute("unitName", units.name(unit));
        model.addAttribute("kinds", PlanKind.values());
        model.addAttribute("quarterFrom", qFrom);
        model.addAttribute("quarterTo", qFrom.plusMonths(3).minusDays(1));
        List<Region> regionOptions = new ArrayList<>();
        for (Region r : regions.all()) {
            boolean inside = unit.regionCode() == null ? r.level() != Region.Level.CITY
                    : RegionCodes.contains(unit.regionCode(), r.code());
            if (inside) {
                regionOptions.add(r);
            }
        }
        model.addAttribute("regions", regionOptions);
        List<Industry> industryOptions = industries.all().stream().filter(Industry::active)
                .filter(i -> scope.industryCodes() == null || scope.industryCodes().contains(i.code())).toList();
        model.addAttribute("industries", industryOptions);
        model.addAttribute("risks", RiskClass.values());
        model.addAttribute("grades", StandardizationGrade.values());
        model.addAttribute("selections", Draw.Selection.values());
        model.addAttribute("targetRows", List.of(0, 1, 2));
        model.addAttribute("committeeUnits", unitCatalog.all().stream().filter(CommitteeUnit::active).toList());
        model.addAttribute("counties", regions.byLevel(Region.Level.COUNTY));
        model.addAttribute("frequencies", rules.frequencies());
        model.addAttribute("posted", posted);
        return "inspections/plan-new";
    }

    @PostMapping("/plans")
    String create(@RequestParam Map<String, String> params, @RequestParam(value = "participant", required = false) List<String> participants,
                  Model model, RedirectAttributes redirect, HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request) {
        Form f = new Form(params);
        try {
            List<PlanService.TargetInput> targets = new ArrayList<>();
            for (int i = 0; i < TARGET_ROWS; i++) {
                Integer quota = f.integer("quota" + i, "抽查数量");
                if (quota == null) {
                    continue;
                }
                String[] grades = request.getParameterValues("grades" + i);
                Set<StandardizationGrade> set = EnumSet.noneOf(StandardizationGrade.class);
                for (String g : grades == null ? new String[0] : grades) {
                    try {
                        set.add(StandardizationGrade.valueOf(g));
                    } catch (IllegalArgumentException e) {
                        throw ProblemException.badRequest("VALIDATION_FAILED", "标准化等级格式不正确");
                    }
                }
                targets.add(new PlanService.TargetInput(f.text("region" + i), f.text("industry" + i),
                        f.choice(RiskClass.class, "risk" + i, "风险等级"), set,
                        f.choice(Draw.Selection.class, "selection" + i, "抽取方式"), quota));
            }
            List<PlanService.UnitInput> units = new ArrayList<>();
            for (String p : participants == null ? List.<String>of() : participants) {
                String[] parts = p.split("\\|", 2);
                try {
                    units.add(new PlanService.UnitInput(UUID.fromString(parts[0]), parts.length > 1 && !parts[1].isBlank() ? parts[1] : null));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("VALIDATION_FAILED", "参加单位格式不正确");
                }
            }
            PlanService.NewPlan in = new PlanService.NewPlan(f.text("name"), f.choice(PlanKind.class, "kind", "检查方式"),
                    f.date("periodFrom", "开始日期"), f.date("periodTo", "截止日期"),
                    f.integer("officersPerInspection", "每次检查的执法人员数"), f.integer("expertsPerInspection", "每次检查的专家数"),
                    f.integer("maxPerOfficer", "每人最多检查数"), f.text("note"), units, targets);
            f.check();
            UUID id = service.create(in);
            redirect.addFlashAttribute("saved", "检查计划已制定（草稿），下达执行后可随机抽取");
            return "redirect:/inspections/plans/" + id;
        } catch (ProblemException e) {
            return Form.refused(response, model, "plan", e, params, () -> form(model, params));
        }
    }

    @GetMapping("/plans/{id:" + ID + "}")
    String detail(@PathVariable UUID id, Model model) {
        Actor actor = actors.current();
        Plan p = plans.findVisible(id, actor.user()).orElseThrow(PlanApiController::notFound);
        model.addAttribute("p", views.plan(p, actor));
        if (!model.containsAttribute("posted")) {
            model.addAttribute("posted", Map.of());
        }
        return "inspections/plan";
    }

    @PostMapping("/plans/{id:" + ID + "}/{verb:[a-z]+}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam Map<String, String> params, Model model,
               RedirectAttributes redirect, HttpServletResponse response) {
        Form f = new Form(params);
        try {
            String target = "redirect:/inspections/plans/" + id;
            switch (verb) {
                case "activate" -> {
                    int v = f.version();
                    f.check();
                    service.activate(id, v);
                    redirect.addFlashAttribute("saved", "计划已下达执行");
                }
                case "close" -> {
                    int v = f.version();
                    f.check();
                    service.close(id, v, f.text("reason"));
                    redirect.addFlashAttribute("saved", "计划已结束");
                }
                case "cancel" -> {
                    int v = f.version();
                    f.check();
                    service.cancel(id, v, f.text("reason"));
                    redirect.addFlashAttribute("saved", "计划已取消");
                }
                case "draw" -> {
                    UUID draw = draws.draw(id, f.text("witness"));
                    redirect.addFlashAttribute("saved", "已随机抽取，抽中的企业已安排检查并通知检查组");
                    target = "redirect:/inspections/draws/" + draw;
                }
                default -> throw ProblemException.notFound("NOT_FOUND", "请求的地址不存在");
            }
            return target;
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            return Form.refused(response, model, verb, e, params, () -> detail(id, model));
        } catch (OptimisticLockingFailureException e) {
            return Form.changed(response, model, verb, "计划", params, () -> detail(id, model));
        }
    }

    @GetMapping("/draws/{id:" + ID + "}")
    String draw(@PathVariable UUID id, Model model) {
        CurrentUser user = CurrentUser.require();
        DrawService.Stored d = draws.visible(id, user).orElseThrow(DrawApiController::notFound);
        model.addAttribute("d", views.draw(d, true));
        Plan plan = plans.find(d.planId()).orElseThrow();
        model.addAttribute("canRedraw", d.status().equals("CURRENT")
                && plan.refusal(Plan.Action.REDRAW, actors.current(), today()).isEmpty());
        model.addAttribute("publicView", false);
        return "inspections/draw";
    }

    @GetMapping(value = "/draws/{id:" + ID + "}/inputs.json", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    String inputs(@PathVariable UUID id) {
        return draws.visible(id, CurrentUser.require()).orElseThrow(DrawApiController::notFound).inputs();
    }

    /** The re-run, as a fragment the page shows in place (htmx). */
    @PostMapping("/draws/{id:" + ID + "}/verify")
    String verify(@PathVariable UUID id, Model model) {
        DrawService.Stored d = draws.visible(id, CurrentUser.require()).orElseThrow(DrawApiController::notFound);
        model.addAttribute("verification", draws.verify(d));
        return "inspections/draw :: verification";
    }

    @PostMapping("/draws/{id:" + ID + "}/redraw")
    String redraw(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            UUID again = draws.redraw(id, params.get("reason"), params.get("witness"));
            redirect.addFlashAttribute("saved", "已重新抽取；首次抽取结果保留并公示");
            return "redirect:/inspections/draws/" + again;
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            return Form.refused(response, model, "redraw", e, params, () -> draw(id, model));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }
}
