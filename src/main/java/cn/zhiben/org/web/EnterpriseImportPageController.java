package cn.zhiben.org.web;

import cn.zhiben.org.internal.EnterpriseImportJob;
import cn.zhiben.org.internal.EnterpriseImportService;
import cn.zhiben.org.internal.EnterpriseService;
import cn.zhiben.org.internal.EnterpriseWorkbooks;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
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

import java.io.IOException;
import java.util.UUID;

/** The import page: template download, upload with mode choice, and a job page whose progress htmx polls. */
@Controller
@RequestMapping("/org/enterprises")
@PreAuthorize("hasAuthority('PERM_ENTERPRISE_IMPORT')")
class EnterpriseImportPageController {

    private final EnterpriseImportService imports;
    private final EnterpriseService enterprises;

    EnterpriseImportPageController(EnterpriseImportService imports, EnterpriseService enterprises) {
        this.imports = imports;
        this.enterprises = enterprises;
    }

    @GetMapping("/import")
    String page(Model model) {
        model.addAttribute("jobs", imports.recent(CurrentUser.require()));
        model.addAttribute("time", EnterprisePageController.TIME);
        return "org/enterprises/import";
    }

    @PostMapping("/import")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(value = "mode", required = false) String mode, Model model, HttpServletResponse response) {
        try {
            UUID id = imports.submit(CurrentUser.require(), file, mode);
            return "redirect:/org/enterprises/import/" + id;
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("details", e.errors().stream().map(ProblemException.FieldProblem::message).toList());
            model.addAttribute("jobs", imports.recent(CurrentUser.require()));
            model.addAttribute("time", EnterprisePageController.TIME);
            return "org/enterprises/import";
        }
    }

    @GetMapping("/import-template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        EnterpriseDownloads.xlsx(response, "企业导入模板.xlsx");
        EnterpriseWorkbooks.template(enterprises.reference(), response.getOutputStream());
    }

    @GetMapping("/import/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.job(CurrentUser.require(), id));
        return "org/enterprises/import-job";
    }

    @GetMapping("/import/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.job(CurrentUser.require(), id));
        return "org/enterprises/import-job :: progress";
    }

    @GetMapping("/import/{id}/report.xlsx")
    void report(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        EnterpriseImportJob job = EnterpriseDownloads.finishedJob(imports.job(CurrentUser.require(), id));
        EnterpriseDownloads.xlsx(response, "导入校验报告.xlsx");
        EnterpriseWorkbooks.report(job, response.getOutputStream());
    }

}
