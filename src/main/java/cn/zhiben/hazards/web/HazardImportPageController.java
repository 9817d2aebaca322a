package cn.zhiben.hazards.web;

import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.hazards.internal.HazardImportJob;
import cn.zhiben.hazards.internal.HazardImportService;
import cn.zhiben.hazards.internal.HazardImportWorkbooks;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** 导入历史隐患: template, upload (check only, or import), and each upload's result with its row-by-row report. */
@Controller
@RequestMapping("/hazards/imports")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class HazardImportPageController {

    private final HazardImportService imports;
    private final HazardsProperties properties;
    private final HazardPages pages;

    HazardImportPageController(HazardImportService imports, HazardsProperties properties, HazardPages pages) {
        this.imports = imports;
        this.properties = properties;
        this.pages = pages;
    }

    @GetMapping
    String page(Model model) {
        return page(model, null, null);
    }

    private String page(Model model, String error, ProblemException problem) {
        CurrentUser user = CurrentUser.require();
        imports.requireImporter(user);
        model.addAttribute("jobs", imports.recent(user));
        model.addAttribute("fmt", pages.format());
        model.addAttribute("earliest", properties.historyImport().earliestFoundOn());
        model.addAttribute("error", error);
        model.addAttribute("details", problem == null ? java.util.List.of()
                : problem.errors().stream().map(ProblemException.FieldProblem::message).toList());
        return "hazards/import";
    }

    @PostMapping
    String upload(@RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(value = "dryRun", defaultValue = "false") boolean dryRun, Model model,
                  HttpServletResponse response) {
        try {
            HazardImportJob job = imports.importWorkbook(CurrentUser.require(), file, dryRun);
            return "redirect:/hazards/imports/" + job.id();
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            return page(model, e.getMessage(), e);
        }
    }

    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        imports.requireImporter(CurrentUser.require());
        xlsx(response, "历史隐患导入模板.xlsx");
        HazardImportWorkbooks.template(properties.historyImport().earliestFoundOn(), response.getOutputStream());
    }

    @GetMapping("/{id:" + HazardPageController.UUID_PATTERN + "}")
    String job(@PathVariable UUID id, Model model) {
        HazardImportJob job = imports.job(CurrentUser.require(), id);
        model.addAttribute("job", job);
        model.addAttribute("made", job.status() == HazardImportJob.Status.COMPLETED ? imports.made(id) : java.util.List.of());
        model.addAttribute("fmt", pages.format());
        return "hazards/import-job";
    }

    @GetMapping("/{id:" + HazardPageController.UUID_PATTERN + "}/report.xlsx")
    void report(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        HazardImportJob job = imports.job(CurrentUser.require(), id);
        xlsx(response, "历史隐患导入校验报告.xlsx");
        HazardImportWorkbooks.report(job, response.getOutputStream());
    }

    static void xlsx(HttpServletResponse response, String fileName) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
