package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.CalendarService;
import cn.zhiben.campaign.internal.CampaignDocuments;
import cn.zhiben.campaign.internal.CampaignNames;
import cn.zhiben.campaign.internal.CampaignTime;
import cn.zhiben.campaign.internal.Doc;
import cn.zhiben.campaign.internal.Levels;
import cn.zhiben.campaign.internal.OwnerRole;
import cn.zhiben.campaign.internal.PracticalItem;
import cn.zhiben.campaign.internal.PracticalItemService;
import cn.zhiben.campaign.internal.Programme;
import cn.zhiben.campaign.internal.ProgrammeAction;
import cn.zhiben.campaign.internal.ProgrammeRepository;
import cn.zhiben.campaign.internal.ProgrammeService;
import cn.zhiben.campaign.internal.ReportKind;
import cn.zhiben.campaign.internal.ReportRepository;
import cn.zhiben.campaign.internal.ReportService;
import cn.zhiben.campaign.internal.Views;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 方案管理 (check, edit, activate, copy, parties, due exceptions), 责任清单 (备案 and 办实事) and the documents page. */
@Controller
@RequestMapping("/campaign")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class ProgrammePageController {

    private static final String UUID_PATTERN = BoardPageController.UUID_PATTERN;
    static final int TARGET_ROWS = 6;
    private final ProgrammeService programmes;
    private final CalendarService calendar;
    private final PracticalItemService practical;
    private final ReportService reports;
    private final CampaignDocuments documents;
    private final CampaignNames names;
    private final CampaignTime time;
    private final BoardPageController board;

    ProgrammePageController(ProgrammeService programmes, CalendarService calendar, PracticalItemService practical,
                            ReportService reports, CampaignDocuments documents, CampaignNames names, CampaignTime time,
                            BoardPageController board) {
        this.programmes = programmes;
        this.calendar = calendar;
        this.practical = practical;
        this.reports = reports;
        this.documents = documents;
        this.names = names;
        this.time = time;
        this.board = board;
    }

    @GetMapping("/programmes")
    String list(Model model) {
        CampaignWeb.requireParticipant();
        model.addAttribute("rows", programmes.list().stream().map(Views::of).toList());
        return "campaign/programmes";
    }

    @GetMapping("/programmes/{id:" + UUID_PATTERN + "}")
    String detail(@PathVariable UUID id, Model model) {
        CampaignWeb.requireParticipant();
        Programme p = programmes.get(id);
        CampaignNames.Snapshot n = names.snapshot();
        model.addAttribute("p", Views.of(p));
        model.addAttribute("actions", programmes.actions(p).stream().map(ProgrammeAction::name).toList());
        List<ProgrammeRepository.ActionView> structure = programmes.structure(id);
        model.addAttribute("structure", structure);
        model.addAttribute("unchecked", structure.stream().flatMap(a -> a.measures().stream()).filter(m -> !m.checked()).count());
        model.addAttribute("names", n);
        model.addAttribute("schedules", programmes.schedules(id));
        model.addAttribute("exceptions", programmes.exceptions(id));
        model.addAttribute("obligations", calendar.obligations(p));
        List<ProgrammeRepository.Party> parties = programmes.parties(id);
        model.addAttribute("parties", parties);
        model.addAttribute("partyNames", parties.stream().map(x -> n.addressee(x.addressee())).toList());
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("history", programmes.history(id));
        model.addAttribute("nextYear", p.endsOn().getYear() + 1);
        return "campaign/programme";
    }

    record CopyForm(String code, String title, LocalDate startsOn, LocalDate endsOn, LocalDate reportingFrom, String reason) {
    }

    record ExceptionForm(ReportKind kind, String period, LocalDate dueOn, String reason) {
    }

    record PartyForm(String party, Boolean active) {
    }

    @PostMapping("/programmes/{id:" + UUID_PATTERN + "}/{verb:activate|close|copy|reschedule|exceptions|parties}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam MultiValueMap<String, String> form,
               Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CampaignWeb.requireOffice();
        return Forms.handle(model, response, form, verb, () -> {
            String target = "redirect:/campaign/programmes/" + id;
            String done;
            switch (verb) {
                case "activate" -> {
                    ProgrammeService.Activation a = programmes.activate(id);
                    done = "方案已启用：分解任务 " + a.tasks() + " 项，开启报送事项 " + a.reports() + " 件";
                }
                case "close" -> {
                    programmes.close(id, form.getFirst("reason"));
                    done = "方案已结束";
                }
                case "copy" -> {
                    CopyForm f = Forms.bind(form, CopyForm.class);
                    CampaignWeb.requireDates(f.startsOn(), f.endsOn(), f.reportingFrom());
                    UUID copy = programmes.copy(id, new ProgrammeService.CopyInput(f.code(), f.title(), f.startsOn(),
                            f.endsOn(), f.reportingFrom(), f.reason()));
                    target = "redirect:/campaign/programmes/" + copy;
                    done = "已复制为新方案，请核对各项措施的责任分工和目标后启用";
                }
                case "reschedule" -> {
                    ProgrammeApiController.ScheduleRequest f = Forms.bind(form, ProgrammeApiController.ScheduleRequest.class);
                    CampaignWeb.requireDates(f.startsOn(), f.endsOn(), f.reportingFrom());
                    programmes.reschedule(id, new ProgrammeService.ScheduleInput(f.title(), f.startsOn(), f.endsOn(), f.reportingFrom()));
                    done = "已修改";
                }
                case "exceptions" -> {
                    ExceptionForm f = Forms.bind(form, ExceptionForm.class);
                    if (f.kind() == null || f.period() == null) {
                        throw ProblemException.badRequest("PERIOD_REQUIRED", "请选择报送事项和期次");
                    }
                    done = "已调整，" + programmes.setDueException(id, f.kind(), f.period(), f.dueOn(), f.reason()) + " 件报送事项的期限随之调整";
                }
                default -> {
                    PartyForm f = Forms.bind(form, PartyForm.class);
                    if (f.party() == null) {
                        throw ProblemException.badRequest("PARTY_INVALID", "请选择报送单位");
                    }
                    programmes.setParty(id, DispatchPageController.parse(f.party()), !Boolean.FALSE.equals(f.active()));
                    done = "报送单位已调整";
                }
            }
            redirect.addFlashAttribute("saved", done);
            return target;
        }, () -> detail(id, model));
    }

    @PostMapping("/programmes/{id:" + UUID_PATTERN + "}/measures/{measureId:" + UUID_PATTERN + "}/check")
    String check(@PathVariable UUID id, @PathVariable UUID measureId, @RequestParam MultiValueMap<String, String> form,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CampaignWeb.requireOffice();
        return Forms.handle(model, response, form, "check", () -> {
            programmes.checkMeasure(id, measureId);
            redirect.addFlashAttribute("saved", "已核对");
            return "redirect:/campaign/programmes/" + id + "#m-" + measureId;
        }, () -> detail(id, model));
    }

    @GetMapping("/programmes/{id:" + UUID_PATTERN + "}/measures/{measureId:" + UUID_PATTERN + "}/edit")
    String editForm(@PathVariable UUID id, @PathVariable UUID measureId, Model model) {
        CampaignWeb.requireOffice();
        Programme p = programmes.get(id);
        ProgrammeRepository.MeasureView m = programmes.structure(id).stream().flatMap(a -> a.measures().stream())
                .filter(x -> x.id().equals(measureId)).findFirst().orElseThrow(() -> ProblemException.notFound("MEASURE_NOT_FOUND", "措施不存在"));
        Map<String, String> roles = new HashMap<>();
        m.owners().forEach(o -> roles.put(o.unitId().toString(), o.role().name()));
        model.addAttribute("p", Views.of(p));
        model.addAttribute("m", m);
        model.addAttribute("roles", roles);
        model.addAttribute("units", names.snapshot().units().stream().filter(CommitteeUnit::active).toList());
        model.addAttribute("levels", Levels.values());
        model.addAttribute("ownerRoles", List.of(OwnerRole.LEAD, OwnerRole.RESPONSIBLE, OwnerRole.COOPERATE));
        List<ProgrammeRepository.TargetView> rows = new ArrayList<>(m.targets());
        while (rows.size() < TARGET_ROWS) {
            rows.add(null);
        }
        model.addAttribute("targetRows", rows);
        return "campaign/measure-edit";
    }

    @PostMapping("/programmes/{id:" + UUID_PATTERN + "}/measures/{measureId:" + UUID_PATTERN + "}/edit")
    String edit(@PathVariable UUID id, @PathVariable UUID measureId, @RequestParam MultiValueMap<String, String> form,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CampaignWeb.requireOffice();
        return Forms.handle(model, response, form, "edit", () -> {
            List<ProgrammeService.OwnerInput> owners = new ArrayList<>();
            for (CommitteeUnit u : names.snapshot().units()) {
                String role = form.getFirst("role_" + u.id());
                if (role != null && !role.isBlank()) {
                    owners.add(new ProgrammeService.OwnerInput(u.id(), role(role)));
                }
            }
            List<ProgrammeService.TargetInput> targets = new ArrayList<>();
            for (int i = 0; i < TARGET_ROWS; i++) {
                String text = form.getFirst("target" + i + ".text");
                if (text == null || text.isBlank()) {
                    continue;
                }
                String due = form.getFirst("target" + i + ".dueOn");
                String q = form.getFirst("target" + i + ".quantity");
                try {
                    targets.add(new ProgrammeService.TargetInput(due == null || due.isBlank() ? null : LocalDate.parse(due),
                            "true".equals(form.getFirst("target" + i + ".yearly")), q == null || q.isBlank() ? null : new BigDecimal(q),
                            form.getFirst("target" + i + ".quantityUnit"), form.getFirst("target" + i + ".wording"), text));
                } catch (RuntimeException e) {
                    throw ProblemException.badRequest("FORM_INVALID", "第 " + (i + 1) + " 个目标的日期或数量格式不正确");
                }
            }
            String levels = form.getFirst("levels");
            String office = form.getFirst("officeRole");
            programmes.editMeasure(id, measureId, new ProgrammeService.MeasureInput(form.getFirst("title"),
                    levels == null ? null : Levels.valueOf(levels), office == null || office.isBlank() ? null : role(office),
                    form.getFirst("basis"), owners, targets));
            redirect.addFlashAttribute("saved", "已修改，请核对");
            return "redirect:/campaign/programmes/" + id + "#m-" + measureId;
        }, () -> editForm(id, measureId, model));
    }

    private static OwnerRole role(String s) {
        try {
            return OwnerRole.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("OWNER_ROLE_INVALID", "责任方式无效");
        }
    }

    // ---- 责任清单: duty and annual task lists (备案), 办实事、解难题 ----

    @GetMapping("/lists")
    String lists(@RequestParam(required = false) UUID programme, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CampaignWeb.requireParticipant();
        Programme p = board.programme(programme);
        board.programmes(model, p);
        int y = year != null ? year : Math.min(Math.max(time.today().getYear(), p.startsOn().getYear()), p.endsOn().getYear());
        CampaignNames.Snapshot n = names.snapshot();
        List<ReportRepository.Row> filings = new ArrayList<>();
        for (ReportKind k : List.of(ReportKind.DUTY_LIST, ReportKind.ANNUAL_TASK_LIST)) {
            filings.addAll(reports.search(new ReportRepository.Filter(p.id(), k, String.valueOf(y), null, null, null, null, null,
                    time.today()), 200));
        }
        model.addAttribute("filings", filings);
        model.addAttribute("year", y);
        model.addAttribute("names", n);
        model.addAttribute("today", time.today());
        boolean keeper = PracticalItemService.mayKeep(user);
        model.addAttribute("keeper", keeper);
        if (keeper) {
            model.addAttribute("tallies", practical.tallies(p.id(), y));
            model.addAttribute("items", practical.views(p.id(), y, null, n));
            model.addAttribute("categories", PracticalItem.CATEGORIES);
            model.addAttribute("units", n.units().stream().filter(CommitteeUnit::active).toList());
        }
        return "campaign/lists";
    }

    @PostMapping("/lists/practical")
    String createItem(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        if (!PracticalItemService.mayKeep(CurrentUser.require())) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "办实事清单由市、县两级安委办维护");
        }
        ListsApiController.NewItemRequest r = bindOrNull(form);
        return Forms.handle(model, response, form, "practical", () -> {
            ListsApiController.NewItemRequest f = r != null ? r : Forms.bind(form, ListsApiController.NewItemRequest.class);
            practical.create(new PracticalItemService.NewItem(f.programmeId(), f.year(), f.title(), f.category(),
                    f.responsibleUnitId(), f.dueOn()));
            redirect.addFlashAttribute("saved", "已列入清单");
            return "redirect:/campaign/lists?programme=" + f.programmeId() + "&year=" + f.year() + "#practical";
        }, () -> lists(r == null ? null : r.programmeId(), r == null ? null : r.year(), model));
    }

    private static ListsApiController.NewItemRequest bindOrNull(MultiValueMap<String, String> form) {
        try {
            return Forms.bind(form, ListsApiController.NewItemRequest.class);
        } catch (ProblemException e) {
            return null;
        }
    }

    @PostMapping("/lists/practical/{id:" + UUID_PATTERN + "}/{verb:progress|solve|drop}")
    String itemAct(@PathVariable UUID id, @PathVariable String verb, @RequestParam MultiValueMap<String, String> form,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!PracticalItemService.mayKeep(CurrentUser.require())) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "办实事清单由市、县两级安委办维护");
        }
        PracticalItemService.Detail before = practical.detail(id);
        return Forms.handle(model, response, form, "practical-" + id, () -> {
            switch (verb) {
                case "progress" -> {
                    var r = Forms.bind(form, ListsApiController.NoteRequest.class);
                    practical.progress(id, r.version(), r.note());
                }
                case "solve" -> {
                    var r = Forms.bind(form, ListsApiController.SolveRequest.class);
                    practical.solve(id, r.version(), r.result(), r.solvedOn());
                }
                default -> {
                    var r = Forms.bind(form, ListsApiController.NoteRequest.class);
                    practical.drop(id, r.version(), r.note());
                }
            }
            redirect.addFlashAttribute("saved", "已办理");
            return "redirect:/campaign/lists?programme=" + before.item().programmeId() + "&year=" + before.item().year() + "#practical";
        }, () -> lists(before.item().programmeId(), before.item().year(), model));
    }

    // ---- documents ----

    @GetMapping("/documents")
    String documentsPage(@RequestParam(required = false) UUID programme, Model model) {
        if (!CampaignDocuments.mayGenerate(CurrentUser.require())) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "总结和月报由市、县两级安委办生成");
        }
        Programme p = board.programme(programme);
        board.programmes(model, p);
        model.addAttribute("year", Math.min(time.today().getYear(), p.endsOn().getYear()));
        model.addAttribute("month", java.time.YearMonth.from(time.today()).minusMonths(1).toString());
        model.addAttribute("formats", CampaignDocuments.Format.values());
        return "campaign/documents";
    }

    @GetMapping("/documents/year-summary")
    ResponseEntity<byte[]> yearSummary(@RequestParam UUID programme, @RequestParam int year,
                                       @RequestParam(defaultValue = "DOCX") CampaignDocuments.Format format) {
        if (!CampaignDocuments.mayGenerate(CurrentUser.require())) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "总结和月报由市、县两级安委办生成");
        }
        Programme p = programmes.get(programme);
        Doc doc = documents.yearSummary(programme, year);
        return WebFiles.document(documents, doc, format, documents.fileName("年度工作总结", p, String.valueOf(year), format));
    }

    @GetMapping("/documents/monthly-digest")
    ResponseEntity<byte[]> monthlyDigest(@RequestParam UUID programme, @RequestParam String period,
                                         @RequestParam(defaultValue = "DOCX") CampaignDocuments.Format format) {
        if (!CampaignDocuments.mayGenerate(CurrentUser.require())) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "总结和月报由市、县两级安委办生成");
        }
        Programme p = programmes.get(programme);
        Doc doc = documents.monthlyDigest(programme, period);
        return WebFiles.document(documents, doc, format, documents.fileName("月度进展", p, period, format));
    }
}
