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
import java.util.Map;
import java.util.UUID;

/**
 * The forms of the detail page. Each posts the hazard version it was rendered with; the service refuses a stale one
 * (409) and checks the user's right and the hazard's state. A refused form is shown again with its message and input.
 */
@Controller
@RequestMapping("/hazards/{id:" + HazardPageController.UUID_PATTERN + "}")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class HazardActionPageController {

    private final HazardService service;
    private final HazardPages pages;

    HazardActionPageController(HazardService service, HazardPages pages) {
        this.service = service;
        this.pages = pages;
    }

    @PostMapping("/{verb:[a-z-]+}")
    String act(@PathVariable UUID id, @PathVariable String verb, @RequestParam Map<String, String> params, Model model,
               RedirectAttributes redirect, HttpServletResponse response) {
        FormInput in = new FormInput(params);
        try {
            String done = run(id, verb, in);
            redirect.addFlashAttribute("saved", done);
            return "redirect:/hazards/" + id;
        } catch (ProblemException e) {
            return refused(model, id, verb, e, params, response);
        } catch (OptimisticLockingFailureException e) {
            return refused(model, id, verb, new ProblemException(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                    "隐患已被他人处理，请刷新后重试"), params, response);
        }
    }

    @PostMapping("/attachments")
    String upload(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        FormInput in = new FormInput(params);
        try {
            AttachmentStage stage = in.choice(AttachmentStage.class, "stage", "附件类别", true);
            in.check();
            var stored = service.attachFile(id, stage.name(), file);
            redirect.addFlashAttribute("saved", "附件“" + stored.fileName() + "”已上传");
            return "redirect:/hazards/" + id + "#attachments";
        } catch (ProblemException e) {
            return refused(model, id, "attachments", e, params, response);
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

    /** Runs one verb; returns what to tell the user. */
    private String run(UUID id, String verb, FormInput in) {
        int version = in.version();
        switch (verb) {
            case "confirm-department" -> {
                in.check();
                service.confirmByDepartment(id, version);
                return "已确认（安全管理部门），待主要负责人确认";
            }
            case "confirm-principal" -> {
                in.check();
                service.confirmByPrincipal(id, version);
                return "已确认上报（主要负责人），请制定整改方案";
            }
            case "return" -> {
                String reason = in.text("reason", "退回理由", 2000, true);
                in.check();
                service.returnForCorrection(id, version, reason);
                return "已退回安全管理部门修改";
            }
            case "acknowledge" -> {
                in.check();
                service.acknowledge(id, version);
                return "已签收，请制定整改方案";
            }
            case "plan" -> {
                HazardDetails.PlanInput plan = new HazardDetails.PlanInput(
                        in.text("objectives", "目标任务", 2000, true),
                        in.text("measures", "方法措施", 4000, true),
                        orZero(in.fen("funding", "整改经费", true)),
                        in.text("materials", "物资", 2000, true),
                        in.text("organisation", "负责机构", 1000, true),
                        in.text("responsiblePerson", "责任人", 100, true),
                        in.date("deadline", "整改时限", true),
                        in.text("safetyMeasures", "安全措施", 4000, true),
                        in.text("emergencyPlan", "应急预案", 4000, true),
                        in.text("interimMeasures", "临时管控措施", 4000, true));
                in.check();
                service.filePlan(id, version, plan);
                return "整改方案已提交，隐患进入整改";
            }
            case "progress" -> {
                String summary = in.text("summary", "整改进展", 2000, true);
                in.check();
                service.reportProgress(id, version, summary);
                return "整改进展已报告";
            }
            case "extension-request" -> {
                LocalDate deadline = in.date("deadline", "延期后的期限", true);
                String reason = in.text("reason", "延期理由", 2000, true);
                in.check();
                service.requestExtension(id, version, deadline, reason);
                return "延期申请已提交，待监管部门审批";
            }
            case "extension-decision" -> {
                String approve = in.text("approve", "审批结果", 10, true);
                String reason = in.text("reason", "审批意见", 2000, true);
                in.check();
                boolean approved = "true".equals(approve);
                service.decideExtension(id, version, approved, reason);
                return approved ? "已同意延期" : "已不予延期";
            }
            case "complete" -> {
                String summary = in.text("summary", "完成情况", 2000, true);
                in.check();
                service.complete(id, version, summary);
                return "已报告整改完成";
            }
            case "evaluation" -> {
                HazardDetails.EvaluationInput evaluation = new HazardDetails.EvaluationInput(
                        in.text("kind", "评估方式", 20, true),
                        in.text("organisation", "评估机构", 200, false),
                        in.text("conclusion", "评估结论", 4000, true),
                        in.date("evaluatedOn", "评估日期", true));
                in.check();
                service.evaluate(id, version, evaluation);
                return "评估结果已记录";
            }
            case "sign-off-request" -> {
                in.check();
                service.requestSignOff(id, version);
                return "已申请销号，待监管部门现场审核";
            }
            case "sign-off" -> {
                String opinion = in.text("opinion", "审核意见", 2000, true);
                in.check();
                service.signOff(id, version, opinion);
                return "审核通过，已销号";
            }
            case "sign-off-rejection" -> {
                String reasons = in.text("reasons", "不通过的理由", 2000, true);
                LocalDate deadline = in.date("deadline", "新的整改期限", false);
                in.check();
                service.rejectSignOff(id, version, reasons, deadline);
                return "审核不通过，已退回整改";
            }
            case "listing" -> {
                String documentNumber = in.text("documentNumber", "督办文号", 100, true);
                UUID unit = in.uuid("supervisingUnitId", "督办单位", false);
                LocalDate deadline = in.date("deadline", "督办整改期限", true);
                in.check();
                service.list(id, version, new HazardService.ListingInput(documentNumber, unit, deadline));
                return "已挂牌督办";
            }
            case "delisting" -> {
                String reason = in.text("reason", "摘牌理由", 2000, true);
                in.check();
                service.delist(id, version, reason);
                return "已摘牌";
            }
            case "reopen" -> {
                String reason = in.text("reason", "重新打开的理由", 2000, true);
                LocalDate deadline = in.date("deadline", "整改期限", true);
                in.check();
                service.reopen(id, version, reason, deadline);
                return "已重新打开，退回整改";
            }
            case "merge" -> {
                UUID into = in.uuid("into", "要并入的隐患", true);
                String reason = in.text("reason", "合并理由", 2000, true);
                in.check();
                service.merge(id, version, into, reason);
                return "已合并";
            }
            case "not-duplicate" -> {
                String reason = in.text("reason", "不重复的理由", 2000, true);
                in.check();
                service.dismissDuplicate(id, version, reason);
                return "已确认不是重复";
            }
            default -> throw ProblemException.notFound("NOT_FOUND", "请求的地址不存在");
        }
    }

    private static long orZero(Long fen) {
        return fen == null ? 0 : fen;
    }
}
