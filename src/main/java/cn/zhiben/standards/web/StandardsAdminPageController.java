package cn.zhiben.standards.web;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.platform.web.UploadNames;
import cn.zhiben.standards.internal.Library;
import cn.zhiben.standards.internal.LocalChange;
import cn.zhiben.standards.internal.LocalChanges;
import cn.zhiben.standards.internal.StandardImport;
import cn.zhiben.standards.internal.VersionPublishing;
import cn.zhiben.standards.internal.VersionRow;
import jakarta.servlet.http.HttpServletResponse;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Pages that change the library: import and publication, local clause drafting and approval. */
@Controller
@RequestMapping("/standards")
@PreAuthorize("hasAnyAuthority('PERM_STANDARD_DRAFT', 'PERM_STANDARD_APPROVE')")
class StandardsAdminPageController {

    private final Library library;
    private final VersionPublishing publishing;
    private final StandardImport imports;
    private final LocalChanges changes;

    StandardsAdminPageController(Library library, VersionPublishing publishing, StandardImport imports, LocalChanges changes) {
        this.library = library;
        this.publishing = publishing;
        this.imports = imports;
        this.changes = changes;
    }

    // --- import and publication ---

    @GetMapping("/import")
    String importPage(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("drafts", library.versions().stream()
                .filter(v -> !v.published() && VersionPublishing.visible(v, user)).map(library::summary).toList());
        model.addAttribute("canPublish", user.can(Permission.STANDARD_APPROVE));
        return "standards/import";
    }

