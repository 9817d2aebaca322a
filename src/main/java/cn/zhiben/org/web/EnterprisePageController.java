package cn.zhiben.org.web;

import cn.zhiben.org.EnterpriseScale;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.org.SpecialOperation;
import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.org.internal.EnterpriseCriteria;
import cn.zhiben.org.internal.EnterpriseDraft;
import cn.zhiben.org.internal.EnterpriseExportService;
import cn.zhiben.org.internal.EnterpriseFilter;
import cn.zhiben.org.internal.EnterpriseReference;
import cn.zhiben.org.internal.EnterpriseService;
import cn.zhiben.org.internal.EnterpriseView;
import cn.zhiben.org.internal.PageResult;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zhiben.platform.PlatformConfiguration;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The enterprise pages: list with filters (htmx), detail, create and edit forms, export. */
@Controller
@RequestMapping("/org/enterprises")
class EnterprisePageController {

    static final int PAGE_SIZE = 20;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformConfiguration.ZONE);
    private final EnterpriseService enterprises;
    private final EnterpriseExportService exports;

    EnterprisePageController(EnterpriseService enterprises, EnterpriseExportService exports) {
        this.enterprises = enterprises;
        this.exports = exports;
    }

    /** The form as posted: plain text fields, so that nothing fails to bind and every problem is reported. */
    record EnterpriseForm(String name, String uscc, String regionCode, String zoneCode, String industryCode, String scale,
                          String status, String standardizationGrade, String address, String longitude, String latitude,
                          String principalName, String principalMobile, String controllerName, String controllerMobile,
                          List<String> specialOperations, Integer version) {

        EnterpriseDraft draft() {
            return new EnterpriseDraft(name, uscc, regionCode, zoneCode, industryCode, scale, status, standardizationGrade,
                    address, longitude, latitude, principalName, principalMobile, controllerName, controllerMobile,
                    specialOperations);
        }

        static EnterpriseForm blank() {
            return new EnterpriseForm(null, null, null, null, null, EnterpriseScale.BELOW.name(), EnterpriseStatus.OPERATING.name(),
                    StandardizationGrade.NONE.name(), null, null, null, null, null, null, null, List.of(), null);
        }

        static EnterpriseForm of(EnterpriseView v) {
            return new EnterpriseForm(v.name(), v.uscc(), v.regionCode(), v.zoneCode(), v.industryCode(), v.scale(),
                    v.status(), v.standardizationGrade(), v.address(),
                    v.longitude() == null ? null : v.longitude().toPlainString(),
                    v.latitude() == null ? null : v.latitude().toPlainString(), v.principalName(), null,
                    v.controllerName(), null, v.specialOperations().stream().map(EnterpriseView.Option::code).toList(),
                    v.version());
        }

        public boolean has(String op) {
            return specialOperations != null && specialOperations.contains(op);
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    String list(@ModelAttribute("filter") EnterpriseFilter filter, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, HttpServletResponse response) {
        CurrentUser user = CurrentUser.require();
        PageResult<EnterpriseView> result = enterprises.search(user, filter.toCriteria(), Math.max(0, page), PAGE_SIZE, null);
        model.addAttribute("result", result);
        model.addAttribute("query", filter.query());
        permissions(model, user);
        response.setHeader("Vary", "HX-Request");
        if (htmx != null) {
            return "org/enterprises/list :: results";
        }
        EnterpriseReference ref = enterprises.reference();
        model.addAttribute("ref", ref);
        model.addAttribute("regionOptions", ref.regionOptions(user.scope()));
        model.addAttribute("industries", ref.industryTree(false));
        enumOptions(model);
        return "org/enterprises/list";
    }

    /**
     * The enterprise picker other modules' forms load with htmx: a select named enterpriseId of the enterprises in the
     * caller's scope whose name or credit code contains the keyword (the same search as the list).
     */
    @GetMapping("/picker")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    String picker(@RequestParam(required = false) String keyword, Model model) {
        String k = keyword == null || keyword.isBlank() ? null : keyword.strip();
        if (k != null && k.length() > 100) {
            k = k.substring(0, 100);
        }
        model.addAttribute("result", enterprises.search(CurrentUser.require(),
                new EnterpriseCriteria(k, null, null, null, null, null, null), 0, PICKER_SIZE, null));
        return "org/enterprises/picker :: select";
    }

    static final int PICKER_SIZE = 20;

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    String detail(@PathVariable UUID id, Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("e", enterprises.get(user, id));
        permissions(model, user);
        return "org/enterprises/detail";
    }

    @GetMapping("/{id}/contacts")
    @PreAuthorize("hasAuthority('PERM_PII_READ')")
    String contacts(@PathVariable UUID id, Model model) {
        model.addAttribute("contacts", enterprises.contacts(CurrentUser.require(), id));
        return "org/enterprises/detail :: contacts";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('PERM_ENTERPRISE_WRITE')")
    String createForm(Model model) {
        enterprises.requireMayCreate(CurrentUser.require());
        return form(model, EnterpriseForm.blank(), null, Map.of(), null);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PERM_ENTERPRISE_WRITE')")
    String create(@ModelAttribute EnterpriseForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        enterprises.requireMayCreate(CurrentUser.require());
        try {
            EnterpriseView created = enterprises.create(CurrentUser.require(), form.draft());
            redirect.addFlashAttribute("saved", "企业已登记");
            return "redirect:/org/enterprises/" + created.id();
        } catch (ProblemException e) {
            return formWithProblem(model, form, null, e, response);
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('PERM_ENTERPRISE_WRITE')")
    String editForm(@PathVariable UUID id, Model model) {
        EnterpriseView e = enterprises.get(CurrentUser.require(), id);
        return form(model, EnterpriseForm.of(e), e, Map.of(), null);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_ENTERPRISE_WRITE')")
    String update(@PathVariable UUID id, @ModelAttribute EnterpriseForm form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        EnterpriseView existing = enterprises.get(CurrentUser.require(), id);
        try {
            enterprises.update(CurrentUser.require(), id, form.draft(), form.version());
            redirect.addFlashAttribute("saved", "修改已保存");
            return "redirect:/org/enterprises/" + id;
        } catch (ProblemException e) {
            return formWithProblem(model, form, existing, e, response);
        }
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
    void export(@ModelAttribute("filter") EnterpriseFilter filter, HttpServletResponse response) throws IOException {
        var criteria = filter.toCriteria();
        EnterpriseDownloads.xlsx(response, "企业名录.xlsx");
        exports.export(CurrentUser.require(), criteria, response.getOutputStream());
    }

    private String formWithProblem(Model model, EnterpriseForm form, EnterpriseView existing, ProblemException e,
                                   HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
        response.setStatus(e.status() == HttpStatus.BAD_REQUEST ? 422 : e.status().value());
        return form(model, form, existing, errors, errors.isEmpty() ? e.getMessage()
                : "有 " + e.errors().size() + " 处需要修改，请查看标红的字段");
    }

    private String form(Model model, EnterpriseForm form, EnterpriseView existing, Map<String, String> errors, String message) {
        CurrentUser user = CurrentUser.require();
        EnterpriseReference ref = enterprises.reference();
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("ref", ref);
        model.addAttribute("industries", ref.industryTree(true));
        // an enterprise account keeps its credit code, place and industry
        model.addAttribute("locked", existing != null && user.scope().enterpriseId() != null);
        enumOptions(model);
        permissions(model, user);
        return "org/enterprises/form";
    }

    private static void enumOptions(Model model) {
        model.addAttribute("statuses", EnterpriseStatus.values());
        model.addAttribute("scales", EnterpriseScale.values());
        model.addAttribute("grades", StandardizationGrade.values());
        model.addAttribute("specialOperations", SpecialOperation.values());
    }

    private void permissions(Model model, CurrentUser user) {
        model.addAttribute("time", TIME);
        model.addAttribute("canWrite", user.can(Permission.ENTERPRISE_WRITE));
        model.addAttribute("canCreate", enterprises.mayCreate(user));
        model.addAttribute("canImport", user.can(Permission.ENTERPRISE_IMPORT));
        model.addAttribute("canReadPii", user.can(Permission.PII_READ));
    }
}
