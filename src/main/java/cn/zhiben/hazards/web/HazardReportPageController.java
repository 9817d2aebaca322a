package cn.zhiben.hazards.web;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.hazards.internal.HazardQueries;
import cn.zhiben.hazards.internal.HazardRules;
import cn.zhiben.hazards.internal.HazardService;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.Checklist;
import cn.zhiben.standards.StandardClause;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * 登记隐患: an enterprise reports what its own inspection found (its enterprise and channel fixed); a government,
 * township or expert account registers what it found, picking the enterprise within its scope and the channel.
 * A major hazard cites a clause of the standards in force for that enterprise on the finding date.
 */
@Controller
@RequestMapping("/hazards")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class HazardReportPageController {

    private final HazardService service;
    private final HazardQueries queries;
    private final HazardPages pages;
    private final FormBinder binder;
    private final HazardCommands commands;

    HazardReportPageController(HazardService service, HazardQueries queries, HazardPages pages, FormBinder binder,
                               HazardCommands commands) {
        this.service = service;
        this.queries = queries;
        this.pages = pages;
        this.binder = binder;
        this.commands = commands;
    }

    @GetMapping("/new")
    String form(Model model) {
        return form(model, FormState.none(), Map.of());
    }

    /** The clause picker (htmx): the clauses in force for the enterprise on the finding date, grouped by category. */
    @GetMapping("/new/clauses")
    String clauses(@RequestParam(required = false) String enterpriseId, @RequestParam(required = false) String foundOn,
                   @RequestParam(required = false) String clauseId, @RequestParam(required = false) String clauseQ, Model model) {
        clauseModel(model, enterpriseId, foundOn, clauseId, clauseQ);
        return "hazards/form :: clauses";
    }

    @PostMapping
    String create(@RequestParam Map<String, String> params,
                  @RequestParam(value = "evidence", required = false) List<MultipartFile> evidence,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = CurrentUser.require();
        try {
            List<Channel> channels = requireChannels(user);
            // the account fixes what is not the user's choice; the form keeps the hidden half of the grade switch
            Map<String, String> fields = new HashMap<>(params);
            if (user.enterpriseId() != null) {
                fields.put("enterpriseId", user.enterpriseId().toString());
            }
            if (channels.size() == 1) {
                fields.put("channel", channels.get(0).name());
            }
            if (!"DETERMINATION".equals(params.get("basis"))) {
                fields.keySet().removeIf(k -> k.startsWith("determination."));
            } else {
                fields.remove("clauseId");
            }
            List<ProblemException.FieldProblem> problems = new ArrayList<>();
            HazardRequests.NewHazardRequest request = binder.read(HazardRequests.NewHazardRequest.class, fields, problems);
            UUID id = commands.report(request, problems.stream().filter(HazardReportPageController::binderOnly).toList(),
                    evidence == null ? List.of() : evidence);
            String number = queries.find(id, user.scope()).map(HazardQueries.Row::number).orElse("");
            redirect.addFlashAttribute("saved", "隐患已登记，编号 " + number);
            return "redirect:/hazards/" + id;
        } catch (ProblemException e) {
            if (e.status() == org.springframework.http.HttpStatus.NOT_FOUND && !"ENTERPRISE_NOT_FOUND".equals(e.code())) {
                throw e;
            }
            response.setStatus(e.status().value());
            return form(model, FormState.failed("report", e, params), params);
        }
    }

    /** Unreadable values the binder found (constraint problems are counted again by the commands, so not twice). */
    private static boolean binderOnly(ProblemException.FieldProblem p) {
        return "格式不正确".equals(p.message());
    }

    private static List<Channel> requireChannels(CurrentUser user) {
        List<Channel> channels = HazardRules.reportChannels(user);
        if (channels.isEmpty()) {
            throw ProblemException.forbidden("HAZARD_ACTION_FORBIDDEN", "当前账号不能登记隐患");
        }
        return channels;
    }

    private String form(Model model, FormState fs, Map<String, String> posted) {
        CurrentUser user = CurrentUser.require();
        List<Channel> channels = requireChannels(user);
        boolean enterpriseAccount = user.enterpriseId() != null;
        String enterpriseId = enterpriseAccount ? user.enterpriseId().toString() : posted.get("enterpriseId");
        EnterpriseRef enterprise = parse(enterpriseId).flatMap(service::enterpriseInScope).orElse(null);
        String foundOn = posted.getOrDefault("foundOn", pages.today().toString());
        model.addAttribute("fs", fs);
        model.addAttribute("enterpriseAccount", enterpriseAccount);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("channels", channels);
        model.addAttribute("selfInspection", channels.contains(Channel.SELF_INSPECTION));
        model.addAttribute("grades", Grade.values());
        model.addAttribute("shutdowns", Shutdown.values());
        model.addAttribute("today", pages.today());
        model.addAttribute("foundOn", foundOn);
        clauseModel(model, enterprise == null ? null : enterprise.id().toString(), foundOn, posted.get("clauseId"), null);
        return "hazards/form";
    }

    private void clauseModel(Model model, String enterpriseId, String foundOn, String clauseId, String clauseQ) {
        model.addAttribute("selectedClause", clauseId == null ? "" : clauseId);
        model.addAttribute("fmt", pages.format());
        Map<String, String> specialOperations = new HashMap<>();
        for (cn.zhiben.org.SpecialOperation op : cn.zhiben.org.SpecialOperation.values()) {
            specialOperations.put(op.name(), op.label());
        }
        model.addAttribute("specialOperations", specialOperations);
        UUID enterprise = parse(enterpriseId).orElse(null);
        if (enterprise == null) {
            model.addAttribute("checklist", null);
            return;
        }
        LocalDate date;
        try {
            date = foundOn == null || foundOn.isBlank() ? pages.today() : LocalDate.parse(foundOn.strip());
        } catch (DateTimeParseException e) {
            date = pages.today();
        }
        Checklist checklist;
        try {
            checklist = service.clauseChecklist(enterprise, date);
        } catch (ProblemException e) {
            model.addAttribute("checklist", null);
            model.addAttribute("clauseProblem", e.getMessage());
            return;
        }
        String q = clauseQ == null || clauseQ.isBlank() ? null : clauseQ.strip().toLowerCase(Locale.ROOT);
        List<Checklist.Section> sections = checklist.sections().stream()
                .map(s -> new Checklist.Section(s.version(), s.categoryCode(), s.categoryName(), s.categoryGroup(), s.general(),
                        s.clauses().stream().filter(c -> matches(c, q)).toList()))
                .filter(s -> !s.clauses().isEmpty())
                .toList();
        model.addAttribute("checklist", checklist);
        model.addAttribute("sections", sections);
        model.addAttribute("clauseQ", q);
        model.addAttribute("clauseDate", date);
    }

    private static boolean matches(StandardClause c, String q) {
        return q == null || c.summary().toLowerCase(Locale.ROOT).contains(q) || c.clauseNo().toLowerCase(Locale.ROOT).contains(q);
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return id == null || id.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