    @PostMapping("/import")
    String importFile(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("failure", ProblemException.badRequest("EMPTY_FILE", "请选择要导入的 .xlsx 或 .json 文件"));
            response.setStatus(400);
            return importPage(model);
        }
        try {
            UUID id = imports.importFile(UploadNames.clean(file.getOriginalFilename(), "标准文件"), file.getBytes(), CurrentUser.require());
            redirect.addFlashAttribute("message", "已导入为草稿，请核对后由市安委办发布。");
            return "redirect:/standards/versions/" + id;
        } catch (ProblemException e) {
            model.addAttribute("failure", e);
            response.setStatus(e.status().value());
            return importPage(model);
        }
    }

    @PostMapping("/versions/{id}/publish")
    @PreAuthorize("hasAuthority('PERM_STANDARD_APPROVE')")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        publishing.publish(id, CurrentUser.require());
        redirect.addFlashAttribute("message", "已发布。发布后的版本及其条款不能再修改。");
        return "redirect:/standards/versions/" + id;
    }

    @PostMapping("/versions/{id}/delete")
    String deleteDraft(@PathVariable UUID id, RedirectAttributes redirect) {
        publishing.deleteDraft(id, CurrentUser.require());
        redirect.addFlashAttribute("message", "草稿已删除。");
        return "redirect:/standards/import";
    }

    // --- local clauses ---

    @GetMapping("/local")
    String local(@RequestParam(required = false) String status, Model model) {
        CurrentUser user = CurrentUser.require();
        LocalChange.Status s = status == null || status.isBlank() ? null
                : Arrays.stream(LocalChange.Status.values()).filter(x -> x.name().equals(status)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("INVALID_PARAMETER", "未知的状态：" + status));
        List<LocalChange> list = changes.list(user, s);
        model.addAttribute("changes", list);
        model.addAttribute("status", s);
        model.addAttribute("statuses", LocalChange.Status.values());
        model.addAttribute("versions", library.versions().stream()
                .collect(java.util.stream.Collectors.toMap(VersionRow::id, v -> v, (a, b) -> a)));
        model.addAttribute("canDraft", user.can(Permission.STANDARD_DRAFT));
        model.addAttribute("canApprove", user.can(Permission.STANDARD_APPROVE));
        return "standards/local";
    }

    @GetMapping("/local/new")
    @PreAuthorize("hasAuthority('PERM_STANDARD_DRAFT')")
    String newDraft(@RequestParam(required = false) UUID version, @RequestParam(required = false) UUID clause, Model model) {
        CurrentUser user = CurrentUser.require();
        fillDraftForm(model, user, version, clause);
        return "standards/local-new";
    }

    @PostMapping("/local")
    @PreAuthorize("hasAuthority('PERM_STANDARD_DRAFT')")
    String draft(@RequestParam(required = false) UUID versionId, @RequestParam(required = false) UUID clauseId,
                 @RequestParam(required = false) String clauseNo, @RequestParam(required = false) String categoryCode,
                 @RequestParam(required = false) String summary,
                 @RequestParam(required = false) List<String> industries,
                 @RequestParam(required = false) String specialOperation, @RequestParam(required = false) String docNo,
                 @RequestParam(required = false) String reason, @RequestParam(required = false) String effectiveFrom,
                 @RequestParam(required = false) String effectiveTo, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        CurrentUser user = CurrentUser.require();
        try {
            LocalChange c = changes.draft(new LocalChanges.Draft(clauseId == null ? LocalChange.Kind.ADD : LocalChange.Kind.CORRECT,
                    versionId, clauseId, clauseNo, categoryCode, summary,
                    industries == null ? null : industries.stream().filter(i -> !i.isBlank()).toList(),
                    specialOperation, docNo, reason, PageSupport.date(effectiveFrom, null), PageSupport.date(effectiveTo, null)),
                    user);
            redirect.addFlashAttribute("message", "已提交，待市安委办审批；批准前不会进入检查清单。");
            return "redirect:/standards/local/" + c.id();
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("failure", e);
            model.addAttribute("form", new FormValues(clauseNo, categoryCode, summary, industries, specialOperation,
                    docNo, reason, effectiveFrom, effectiveTo));
            if (e.status().value() == 404 && versionId != null && library.version(versionId).isEmpty()) {
                versionId = null;
            }
            fillDraftForm(model, user, versionId, clauseId);
            return "standards/local-new";
        }
    }

    /** What the user typed, to show the form again after an error. */
    record FormValues(String clauseNo, String categoryCode, String summary, List<String> industries,
                      String specialOperation, String docNo, String reason, String effectiveFrom, String effectiveTo) {
    }

    private void fillDraftForm(Model model, CurrentUser user, UUID versionId, UUID clauseId) {
        var scope = user.scope().industryCodes();
        List<VersionRow> candidates = library.versions().stream()
                .filter(v -> v.published() && !v.overlay() && (v.effectiveTo() == null || !v.effectiveTo().isBefore(library.today())))
                .filter(v -> scope == null || v.industryCodes().stream().anyMatch(scope::contains))
                .toList();
        model.addAttribute("candidates", candidates);
        model.addAttribute("today", library.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FormValues(null, null, null, null, null, null, null, null, null));
        }
        if (versionId != null) {
            VersionRow v = publishing.requireVisible(versionId, user);
            model.addAttribute("version", v);
            model.addAttribute("categories", library.categories(v.id()));
            model.addAttribute("clauses", library.clauseRows(v.id()).stream()
                    .filter(c -> c.origin() == cn.zhiben.standards.ClauseOrigin.STANDARD).toList());
            if (clauseId != null) {
                model.addAttribute("target", library.clauseRows(v.id()).stream()
                        .filter(c -> c.id().equals(clauseId)).findFirst()
                        .orElseThrow(() -> ProblemException.notFound("CLAUSE_NOT_FOUND", "该版本中没有要修正的条款")));
            }
            model.addAttribute("industryOptions", PageSupport.industryOptions(library.industries()).stream()
                    .filter(o -> v.allIndustries() || v.industryCodes().stream()
                            .anyMatch(c -> cn.zhiben.standards.StandardClause.covers(c, o.code())))
                    .filter(o -> scope == null || scope.contains(o.code()))
                    .toList());
        }
        PageSupport.common(model);
    }

    @GetMapping("/local/{id}")
    String localDetail(@PathVariable UUID id, Model model) {
        CurrentUser user = CurrentUser.require();
        LocalChanges.View view = changes.view(id, user);
        model.addAttribute("view", view);
        model.addAttribute("industryNames", PageSupport.industryNames(library.industries()));
        model.addAttribute("canApprove", view.change().pending() && user.can(Permission.STANDARD_APPROVE));
        model.addAttribute("canWithdraw", view.change().pending() && user.can(Permission.STANDARD_DRAFT)
                && view.change().unitId().equals(user.unitId()));
        PageSupport.common(model);
        return "standards/local-detail";
    }

    @PostMapping("/local/{id}/approve")
    @PreAuthorize("hasAuthority('PERM_STANDARD_APPROVE')")
    String approve(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        changes.approve(id, note, CurrentUser.require());
        redirect.addFlashAttribute("message", "已批准，自施行日期起进入检查清单。");
        return "redirect:/standards/local/" + id;
    }

    @PostMapping("/local/{id}/reject")
    @PreAuthorize("hasAuthority('PERM_STANDARD_APPROVE')")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        changes.reject(id, reason, CurrentUser.require());
        redirect.addFlashAttribute("message", "已退回。");
        return "redirect:/standards/local/" + id;
    }

    @PostMapping("/local/{id}/withdraw")
    @PreAuthorize("hasAuthority('PERM_STANDARD_DRAFT')")
    String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
        changes.withdraw(id, CurrentUser.require());
        redirect.addFlashAttribute("message", "已撤回。");
        return "redirect:/standards/local/" + id;
    }
}
