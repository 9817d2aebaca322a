package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.Addressee;
import cn.zhiben.campaign.internal.CampaignNames;
import cn.zhiben.campaign.CampaignProperties;
import cn.zhiben.campaign.internal.CampaignTime;
import cn.zhiben.campaign.internal.DispatchAction;
import cn.zhiben.campaign.internal.DispatchKind;
import cn.zhiben.campaign.internal.DispatchRepository;
import cn.zhiben.campaign.internal.DispatchService;
import cn.zhiben.campaign.internal.RecipientStatus;
import cn.zhiben.campaign.internal.SupervisionAction;
import cn.zhiben.campaign.internal.SupervisionKind;
import cn.zhiben.campaign.internal.SupervisionRepository;
import cn.zhiben.campaign.internal.SupervisionService;
import cn.zhiben.campaign.internal.SupervisionStatus;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** 调度督办 pages: received and sent dispatches, the send form, a copy's page; and the 督办问责 records. */
@Controller
@RequestMapping("/campaign")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class DispatchPageController {

    private static final String UUID_PATTERN = BoardPageController.UUID_PATTERN;
    private final DispatchService dispatches;
    private final SupervisionService supervision;
    private final CampaignNames names;
    private final CampaignTime time;
    private final CampaignProperties properties;

    DispatchPageController(DispatchService dispatches, SupervisionService supervision, CampaignNames names,
                           CampaignTime time, CampaignProperties properties) {
        this.dispatches = dispatches;
        this.supervision = supervision;
        this.names = names;
        this.time = time;
        this.properties = properties;
    }

    @GetMapping("/dispatches")
    String list(@RequestParam(required = false) DispatchRepository.Box box, @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) RecipientStatus status, Model model) {
        CurrentUser user = CampaignWeb.requireParticipant();
        boolean sender = DispatchService.maySend(user);
        DispatchRepository.Box shown = box != null ? box : sender ? DispatchRepository.Box.SENT : DispatchRepository.Box.RECEIVED;
        model.addAttribute("rows", dispatches.search(new DispatchRepository.Filter(null, null, status, overdue, shown, null,
                time.today()), 1000));
        model.addAttribute("box", shown.name());
        model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
        model.addAttribute("sender", sender);
        model.addAttribute("statuses", RecipientStatus.values());
        model.addAttribute("status", status == null ? "" : status.name());
        return "campaign/dispatches";
    }

    @GetMapping("/dispatches/new")
    String form(@RequestParam(required = false) String refType, @RequestParam(required = false) UUID refId,
                @RequestParam(required = false) DispatchKind kind, Model model) {
        CurrentUser user = CurrentUser.require();
        if (!DispatchService.maySend(user)) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "调度和督办函由市、县两级安委办发出");
        }
        addressees(model, user);
        model.addAttribute("kinds", DispatchKind.values());
        model.addAttribute("kind", kind == null ? "DISPATCH" : kind.name());
        model.addAttribute("refType", refType);
        model.addAttribute("refId", refId);
        model.addAttribute("defaultDue", time.today().plusDays(properties.dispatchDaysDefault()));
        model.addAttribute("today", time.today());
        return "campaign/dispatch-new";
    }

    public record Choice(String value, String label) {
    }

    /** Whom this office may address: "unit:<id>", "county:<code>", "unit:<id>@<county>". */
    void addressees(Model model, CurrentUser user) {
        CampaignNames.Snapshot n = names.snapshot();
        List<Choice> counties = new ArrayList<>();
        List<Choice> units = new ArrayList<>();
        List<Choice> countyUnits = new ArrayList<>();
        List<CommitteeUnit> active = n.units().stream().filter(CommitteeUnit::active).toList();
        if (user.role() == Role.CITY_OFFICE) {
            names.counties().forEach(c -> counties.add(new Choice("county:" + c.code(), c.name() + "安委办")));
            active.forEach(u -> units.add(new Choice("unit:" + u.id(), u.name())));
        } else {
            String c = user.scope().regionCode();
            active.stream().filter(u -> u.category() <= 2)
                    .forEach(u -> countyUnits.add(new Choice("unit:" + u.id() + "@" + c, n.addressee(Addressee.countyUnit(u.id(), c)))));
        }
        model.addAttribute("countyChoices", counties);
        model.addAttribute("unitChoices", units);
        model.addAttribute("countyUnitChoices", countyUnits);
    }

    static String choice(Addressee a) {
        return switch (a.kind()) {
            case COUNTY_OFFICE -> "county:" + a.regionCode();
            case CITY_UNIT -> "unit:" + a.unitId();
            case COUNTY_UNIT -> "unit:" + a.unitId() + "@" + a.regionCode();
            case CITY_OFFICE -> "";
        };
    }

    static Addressee parse(String choice) {
        try {
            if (choice.startsWith("county:")) {
                return Addressee.countyOffice(choice.substring(7));
            }
            if (choice.startsWith("unit:")) {
                String rest = choice.substring(5);
                int at = rest.indexOf('@');
                return at < 0 ? Addressee.cityUnit(UUID.fromString(rest))
                        : Addressee.countyUnit(UUID.fromString(rest.substring(0, at)), rest.substring(at + 1));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw ProblemException.badRequest("DISPATCH_ADDRESSEE_INVALID", "调度对象无效");
    }

    record SendForm(DispatchKind kind, String subject, String body, java.time.LocalDate dueOn, List<String> to,
                    String refType, UUID refId) {
    }

    @PostMapping("/dispatches")
    String send(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        if (!DispatchService.maySend(user)) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "调度和督办函由市、县两级安委办发出");
        }
        return Forms.handle(model, response, form, "send", () -> {
            SendForm f = Forms.bind(form, SendForm.class, "to");
            List<Addressee> to = f.to() == null ? List.of() : f.to().stream().map(DispatchPageController::parse).toList();
            DispatchService.Sent sent = dispatches.send(new DispatchService.SendInput(null, f.kind(), f.subject(), f.body(),
                    f.dueOn(), to, f.refType(), f.refId()));
            redirect.addFlashAttribute("saved", "已发出 " + sent.number() + "（" + sent.recipientIds().size() + " 个对象）");
            return "redirect:/campaign/dispatches?box=SENT";
        }, () -> form(null, null, null, model));
    }

    @GetMapping("/dispatches/{id:" + UUID_PATTERN + "}")
    String detail(@PathVariable UUID id, Model model) {
        CampaignWeb.requireParticipant();
        DispatchService.Detail d = dispatches.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("actions", d.actions().stream().map(DispatchAction::name).toList());
        model.addAttribute("today", time.today());
        // the sender presses on an overdue copy with a supervision letter (督办函) or a record (约谈, 通报…)
        model.addAttribute("canSupervise", d.sentByMe() && d.dispatch().overdue());
        model.addAttribute("superviseTarget", choice(new Addressee(d.dispatch().unitId(), d.dispatch().regionCode())));
        return "campaign/dispatch";
    }

    @PostMapping("/dispatches/{id:" + UUID_PATTERN + "}/{verb:answer|return|close}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam MultiValueMap<String, String> form, Model model,
               HttpServletResponse response, RedirectAttributes redirect) {
        CampaignWeb.requireParticipant();
        return Forms.handle(model, response, form, verb, () -> {
            String done = switch (verb) {
                case "answer" -> {
                    var r = Forms.bind(form, DispatchApiController.AnswerRequest.class);
                    dispatches.answer(id, r.version(), r.answer());
                    yield "已答复";
                }
                case "return" -> {
                    var r = Forms.bind(form, DispatchApiController.ReturnRequest.class);
                    dispatches.returnAnswer(id, r.version(), r.reason(), r.dueOn());
                    yield "已退回，限期重新答复";
                }
                default -> {
                    var r = Forms.bind(form, DispatchApiController.NoteRequest.class);
                    dispatches.close(id, r.version(), r.note());
                    yield "已办结";
                }
            };
            redirect.addFlashAttribute("saved", done);
            return "redirect:/campaign/dispatches/" + id;
        }, () -> detail(id, model));
    }

    @PostMapping("/dispatches/{id:" + UUID_PATTERN + "}/attachments")
    String upload(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        CampaignWeb.requireParticipant();
        return Forms.handle(model, response, form, "attach", () -> {
            var a = dispatches.attach(id, file);
            redirect.addFlashAttribute("saved", "已上传“" + a.fileName() + "”");
            return "redirect:/campaign/dispatches/" + id;
        }, () -> detail(id, model));
    }

    @GetMapping("/dispatches/attachments/{attachmentId:" + UUID_PATTERN + "}")
    ResponseEntity<byte[]> download(@PathVariable UUID attachmentId) {
        CampaignWeb.requireParticipant();
        return WebFiles.attachment(dispatches.download(attachmentId));
    }

    // ---- 督办问责 records ----

    @GetMapping("/supervision")
    String records(@RequestParam(required = false) SupervisionKind kind, @RequestParam(required = false) SupervisionStatus status,
                   Model model) {
        CurrentUser user = CampaignWeb.requireParticipant();
        model.addAttribute("rows", supervision.search(new SupervisionRepository.Filter(null, kind, status, null), 500));
        model.addAttribute("kinds", SupervisionKind.values());
        model.addAttribute("statuses", SupervisionStatus.values());
        model.addAttribute("kind", kind == null ? "" : kind.name());
        model.addAttribute("status", status == null ? "" : status.name());
        model.addAttribute("issuer", SupervisionService.mayIssue(user));
        return "campaign/supervision-list";
    }

    @GetMapping("/supervision/new")
    String recordForm(@RequestParam(required = false) String refType, @RequestParam(required = false) UUID refId,
                      @RequestParam(required = false) String target, Model model) {
        CurrentUser user = CurrentUser.require();
        if (!SupervisionService.mayIssue(user)) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "督办记录由市、县两级安委办下达");
        }
        addressees(model, user);
        model.addAttribute("kinds", SupervisionKind.values());
        model.addAttribute("refType", refType);
        model.addAttribute("refId", refId);
        model.addAttribute("target", target);
        model.addAttribute("today", time.today());
        return "campaign/supervision-new";
    }

    record IssueForm(SupervisionKind kind, String target, String subject, String facts, java.time.LocalDate decidedOn,
                     String documentNumber, Boolean published, String refType, UUID refId) {
    }

    @PostMapping("/supervision")
    String issue(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        if (!SupervisionService.mayIssue(user)) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "督办记录由市、县两级安委办下达");
        }
        return Forms.handle(model, response, form, "issue", () -> {
            IssueForm f = Forms.bind(form, IssueForm.class);
            if (f.target() == null) {
                throw ProblemException.badRequest("SUPERVISION_TARGET_REQUIRED", "请选择督办对象");
            }
            UUID id = supervision.issue(new SupervisionService.IssueInput(null, f.kind(), parse(f.target()), f.subject(),
                    f.facts(), f.decidedOn(), f.documentNumber(), Boolean.TRUE.equals(f.published()), f.refType(), f.refId()));
            redirect.addFlashAttribute("saved", "已下达");
            return "redirect:/campaign/supervision/" + id;
        }, () -> recordForm(null, null, null, model));
    }

    @GetMapping("/supervision/{id:" + UUID_PATTERN + "}")
    String record(@PathVariable UUID id, Model model) {
        CampaignWeb.requireParticipant();
        SupervisionService.Detail d = supervision.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("actions", d.actions().stream().map(SupervisionAction::name).toList());
        return "campaign/supervision";
    }

    @PostMapping("/supervision/{id:" + UUID_PATTERN + "}/{verb:feedback|close}")
    String recordAct(@PathVariable UUID id, @PathVariable String verb, @RequestParam MultiValueMap<String, String> form,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CampaignWeb.requireParticipant();
        return Forms.handle(model, response, form, verb, () -> {
            if (verb.equals("feedback")) {
                var r = Forms.bind(form, DispatchApiController.FeedbackRequest.class);
                supervision.feedback(id, r.version(), r.feedback());
                redirect.addFlashAttribute("saved", "整改情况已反馈");
            } else {
                var r = Forms.bind(form, DispatchApiController.NoteRequest.class);
                supervision.close(id, r.version(), r.note());
                redirect.addFlashAttribute("saved", "已办结");
            }
            return "redirect:/campaign/supervision/" + id;
        }, () -> record(id, model));
    }

    @PostMapping("/supervision/{id:" + UUID_PATTERN + "}/attachments")
    String uploadRecord(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file,
                        @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        CampaignWeb.requireParticipant();
        return Forms.handle(model, response, form, "attach", () -> {
            var a = supervision.attach(id, file);
            redirect.addFlashAttribute("saved", "已上传“" + a.fileName() + "”");
            return "redirect:/campaign/supervision/" + id;
        }, () -> record(id, model));
    }

    @GetMapping("/supervision/attachments/{attachmentId:" + UUID_PATTERN + "}")
    ResponseEntity<byte[]> downloadRecord(@PathVariable UUID attachmentId) {
        CampaignWeb.requireParticipant();
        return WebFiles.attachment(supervision.download(attachmentId));
    }
}
