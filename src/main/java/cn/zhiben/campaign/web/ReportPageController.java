package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.Addressee;
import cn.zhiben.campaign.internal.CalendarService;
import cn.zhiben.campaign.internal.CampaignNames;
import cn.zhiben.campaign.internal.CampaignTime;
import cn.zhiben.campaign.internal.Programme;
import cn.zhiben.campaign.internal.ProgrammeRepository;
import cn.zhiben.campaign.internal.ProgrammeService;
import cn.zhiben.campaign.internal.ReportAction;
import cn.zhiben.campaign.internal.ReportCalendar;
import cn.zhiben.campaign.internal.ReportKind;
import cn.zhiben.campaign.internal.ReportRepository;
import cn.zhiben.campaign.internal.ReportService;
import cn.zhiben.campaign.internal.ReportStatus;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 报送: one's own reports and the form to file them; the office's calendar matrix, late list, reading and recording. */
@Controller
@RequestMapping("/campaign/reports")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class ReportPageController {

    private static final String UUID_PATTERN = BoardPageController.UUID_PATTERN;
    private final ReportService reports;
    private final ProgrammeService programmes;
    private final CalendarService calendar;
    private final CampaignNames names;
    private final CampaignTime time;
    private final BoardPageController board;

    ReportPageController(ReportService reports, ProgrammeService programmes, CalendarService calendar, CampaignNames names,
                         CampaignTime time, BoardPageController board) {
        this.reports = reports;
        this.programmes = programmes;
        this.calendar = calendar;
        this.names = names;
        this.time = time;
        this.board = board;
    }

    record Filter(String kind, String period, String status, String late, String region) {
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID programme, @RequestParam(required = false) ReportKind kind,
                @RequestParam(required = false) String period, @RequestParam(required = false) ReportStatus status,
                @RequestParam(required = false) Boolean late, @RequestParam(required = false) String region, Model model) {
        CurrentUser user = CampaignWeb.requireParticipant();
        Programme p = board.programme(programme);
        board.programmes(model, p);
        List<ReportRepository.Row> rows = new ArrayList<>(reports.search(new ReportRepository.Filter(p.id(), kind,
                period == null || period.isBlank() ? null : period.strip(), status, late, null, null,
                region == null || region.isBlank() ? null : region, time.today()), 3000));
        // what is still owed first, the nearest due date first
        rows.sort(Comparator.comparing((ReportRepository.Row r) -> !r.status().open()).thenComparing(r -> r.status().open()
                ? r.dueOn() : java.time.LocalDate.MAX).thenComparing(ReportRepository.Row::dueOn, Comparator.reverseOrder()));
        model.addAttribute("rows", rows);
        model.addAttribute("names", names.snapshot());
        model.addAttribute("today", time.today());
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("counties", names.counties());
        model.addAttribute("office", user.role() == Role.CITY_OFFICE);
        model.addAttribute("filter", new Filter(kind == null ? "" : kind.name(), period == null ? "" : period,
                status == null ? "" : status.name(), late == null ? "" : late.toString(), region == null ? "" : region));
        return "campaign/reports";
    }

    public record MatrixRow(String name, Map<String, ReportRepository.Row> cells) {
    }

    /** Parties × periods for one kind: who filed, on time or late, and who still owes. */
    @GetMapping("/calendar")
    String matrix(@RequestParam(required = false) UUID programme, @RequestParam(defaultValue = "MONTHLY") ReportKind kind,
                  Model model) {
        CampaignWeb.requireParticipant();
        Programme p = board.programme(programme);
        board.programmes(model, p);
        CampaignNames.Snapshot n = names.snapshot();
        List<String> periods = calendar.obligations(p).stream().filter(o -> o.kind() == kind)
                .filter(o -> !o.opensOn().isAfter(time.today())).map(ReportCalendar.Obligation::period).toList();
        Map<Addressee, MatrixRow> rows = new LinkedHashMap<>();
        List<ReportRepository.Row> all = reports.search(new ReportRepository.Filter(p.id(), kind, null, null, null, null, null,
                null, time.today()), 20000);
        all.stream().map(ReportRepository.Row::addressee).distinct()
                .sorted(Comparator.comparing((Addressee a) -> a.unitId() == null ? 0 : 1)
                        .thenComparingInt(a -> a.unitId() == null ? n.regionOrder(a.regionCode()) : n.unitOrder(a.unitId())))
                .forEach(a -> rows.put(a, new MatrixRow(n.addressee(a), new LinkedHashMap<>())));
        all.forEach(r -> rows.get(r.addressee()).cells().put(r.period(), r));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("periods", periods);
        model.addAttribute("rows", rows.values());
        model.addAttribute("today", time.today());
        return "campaign/report-matrix";
    }

    @GetMapping("/{id:" + UUID_PATTERN + "}")
    String detail(@PathVariable UUID id, Model model) {
        CampaignWeb.requireParticipant();
        ReportService.Detail d = reports.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("actions", d.actions().stream().map(ReportAction::name).toList());
        model.addAttribute("today", time.today());
        model.addAttribute("figures", d.reportedFigures() != null ? d.reportedFigures() : d.currentFigures());
        model.addAttribute("figureFields", ReportPages.FIELDS);
        return "campaign/report";
    }

    @PostMapping("/{id:" + UUID_PATTERN + "}/{verb:draft|submit|record|return|accept}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam MultiValueMap<String, String> form, Model model,
               HttpServletResponse response, RedirectAttributes redirect) {
        CampaignWeb.requireParticipant();
        return Forms.handle(model, response, form, verb, () -> {
            String done = switch (verb) {
                case "draft" -> {
                    var r = Forms.bind(form, ReportApiController.ContentRequest.class);
                    reports.saveDraft(id, r.version(), r.content(), r.figures());
                    yield "草稿已保存";
                }
                case "submit" -> {
                    var r = Forms.bind(form, ReportApiController.ContentRequest.class);
                    reports.submit(id, r.version(), r.content(), r.figures());
                    yield "已报送";
                }
                case "record" -> {
                    var r = Forms.bind(form, ReportApiController.RecordRequest.class);
                    reports.recordReceived(id, r.version(), r.receivedOn(), r.note());
                    yield "已代录线下报送";
                }
                case "return" -> {
                    var r = Forms.bind(form, ReportApiController.NoteRequest.class);
                    reports.returnForRevision(id, r.version(), r.note());
                    yield "已退回修改";
                }
                default -> {
                    var r = Forms.bind(form, ReportApiController.NoteRequest.class);
                    reports.accept(id, r.version(), r.note());
                    yield "已审阅通过";
                }
            };
            redirect.addFlashAttribute("saved", done);
            return "redirect:/campaign/reports/" + id;
        }, () -> detail(id, model));
    }

    @PostMapping("/{id:" + UUID_PATTERN + "}/attachments")
    String upload(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        CampaignWeb.requireParticipant();
        return Forms.handle(model, response, form, "attach", () -> {
            var a = reports.attach(id, file);
            redirect.addFlashAttribute("saved", "已上传“" + a.fileName() + "”");
            return "redirect:/campaign/reports/" + id;
        }, () -> detail(id, model));
    }

    @GetMapping("/attachments/{attachmentId:" + UUID_PATTERN + "}")
    ResponseEntity<byte[]> download(@PathVariable UUID attachmentId) {
        CampaignWeb.requireParticipant();
        return WebFiles.attachment(reports.download(attachmentId));
    }
}
