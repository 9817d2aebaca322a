package cn.zhiben.hazards.web;

import cn.zhiben.hazards.internal.HazardDetails;
import cn.zhiben.hazards.internal.HazardService;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The forms of the detail page. Each posts to the path of its API verb and is bound to the same request record
 * ({@link HazardCommands#VERBS}), with the hazard version it was rendered with; the service refuses a stale one (409) and
 * checks the user's right and the hazard's state. A refused form is shown again with all its problems and its input.
 */
@Controller
@RequestMapping("/hazards/{id:" + HazardPageController.UUID_PATTERN + "}")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class HazardActionPageController {

    private final HazardService service;
    private final HazardPages pages;
    private final HazardCommands commands;

    HazardActionPageController(HazardService service, HazardPages pages, HazardCommands commands) {
        this.service = service;
        this.pages = pages;
        this.commands = commands;
    }

    @PostMapping("/{verb:[a-z-]+}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam Map<String, String> params, Model model,
               RedirectAttributes redirect, HttpServletResponse response) {
        try {
            String done = commands.runForm(id, verb, formFields(verb, params));
            redirect.addFlashAttribute("saved", done);
            return "redirect:/hazards/" + id;
        } catch (ProblemException e) {
            return refused(model, id, verb, e, params, response);
        } catch (OptimisticLockingFailureException e) {
            return refused(model, id, verb, new ProblemException(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                    "隐患已被他人处理，请刷新后重试"), params, response);
        }
    }

    /** The page's own field forms, turned into the request record's: the plan's funding is typed in yuan. */
    private static Map<String, String> formFields(String verb, Map<String, String> params) {
        if (!"plan".equals(verb) || !params.containsKey("funding")) {
            return params;
        }
        Map<String, String> fields = new HashMap<>(params);
        try {
            Long fen = FormBinder.yuanToFen(params.get("funding"));
            fields.put("fundingFen", fen == null ? null : fen.toString());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "整改经费须为不小于 0 的金额（元，最多两位小数）",
                    java.util.List.of(new ProblemException.FieldProblem("funding", "整改经费须为不小于 0 的金额（元，最多两位小数）")));
        }
        return fields;
    }

    @PostMapping("/attachments")
    String upload(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            AttachmentStage stage = stage(params.get("stage"));
            var stored = service.attachFile(id, stage.name(), file);
            redirect.addFlashAttribute("saved", "附件“" + stored.fileName() + "”已上传");
            return "redirect:/hazards/" + id + "#attachments";
        } catch (ProblemException e) {
            return refused(model, id, "attachments", e, params, response);
        }
    }

    private static AttachmentStage stage(String value) {
        try {
            return AttachmentStage.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请选择附件类别",
                    java.util.List.of(new ProblemException.FieldProblem("stage", "请选择附件类别")));
        }
    }

    private String refused(Model model, UUID id, String form, ProblemException e, Map<String, String> params,
                           HttpServletResponse response) {
        if (e.status() == HttpStatus.NOT_FOUND) {
            throw e;
        }
        response.setStatus(e.status().value());
        return pages.detail(model, id, FormState.failed(form, e, params));
    }
}
