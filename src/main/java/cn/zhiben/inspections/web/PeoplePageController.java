package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.ExpertPool;
import cn.zhiben.inspections.internal.ExpertPoolAccess;
import cn.zhiben.inspections.internal.OfficerRegister;
import cn.zhiben.inspections.internal.UnitRef;
import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The enforcement staff list and the expert pool pages. */
@Controller
@RequestMapping("/inspections")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class PeoplePageController {

    private static final String ID = InspectionPageController.UUID_PATTERN;

    private final OfficerRegister officers;
    private final ExpertPool experts;
    private final IndustryCatalog industries;

    PeoplePageController(OfficerRegister officers, ExpertPool experts, IndustryCatalog industries) {
        this.officers = officers;
        this.experts = experts;
        this.industries = industries;
    }

    // ---- officers ----

    @GetMapping("/officers")
    String officers(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("rows", officers.visible(user));
        model.addAttribute("canRegister", UnitRef.of(user).isPresent());
        if (!model.containsAttribute("posted")) {
            model.addAttribute("posted", Map.of());
        }
        return "inspections/officers";
    }

    @PostMapping("/officers")
    String register(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        Form f = new Form(params);
        try {
            var in = new OfficerRegister.NewOfficer(f.text("username"), f.text("certificateNo"), f.date("validFrom", "起始日期"),
                    f.date("validTo", "截止日期"));
            f.check();
            officers.register(in);
            redirect.addFlashAttribute("saved", "已登记执法人员");
            return "redirect:/inspections/officers";
        } catch (ProblemException e) {
            return refused(model, "officer", e, params, response, () -> officers(model));
        }
    }

    @PostMapping("/officers/conflict")
    String officerConflict(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                           HttpServletResponse response) {
        Form f = new Form(params);
        try {
            OfficerRegister.requireUnit(CurrentUser.require());
            UUID officer = f.uuid("officerId", "执法人员");
            UUID enterprise = f.uuid("enterpriseId", "企业");
            f.check();
            if (officer == null || enterprise == null) {
                throw ProblemException.badRequest("VALIDATION_FAILED", "请选择执法人员和企业");
            }
            officers.recordConflict(officer, null, enterprise, f.text("reason"));
            redirect.addFlashAttribute("saved", "已登记回避事由");
            return "redirect:/inspections/officers";
        } catch (ProblemException e) {
            return refused(model, "conflict", e, params, response, () -> officers(model));
        }
    }

    @PostMapping("/officers/{id:" + ID + "}/{verb:[a-z-]+}")
    String officerAction(@PathVariable UUID id, @PathVariable String verb, @RequestParam Map<String, String> params,
                         Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Form f = new Form(params);
        try {
            switch (verb) {
                case "update" -> {
                    var to = f.date("validTo", "截止日期");
                    f.check();
                    officers.update(id, to, params.containsKey("active") ? f.flag("active") : null, f.text("reason"));
                }
                case "end-conflict" -> {
                    UUID conflict = f.uuid("conflictId", "回避记录");
                    f.check();
                    officers.endConflict(conflict, id, null, f.text("reason"));
                }
                default -> throw ProblemException.notFound("NOT_FOUND", "请求的地址不存在");
            }
            redirect.addFlashAttribute("saved", "已保存");
            return "redirect:/inspections/officers";
        } catch (ProblemException e) {
            return refused(model, "officer-" + id, e, params, response, () -> officers(model));
        }
    }

    // ---- experts ----

    @GetMapping("/experts")
    String experts(@RequestParam(required = false) String industry, Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("rows", experts.visible(user, industry == null || industry.isBlank() ? null : industry));
        model.addAttribute("industry", industry);
        model.addAttribute("industries", industries.all().stream().filter(Industry::active).toList());
        model.addAttribute("canManage", ExpertPoolAccess.manager(user));
        if (!model.containsAttribute("posted")) {
            model.addAttribute("posted", Map.of());
        }
        return "inspections/experts";
    }

    @PostMapping("/experts")
    String addExpert(@RequestParam Map<String, String> params, HttpServletRequest request, Model model,
                     RedirectAttributes redirect, HttpServletResponse response) {
        Form f = new Form(params);
        try {
            String[] specialities = request.getParameterValues("specialities");
            var in = new ExpertPool.NewExpert(f.text("name"), f.text("username"), f.text("organisation"), f.text("title"),
                    f.text("qualifications") == null ? List.of() : Arrays.stream(f.text("qualifications").split("[;；\\n]"))
                            .map(String::strip).filter(s -> !s.isEmpty()).toList(),
                    specialities == null ? List.of() : List.of(specialities), f.text("mobile"), f.date("termFrom", "聘期起"),
                    f.date("termTo", "聘期止"), f.text("note"));
            f.check();
            UUID id = experts.add(in);
            redirect.addFlashAttribute("saved", "专家已入库");
            return "redirect:/inspections/experts/" + id;
        } catch (ProblemException e) {
            return refused(model, "expert", e, params, response, () -> experts(null, model));
        }
    }

    @GetMapping("/experts/{id:" + ID + "}")
    String expert(@PathVariable UUID id, Model model) {
        CurrentUser user = CurrentUser.require();
        ExpertPool.Expert e = experts.visible(user, id);
        var assignments = experts.assignments(e.id(), null);
        model.addAttribute("e", e);
        model.addAttribute("unavailable", experts.unavailability(e.id()));
        model.addAttribute("conflicts", officers.conflictsOf(null, e.id()));
        model.addAttribute("assignments", assignments);
        model.addAttribute("average", assignments.stream().filter(a -> a.score() != null)
                .mapToInt(ExpertPool.Assignment::score).average().stream().boxed().findFirst().orElse(null));
        model.addAttribute("canManage", ExpertPoolAccess.manager(user));
        model.addAttribute("own", user.id().equals(e.userId()));
        model.addAttribute("statuses", ExpertPool.Status.values());
        model.addAttribute("industryNames", industries.all().stream()
                .collect(java.util.stream.Collectors.toMap(Industry::code, Industry::name)));
        if (!model.containsAttribute("posted")) {
            model.addAttribute("posted", Map.of());
        }
        return "inspections/expert";
    }

    @PostMapping("/experts/{id:" + ID + "}/{verb:[a-z-]+}")
    String expertAction(@PathVariable UUID id, @PathVariable String verb, @RequestParam Map<String, String> params,
                        Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Form f = new Form(params);
        try {
            switch (verb) {
                case "status" -> {
                    var s = f.choice(ExpertPool.Status.class, "status", "状态");
                    f.check();
                    experts.setStatus(id, s, f.text("reason"));
                }
                case "unavailable" -> {
                    var from = f.date("from", "起始日期");
                    var to = f.date("to", "截止日期");
                    f.check();
                    experts.addUnavailability(id, from, to, f.text("reason"));
                }
                case "conflict" -> {
                    UUID enterprise = f.uuid("enterpriseId", "企业");
                    f.check();
                    officers.recordConflict(null, id, enterprise, f.text("reason"));
                }
                case "end-conflict" -> {
                    UUID conflict = f.uuid("conflictId", "回避记录");
                    f.check();
                    officers.endConflict(conflict, null, id, f.text("reason"));
                }
                default -> throw ProblemException.notFound("NOT_FOUND", "请求的地址不存在");
            }
            redirect.addFlashAttribute("saved", "已保存");
            return "redirect:/inspections/experts/" + id;
        } catch (ProblemException e) {
            return refused(model, verb, e, params, response, () -> expert(id, model));
        }
    }

    private static String refused(Model model, String form, ProblemException e, Map<String, String> params,
                                  HttpServletResponse response, java.util.function.Supplier<String> page) {
        if (e.status() == HttpStatus.NOT_FOUND && (e.code().equals("EXPERT_NOT_FOUND") || e.code().equals("NOT_FOUND")
                || e.code().equals("OFFICER_NOT_FOUND"))) {
            throw e;
        }
        return Form.refused(response, model, form, e, params, page);
    }
}
