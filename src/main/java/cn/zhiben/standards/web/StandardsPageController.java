package cn.zhiben.standards.web;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.standards.Checklist;
import cn.zhiben.standards.internal.ClauseSearch;
import cn.zhiben.standards.internal.EnterpriseChecklists;
import cn.zhiben.standards.internal.Library;
import cn.zhiben.standards.internal.StandardImport;
import cn.zhiben.standards.internal.VersionComparison;
import cn.zhiben.standards.internal.VersionPublishing;
import cn.zhiben.standards.internal.VersionRow;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Reading pages of the library: by industry and date, a version, search, comparison, an enterprise's checklist. */
@Controller
@RequestMapping("/standards")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class StandardsPageController {

    private final Library library;
    private final VersionPublishing publishing;
    private final ClauseSearch search;
    private final VersionComparison comparison;
    private final EnterpriseChecklists checklists;
    private final StandardImport imports;

    StandardsPageController(Library library, VersionPublishing publishing, ClauseSearch search,
                            VersionComparison comparison, EnterpriseChecklists checklists, StandardImport imports) {
        this.library = library;
        this.publishing = publishing;
        this.search = search;
        this.comparison = comparison;
        this.checklists = checklists;
        this.imports = imports;
    }

    @GetMapping
    String index(@RequestParam(required = false) String industry, @RequestParam(required = false) String date, Model model) {
        LocalDate day = PageSupport.date(date, library.today());
        String code = PageSupport.blankToNull(industry);
        model.addAttribute("at", library.at(code, day));
        model.addAttribute("industries", PageSupport.industryOptions(library.industries()));
        model.addAttribute("industryNames", PageSupport.industryNames(library.industries()));
        model.addAttribute("today", library.today());
        PageSupport.common(model);
        return "standards/index";
    }

    @GetMapping("/versions/{id}")
    String version(@PathVariable UUID id, @RequestParam(required = false) String date, Model model) {
        CurrentUser user = CurrentUser.require();
        VersionRow v = publishing.requireVisible(id, user);
        LocalDate day = PageSupport.date(date, library.today());
        model.addAttribute("detail", library.detail(v, day));
        model.addAttribute("date", day);
        model.addAttribute("canPublish", !v.published() && user.can(Permission.STANDARD_APPROVE));
        model.addAttribute("canDelete", !v.published());
        model.addAttribute("canDraft", v.published() && !v.overlay() && user.can(Permission.STANDARD_DRAFT));
        model.addAttribute("industryNames", PageSupport.industryNames(library.industries()));
        PageSupport.common(model);
        return "standards/version";
    }

    @GetMapping("/versions/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(defaultValue = "xlsx") String format) {
        return StandardsApiController.exportResponse(library, imports, publishing.requireVisible(id, CurrentUser.require()), format);
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String industry,
                  @RequestParam(required = false) String date, Model model) {
        model.addAttribute("industries", PageSupport.industryOptions(library.industries()));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("industry", industry);
        model.addAttribute("date", date);
        if (q != null && !q.isBlank()) {
            model.addAttribute("result", search.search(q, PageSupport.blankToNull(industry), PageSupport.date(date, null)));
        }
        PageSupport.common(model);
        return "standards/search";
    }

    @GetMapping("/compare")
    String compare(@RequestParam(required = false) UUID from, @RequestParam(required = false) UUID to, Model model) {
        CurrentUser user = CurrentUser.require();
        List<VersionRow> versions = library.versions().stream().filter(v -> VersionPublishing.visible(v, user))
                .sorted(Comparator.comparingInt(VersionRow::standardOrder)).toList();
        model.addAttribute("versions", versions);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (from != null && to != null) {
            model.addAttribute("comparison", comparison.compare(publishing.requireVisible(from, user),
                    publishing.requireVisible(to, user)));
        }
        return "standards/compare";
    }

    @GetMapping("/checklist")
    String checklist(@RequestParam(required = false) UUID enterprise, @RequestParam(required = false) String uscc,
                     @RequestParam(required = false) String date, Model model) {
        LocalDate day = PageSupport.date(date, library.today());
        CurrentUser user = CurrentUser.require();
        model.addAttribute("date", day);
        model.addAttribute("uscc", uscc == null ? "" : uscc);
        Checklist checklist = null;
        if (enterprise != null) {
            checklist = checklists.checklist(enterprise, day, user);
        } else if (uscc != null && !uscc.isBlank()) {
            checklist = checklists.checklistByUscc(uscc, day, user);
        } else if (user.scope().enterpriseId() != null) {
            checklist = checklists.checklist(user.scope().enterpriseId(), day, user);
        }
        model.addAttribute("checklist", checklist);
        if (checklist != null) {
            String code = checklist.industryCode();
            model.addAttribute("industryName", library.industries().stream()
                    .filter(i -> i.code().equals(code)).map(i -> i.name()).findFirst().orElse(code));
        }
        PageSupport.common(model);
        return "standards/checklist";
    }
}
