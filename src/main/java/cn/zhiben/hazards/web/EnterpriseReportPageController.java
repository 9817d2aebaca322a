package cn.zhiben.hazards.web;

import cn.zhiben.hazards.internal.reports.EnterpriseReports;
import cn.zhiben.hazards.internal.reports.ReportPeriod;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * 隐患统计分析报告: the enterprise's periods and its reports (prepare, sign, return), and for the governments each
 * period's submissions and late list in their scope.
 */
@Controller
@RequestMapping("/hazard-reports")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class EnterpriseReportPageController {

    private final EnterpriseReports reports;
    private final HazardPages pages;
    private final cn.zhiben.hazards.internal.HazardNames names;

    EnterpriseReportPageController(EnterpriseReports reports, HazardPages pages, cn.zhiben.hazards.internal.HazardNames names) {
        this.reports = reports;
        this.pages = pages;
        this.names = names;
    }

    @GetMapping
    String list(@RequestParam(value = "period", required = false) String period,
                @RequestParam(value = "region", required = false) String region, Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("fmt", pages.format());
        model.addAttribute("rules", reports.rules());
        if (user.role() == Role.ENTERPRISE) {
            model.addAttribute("own", reports.own(user));
            return "hazards/reports/own";
        }
        var periods = reports.periods();
        String chosen = period != null && !period.isBlank() ? period
                : periods.isEmpty() ? null : periods.get(0).code();
        model.addAttribute("periods", periods);
        model.addAttribute("region", region);
        model.addAttribute("regions", HazardPages.regionOptions(user.scope(), names.snapshot()));
        model.addAttribute("overview", chosen == null ? null : reports.overview(user, chosen, region));
        return "hazards/reports/overview";
    }

    @GetMapping("/new")
    String prepareForm(@RequestParam(value = "period", required = false) String period, Model model) {
        return form(model, period, null, null, HttpStatus.OK, null);
    }

    private String form(Model model, String period, String analysis, String error, HttpStatus status,
                        HttpServletResponse response) {
        CurrentUser user = CurrentUser.require();
        // the service checks the caller's right before the period
        model.addAttribute("figures", reports.preview(user, period));
        ReportPeriod p = ReportPeriod.parse(period);
        model.addAttribute("period", p);
        model.addAttribute("dueOn", p.dueOn(reports.rules()));
        model.addAttribute("analysis", analysis);
        model.addAttribute("error", error);
        model.addAttribute("fmt", pages.format());
        if (response != null) {
            response.setStatus(status.value());
        }
        return "hazards/reports/new";
    }

    @PostMapping
    String prepare(@RequestParam(value = "period", required = false) String period,
                   @RequestParam(value = "analysis", required = false) String analysis,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            UUID id = reports.prepare(CurrentUser.require(), period, analysis);
            redirect.addFlashAttribute("saved", "报告已编制，待主要负责人签署");
            return "redirect:/hazard-reports/" + id;
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            return form(model, period, analysis, e.getMessage(), e.status(), response);
        }
    }

    @GetMapping("/{id:" + HazardPageController.UUID_PATTERN + "}")
    String detail(@PathVariable UUID id, Model model) {
        return detail(model, id, null);
    }

    private String detail(Model model, UUID id, String error) {
        model.addAttribute("r", reports.view(CurrentUser.require(), id));
        model.addAttribute("fmt", pages.format());
        model.addAttribute("rules", reports.rules());
        model.addAttribute("error", error);
        return "hazards/reports/detail";
    }

    @PostMapping("/{id:" + HazardPageController.UUID_PATTERN + "}/sign")
    String sign(@PathVariable UUID id, @RequestParam(value = "version", required = false) Integer version, Model model,
                RedirectAttributes redirect,
                HttpServletResponse response) {
        return act(id, model, redirect, response, "报告已签署并报送监管部门",
                () -> reports.sign(CurrentUser.require(), id, version));
    }

    @PostMapping("/{id:" + HazardPageController.UUID_PATTERN + "}/return")
    String returnForCorrection(@PathVariable UUID id, @RequestParam(value = "version", required = false) Integer version,
                               @RequestParam(value = "reason", required = false) String reason, Model model,
                               RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, model, redirect, response, "报告已退回安全管理部门修改",
                () -> reports.returnForCorrection(CurrentUser.require(), id, version, reason));
    }

    private String act(UUID id, Model model, RedirectAttributes redirect, HttpServletResponse response, String done,
                       Runnable verb) {
        try {
            verb.run();
            redirect.addFlashAttribute("saved", done);
            return "redirect:/hazard-reports/" + id;
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.status().value());
            return detail(model, id, e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return detail(model, id, "报告已被他人处理，请刷新后重试");
        }
    }

    @GetMapping("/{id:" + HazardPageController.UUID_PATTERN + "}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return pdfResponse(reports.pdf(CurrentUser.require(), id));
    }

    static ResponseEntity<byte[]> pdfResponse(byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("隐患排查治理统计分析报告.pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(pdf);
    }
}
