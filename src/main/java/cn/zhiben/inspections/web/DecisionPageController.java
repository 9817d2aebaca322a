package cn.zhiben.inspections.web;

import cn.zhiben.inspections.InspectionEvents.Measure;
import cn.zhiben.inspections.internal.Actor;
import cn.zhiben.inspections.internal.Actors;
import cn.zhiben.inspections.internal.Decision;
import cn.zhiben.inspections.internal.DecisionRepository;
import cn.zhiben.inspections.internal.DecisionService;
import cn.zhiben.inspections.internal.Inspection;
import cn.zhiben.inspections.internal.InspectionDocuments;
import cn.zhiben.inspections.internal.InspectionService;
import cn.zhiben.inspections.internal.InspectionViews;
import cn.zhiben.inspections.internal.LegalArticles;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Decision pages: the list, making a decision on an inspection (一案双罚 in the same form), and the decision itself. */
@Controller
@RequestMapping("/inspections/decisions")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class DecisionPageController {

    private static final String ID = InspectionPageController.UUID_PATTERN;

    private final DecisionService service;
    private final DecisionRepository decisions;
    private final InspectionService inspections;
    private final InspectionViews views;
    private final InspectionDocuments documents;
    private final LegalArticles articles;
    private final Actors actors;
    private final Clock clock;

    DecisionPageController(DecisionService service, DecisionRepository decisions, InspectionService inspections,
                           InspectionViews views, InspectionDocuments documents, LegalArticles articles, Actors actors,
                           Clock clock) {
        this.service = service;
        this.decisions = decisions;
        this.inspections = inspections;
        this.views = views;
        this.documents = documents;
        this.articles = articles;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("rows", decisions.list(CurrentUser.require(), null, null, null, 300));
        return "inspections/decisions";
    }

    @GetMapping("/new")
    String newForm(@RequestParam UUID inspectionId, Model model) {
        return form(model, inspectionId, Map.of());
    }

    private String form(Model model, UUID inspectionId, Map<String, String> posted) {
        Actor actor = actors.current();
        Inspection x = inspections.visible(inspectionId, actor);
        x.refusal(Inspection.Action.DECIDE, actor, today()).ifPresent(r -> {
            throw r;
        });
        model.addAttribute("v", views.inspection(x, actor));
        model.addAttribute("articles", articles.all());
        model.addAttribute("measures", Measure.values());
        model.addAttribute("kinds", Decision.Kind.values());
        model.addAttribute("today", today());
        model.addAttribute("posted", posted);
        return "inspections/decision-new";
    }

    @PostMapping
    String create(@RequestParam Map<String, String> params, HttpServletRequest request, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        Form f = new Form(params);
        UUID inspectionId = f.uuid("inspectionId", "检查");
        try {
            f.check();
            Set<Measure> measures = EnumSet.noneOf(Measure.class);
            for (String m : values(request, "measure")) {
                try {
                    measures.add(Measure.valueOf(m));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("VALIDATION_FAILED", "处理措施格式不正确");
                }
            }
            List<UUID> hazards = new ArrayList<>();
            for (String h : values(request, "hazardId")) {
                try {
                    hazards.add(UUID.fromString(h));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("VALIDATION_FAILED", "隐患格式不正确");
                }
            }
            DecisionService.PersonPenalty person = null;
            if (f.flag("doublePenalty")) {
                person = new DecisionService.PersonPenalty(f.text("personName"), f.text("personPosition"),
                        f.fen("personFine", "个人罚款"), values(request, "personBasis"), f.text("personFacts"));
            }
            DecisionService.NewDecision in = new DecisionService.NewDecision(inspectionId, null,
                    f.choice(Decision.Kind.class, "kind", "决定种类"), measures, f.text("facts"), values(request, "basis"),
                    f.fen("fine", "罚款"), f.fen("confiscation", "没收违法所得"), f.date("deadline", "整改期限"),
                    f.date("shutdownFrom", "停产起始日期"), f.text("transferTo"), f.date("priorNoticeOn", "处罚告知日期"),
                    f.date("hearingNoticeOn", "听证告知日期"), f.date("decidedOn", "决定日期"), hazards, person);
            f.check();
            List<UUID> made = service.create(in);
            redirect.addFlashAttribute("saved", made.size() > 1 ? "已作出决定（一案双罚：单位和个人各一份决定书）" : "已作出决定");
            return "redirect:/inspections/decisions/" + made.get(0);
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND && inspectionId != null && e.code().equals("INSPECTION_NOT_FOUND")) {
                throw e;
            }
            if (inspectionId == null) {
                throw e;
            }
            return Form.refused(response, model, "decision", e, params, () -> form(model, inspectionId, params));
        }
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] v = request.getParameterValues(name);
        return v == null ? List.of() : java.util.Arrays.stream(v).filter(s -> s != null && !s.isBlank()).toList();
    }

    @GetMapping("/{id:" + ID + "}")
    String detail(@PathVariable UUID id, Model model) {
        Actor actor = actors.current();
        Decision d = decisions.findVisible(id, actor.user(), false).orElseThrow(DecisionApiController::notFound);
        model.addAttribute("d", views.decision(d, actor));
        model.addAttribute("today", today());
        if (!model.containsAttribute("posted")) {
            model.addAttribute("posted", Map.of());
        }
        return "inspections/decision";
    }

    @GetMapping("/{id:" + ID + "}/document.pdf")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        Actor actor = actors.current();
        var v = views.decision(decisions.findVisible(id, actor.user(), false).orElseThrow(DecisionApiController::notFound), actor);
        return Pdfs.inline(documents.decision(v), v.kind().label() + " " + v.number());
    }

    @PostMapping("/{id:" + ID + "}/{verb:[a-z-]+}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam Map<String, String> params, Model model,
               RedirectAttributes redirect, HttpServletResponse response) {
        Form f = new Form(params);
        try {
            int version = f.version();
            switch (verb) {
                case "serve" -> {
                    LocalDate on = f.date("on", "送达日期");
                    f.check();
                    service.serve(id, version, on);
                    redirect.addFlashAttribute("saved", "已送达/签收");
                }
                case "payment" -> {
                    LocalDate on = f.date("on", "缴纳日期");
                    Long amount = f.fen("amount", "缴纳金额");
                    f.check();
                    service.recordPayment(id, version, on, amount);
                    redirect.addFlashAttribute("saved", "已登记罚款缴纳");
                }
                case "reinspect" -> {
                    LocalDate on = f.date("on", "复查日期");
                    String passed = f.text("passed");
                    f.check();
                    service.reinspect(id, version, new InspectionService.ReinspectionInput(on,
                            passed == null ? null : passed.equals("true"), f.text("note"), id));
                    redirect.addFlashAttribute("saved", "复查已记录");
                }
                case "lift-shutdown" -> {
                    LocalDate on = f.date("on", "恢复生产日期");
                    f.check();
                    service.liftShutdown(id, version, on);
                    redirect.addFlashAttribute("saved", "已同意恢复生产");
                }
                case "close" -> {
                    f.check();
                    service.close(id, version);
                    redirect.addFlashAttribute("saved", "已结案");
                }
                default -> throw ProblemException.notFound("NOT_FOUND", "请求的地址不存在");
            }
            return "redirect:/inspections/decisions/" + id;
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND && e.code().equals("DECISION_NOT_FOUND")) {
                throw e;
            }
            return Form.refused(response, model, verb, e, params, () -> detail(id, model));
        } catch (OptimisticLockingFailureException e) {
            return Form.changed(response, model, verb, "执法决定", params, () -> detail(id, model));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }
}
