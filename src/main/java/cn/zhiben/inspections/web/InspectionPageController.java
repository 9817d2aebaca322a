package cn.zhiben.inspections.web;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.inspections.internal.Actor;
import cn.zhiben.inspections.internal.Actors;
import cn.zhiben.inspections.internal.ExpertPool;
import cn.zhiben.inspections.internal.Inspection;
import cn.zhiben.inspections.internal.InspectionDocuments;
import cn.zhiben.inspections.internal.InspectionService;
import cn.zhiben.inspections.internal.InspectionViews;
import cn.zhiben.inspections.internal.Officer;
import cn.zhiben.inspections.internal.OfficerRegister;
import cn.zhiben.inspections.internal.PlanKind;
import cn.zhiben.inspections.internal.UnitRef;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The inspection pages: the task list, arranging an inspection, and the record an officer fills in on site (phone). */
@Controller
@RequestMapping("/inspections")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class InspectionPageController {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final InspectionService service;
    private final InspectionViews views;
    private final InspectionDocuments documents;
    private final OfficerRegister officers;
    private final ExpertPool experts;
    private final Actors actors;
    private final Clock clock;

    InspectionPageController(InspectionService service, InspectionViews views, InspectionDocuments documents,
                             OfficerRegister officers, ExpertPool experts, Actors actors, Clock clock) {
        this.service = service;
        this.views = views;
        this.documents = documents;
        this.officers = officers;
        this.experts = experts;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) Inspection.Status status, @RequestParam(defaultValue = "false") boolean mine,
                Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("rows", views.inspections(user, new InspectionViews.Filter(status, null, null, mine), 300));
        model.addAttribute("status", status);
        model.addAttribute("mine", mine);
        model.addAttribute("statuses", Inspection.Status.values());
        model.addAttribute("canArrange", UnitRef.of(user).isPresent());
        return "inspections/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, Map.of());
    }

    private String form(Model model, Map<String, String> posted) {
        CurrentUser user = CurrentUser.require();
        UnitRef unit = UnitRef.of(user).orElseThrow(() -> ProblemException.forbidden("INSPECTION_UNIT_REQUIRED",
                "只有负有安全生产监管职责的部门账号可以安排检查"));
        LocalDate today = today();
        List<Officer> team = officers.ofUnits(List.of(unit)).stream().filter(o -> o.validOn(today)).toList();
        model.addAttribute("officers", team);
        model.addAttribute("kinds", List.of(PlanKind.ROUTINE, PlanKind.SPECIAL, PlanKind.UNANNOUNCED));
        model.addAttribute("today", today);
        model.addAttribute("posted", posted);
        return "inspections/new";
    }

    @PostMapping
    String create(@RequestParam Map<String, String> params, @RequestParam(value = "officerId", required = false) List<String> officerIds,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Form f = new Form(params);
        try {
            List<UUID> ids = new ArrayList<>();
            for (String s : officerIds == null ? List.<String>of() : officerIds) {
                try {
                    ids.add(UUID.fromString(s));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("VALIDATION_FAILED", "执法人员格式不正确");
                }
            }
            UUID enterprise = f.uuid("enterpriseId", "企业");
            PlanKind kind = f.choice(PlanKind.class, "kind", "检查方式");
            LocalDate from = f.date("plannedFrom", "开始日期");
            LocalDate to = f.date("plannedTo", "截止日期");
            f.check();
            UUID id = service.create(new InspectionService.NewInspection(null, enterprise, kind, ids, from, to));
            redirect.addFlashAttribute("saved", "检查已安排，已通知检查组");
            return "redirect:/inspections/" + id;
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND && !"ENTERPRISE_NOT_FOUND".equals(e.code())) {
                throw e;
            }
            return Form.refused(response, model, "new", e, params, () -> form(model, params));
        }
    }

    @GetMapping("/{id:" + UUID_PATTERN + "}")
    String detail(@PathVariable UUID id, Model model) {
        return detail(model, id);
    }

    String detail(Model model, UUID id) {
        Actor actor = actors.current();
        Inspection x = service.visible(id, actor);
        InspectionViews.InspectionView v = views.inspection(x, actor);
        model.addAttribute("v", v);
        Map<String, String> results = new java.util.HashMap<>();
        Map<String, String> notes = new java.util.HashMap<>();
        v.items().stream().filter(i -> i.clauseId() != null).forEach(i -> {
            results.put(i.clauseId().toString(), i.result().name());
            if (i.note() != null) {
                notes.put(i.clauseId().toString(), i.note());
            }
        });
        model.addAttribute("itemResults", results);
        model.addAttribute("itemNotes", notes);
        model.addAttribute("itemResultValues", InspectionService.ItemResult.values());
        if (v.can("RECORD") || v.can("ADD_FINDING")) {
            model.addAttribute("checklist", service.checklistOf(x));
            model.addAttribute("findingId", UUID.randomUUID());
            model.addAttribute("grades", Grade.values());
            model.addAttribute("shutdowns", Shutdown.values());
        }
        if (v.can("ASSIGN_EXPERT")) {
            model.addAttribute("experts", experts.visible(actor.user(), v.industryName() == null ? null : x.industryCode())
                    .stream().filter(e -> e.status() == ExpertPool.Status.ACTIVE).toList());
        }
        model.addAttribute("today", today());
        if (!model.containsAttribute("posted")) {
            model.addAttribute("posted", Map.of());
        }
        return "inspections/detail";
    }

    @PostMapping("/{id:" + UUID_PATTERN + "}/{verb:[a-z-]+}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam Map<String, String> params,
               @RequestParam(value = "file", required = false) MultipartFile file, Model model,
               RedirectAttributes redirect, HttpServletResponse response) {
        Form f = new Form(params);
        try {
            String done = run(id, verb, f, params, file);
            redirect.addFlashAttribute("saved", done);
            return "redirect:/inspections/" + id + anchor(verb);
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND && e.code().equals("INSPECTION_NOT_FOUND")) {
                throw e;
            }
            return Form.refused(response, model, verb, e, params, () -> detail(model, id));
        } catch (OptimisticLockingFailureException e) {
            return Form.changed(response, model, verb, "检查记录", params, () -> detail(model, id));
        }
    }

    private static String anchor(String verb) {
        return switch (verb) {
            case "items" -> "#items";
            case "finding", "photo" -> "#findings";
            case "sign", "refusal" -> "#signatures";
            default -> "";
        };
    }

    private String run(UUID id, String verb, Form f, Map<String, String> params, MultipartFile file) {
        switch (verb) {
            case "start" -> {
                int version = f.version();
                f.check();
                service.start(id, version, f.text("place"));
                return "现场检查已开始";
            }
            case "items" -> {
                List<InspectionService.ItemInput> items = f.items().stream()
                        .map(it -> new InspectionService.ItemInput(it.clauseId(), it.title(), it.result(), it.note())).toList();
                f.check();
                int n = service.recordItems(id, items);
                return "已记录 " + n + " 个检查项";
            }
            case "finding" -> {
                InspectionService.FindingInput in = new InspectionService.FindingInput(f.uuid("findingId", "编号"),
                        f.choice(Grade.class, "grade", "隐患等级"), f.uuid("clauseId", "判定条款"), f.text("description"),
                        f.text("location"), f.choice(Shutdown.class, "shutdown", "停产情况"), f.date("deadline", "整改期限"),
                        f.uuid("expertId", "专家"));
                f.check();
                var r = service.addFinding(id, in);
                return r.created() ? "已登记隐患 " + r.hazardNumber() + "，进入隐患闭环" : "该隐患此前已登记（" + r.hazardNumber() + "）";
            }
            case "photo" -> {
                UUID finding = f.uuid("findingId", "隐患");
                f.check();
                if (file == null || file.isEmpty()) {
                    throw ProblemException.badRequest("PHOTO_REQUIRED", "请选择照片");
                }
                try {
                    service.addPhoto(id, finding, file.getOriginalFilename(), file.getBytes());
                } catch (IOException e) {
                    throw ProblemException.badRequest("MALFORMED_UPLOAD", "照片无法读取");
                }
                return "照片已上传";
            }
            case "sign" -> {
                InspectionService.SignatureInput in = new InspectionService.SignatureInput(
                        f.choice(InspectionService.Party.class, "party", "签名人"), f.uuid("officerId", "执法人员"),
                        f.text("signerName"), f.text("signerPosition"), f.text("png"));
                f.check();
                service.sign(id, in);
                return "签名已保存";
            }
            case "refusal" -> {
                int version = f.version();
                f.check();
                service.recordRefusal(id, version, f.text("signerName"), f.text("note"));
                return "已记录拒签情况";
            }
            case "complete" -> {
                int version = f.version();
                f.check();
                String number = service.complete(id, version, f.text("summary"), f.text("handling"));
                return "检查记录已完成，编号 " + number;
            }
            case "acknowledge" -> {
                int version = f.version();
                f.check();
                service.acknowledge(id, version);
                return "已签收检查记录";
            }
            case "cancel" -> {
                int version = f.version();
                f.check();
                service.cancel(id, version, f.text("reason"));
                return "检查已取消";
            }
            case "expert" -> {
                UUID expert = f.uuid("expertId", "专家");
                f.check();
                service.assignExpert(id, expert);
                return "专家已指派";
            }
            case "evaluate" -> {
                UUID assignment = f.uuid("assignmentId", "指派");
                Integer score = f.integer("score", "评分");
                f.check();
                service.evaluateExpert(id, assignment, score, f.text("comment"));
                return "已评价专家";
            }
            case "reinspect" -> {
                LocalDate on = f.date("on", "复查日期");
                String passed = f.text("passed");
                f.check();
                service.reinspect(id, new InspectionService.ReinspectionInput(on, passed == null ? null : passed.equals("true"),
                        f.text("note"), null));
                return "复查已记录";
            }
            default -> throw ProblemException.notFound("NOT_FOUND", "请求的地址不存在");
        }
    }

    @GetMapping("/{id:" + UUID_PATTERN + "}/photos/{photoId:" + UUID_PATTERN + "}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        return InspectionApiController.photo(service, id, photoId);
    }

    @GetMapping("/{id:" + UUID_PATTERN + "}/record.pdf")
    ResponseEntity<byte[]> record(@PathVariable UUID id) {
        Actor actor = actors.current();
        var v = views.inspection(service.visible(id, actor), actor);
        if (v.number() == null) {
            throw ProblemException.conflict("INSPECTION_NOT_COMPLETED", "检查记录完成后才有文书");
        }
        return Pdfs.inline(documents.inspectionRecord(v), "现场检查记录 " + v.number());
    }

    @GetMapping("/{id:" + UUID_PATTERN + "}/reinspections/{rid:" + UUID_PATTERN + "}/document.pdf")
    ResponseEntity<byte[]> reinspection(@PathVariable UUID id, @PathVariable UUID rid) {
        Actor actor = actors.current();
        var v = views.inspection(service.visible(id, actor), actor);
        var r = v.reinspections().stream().filter(x -> x.id().equals(rid)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("REINSPECTION_NOT_FOUND", "复查记录不存在"));
        return Pdfs.inline(documents.reinspection(v, r), "整改复查意见书 " + r.number());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }
}
