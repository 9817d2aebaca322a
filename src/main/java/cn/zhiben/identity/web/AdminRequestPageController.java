package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.AdminGrants;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/** Pages of the two-person rule for the security and audit administrators: the requests, one request, its decision. */
@Controller
@PreAuthorize("hasAnyAuthority('PERM_USER_ADMIN', 'PERM_AUDIT_READ')")
class AdminRequestPageController {

    private final AdminGrants grants;

    AdminRequestPageController(AdminGrants grants) {
        this.grants = grants;
    }

    @GetMapping("/admin/requests")
    String list(@RequestParam(required = false) String status, Model model) {
        String s = status == null || status.isBlank() ? null : status;
        model.addAttribute("requests", grants.list(s));
        model.addAttribute("status", s == null ? "" : s);
        model.addAttribute("fmt", new UiTime());
        return "admin/requests";
    }

    @GetMapping("/admin/requests/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("r", grants.get(id));
        model.addAttribute("fmt", new UiTime());
        return "admin/request";
    }

    @PostMapping("/admin/requests/{id}/approve")
    String approve(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        AdminGrants.Approved approved;
        try {
            approved = grants.approve(id);
        } catch (ProblemException e) {
            return refused(id, e, redirect);
        }
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("user", approved.user());
        model.addAttribute("password", approved.oneTimePassword());
        model.addAttribute("title", "已批准：" + approved.request().kindLabel());
        model.addAttribute("request", approved.request());
        return "admin/user-password";
    }

    @PostMapping("/admin/requests/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            grants.reject(id, reason);
            redirect.addFlashAttribute("message", "已驳回。");
        } catch (ProblemException e) {
            return refused(id, e, redirect);
        }
        return "redirect:/admin/requests/" + id;
    }

    @PostMapping("/admin/requests/{id}/cancel")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            grants.cancel(id);
            redirect.addFlashAttribute("message", "已撤回。");
        } catch (ProblemException e) {
            return refused(id, e, redirect);
        }
        return "redirect:/admin/requests/" + id;
    }

    private static String refused(UUID id, ProblemException e, RedirectAttributes redirect) {
        if (e.status() == HttpStatus.NOT_FOUND) {
            throw e;
        }
        redirect.addFlashAttribute("error", e.getMessage());
        return "redirect:/admin/requests/" + id;
    }
}
