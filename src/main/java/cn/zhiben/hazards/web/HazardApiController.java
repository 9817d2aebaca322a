package cn.zhiben.hazards.web;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.hazards.internal.AttachmentStore;
import cn.zhiben.hazards.internal.HazardAction;
import cn.zhiben.hazards.internal.Callers;
import cn.zhiben.hazards.internal.HazardActions;
import cn.zhiben.hazards.internal.HazardDetails;
import cn.zhiben.hazards.internal.HazardQueries;
import cn.zhiben.hazards.internal.HazardService;
import cn.zhiben.hazards.internal.HazardsExport;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.zhiben.hazards.web.HazardRequests.*;

@Tag(name = "重大事故隐患", description = "直报、两级确认、整改、延期、挂牌督办、审核销号")
@RestController
@RequestMapping("/api/v1/hazards")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class HazardApiController {

    private final HazardService service;
    private final HazardQueries queries;
    private final AttachmentStore attachments;
    private final HazardsExport export;
    private final HazardCommands commands;
    private final Callers callers;
    private final cn.zhiben.hazards.internal.HazardOffers offers;

    HazardApiController(HazardService service, HazardQueries queries, AttachmentStore attachments, HazardsExport export,
                        HazardCommands commands, Callers callers, cn.zhiben.hazards.internal.HazardOffers offers) {
        this.offers = offers;
        this.service = service;
        this.queries = queries;
        this.attachments = attachments;
        this.export = export;
        this.commands = commands;
        this.callers = callers;
    }

    // ---- reading ----

    /** The list filters as query parameters; a value of the wrong type is a 400 naming the parameter. */
    record FilterParams(String region, String industry, Channel channel, Grade grade, Set<HazardStatus> status, Boolean listed,
                        ListingLevel listingLevel, Boolean overdue, Boolean stock, Boolean selfCheckMissed, Boolean open,
                        UUID enterpriseId, String keyword, LocalDate foundFrom, LocalDate foundTo, LocalDate reportedFrom,
                        LocalDate reportedTo, HazardQueries.Sort sort) {

        HazardQueries.Filter filter() {
            return new HazardQueries.Filter(region, industry, channel, grade, status, listed, listingLevel, overdue, stock,
                    selfCheckMissed, open, enterpriseId, keyword, foundFrom, foundTo, reportedFrom, reportedTo);
        }

        HazardQueries.Sort sortOrDefault() {
            return sort == null ? HazardQueries.Sort.FOUND_DESC : sort;
        }
    }

    @Operation(summary = "隐患列表（按数据范围过滤，可按区域、行业、渠道、等级、状态、挂牌、逾期、存量/增量、日期筛选）")
    @GetMapping
    HazardQueries.Page search(@ModelAttribute FilterParams params, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size) {
        return queries.search(CurrentUser.require().scope(), params.filter(), params.sortOrDefault(), page, size);
    }

    @Operation(summary = "按相同筛选条件导出 Excel")
    @GetMapping("/export.xlsx")
    void exportXlsx(@ModelAttribute FilterParams params, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("隐患清单.xlsx", StandardCharsets.UTF_8).build().toString());
        export.write(CurrentUser.require(), params.filter(), params.sortOrDefault(), response.getOutputStream());
    }

    record DetailResponse(HazardQueries.Detail hazard, List<HazardAction> availableActions,
                          List<AttachmentStore.Attachment> attachments) {
    }

    @Operation(summary = "隐患详情（含时间线、整改方案、延期、评估、附件、当前账号可执行的操作）")
    @GetMapping("/{id}")
    DetailResponse detail(@PathVariable UUID id) {
        CurrentUser user = CurrentUser.require();
        HazardQueries.Detail d = queries.detail(id, user.scope()).orElseThrow(HazardService::notFound);
        return new DetailResponse(d, offers.offer(d.row(), user, callers.of(user)).actions(), attachments.list(id));
    }

    @Operation(summary = "挂牌督办公示（三公开：平台内所有用户可见）")
    @GetMapping("/listings")
    List<HazardQueries.BoardEntry> listings() {
        return queries.listingBoard(200, CurrentUser.require().scope());
    }

    // ---- creating ----

    record ActionResult(UUID id, String number, HazardStatus status, int version) {
    }

    @Operation(summary = "登记隐患：企业自查上报，或监管部门、举报查实、专家、监测、上级交办登记；重大事故隐患引用判定条款或综合判定（所有问题一次列出）")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ActionResult create(@RequestBody NewHazardRequest r) {
        return result(commands.report(r, List.of(), List.of()));
    }

    // ---- verbs: each carries the version the caller saw; the same request records the pages bind their forms to ----

    @Operation(summary = "安全管理部门确认（两级确认第一级）")
    @PostMapping("/{id}/confirm-department")
    ActionResult confirmDepartment(@PathVariable UUID id, @Valid @RequestBody Versioned r) {
        commands.confirmDepartment(id, r);
        return result(id);
    }

    @Operation(summary = "主要负责人确认（两级确认第二级，确认后视为已上报）")
    @PostMapping("/{id}/confirm-principal")
    ActionResult confirmPrincipal(@PathVariable UUID id, @Valid @RequestBody Versioned r) {
        commands.confirmPrincipal(id, r);
        return result(id);
    }

    @Operation(summary = "主要负责人退回安全管理部门修改")
    @PostMapping("/{id}/return")
    ActionResult returnForCorrection(@PathVariable UUID id, @Valid @RequestBody WithReason r) {
        commands.returnForCorrection(id, r);
        return result(id);
    }

    @Operation(summary = "报告人撤回尚未确认（签收）的报告，须说明理由")
    @PostMapping("/{id}/withdrawal")
    ActionResult withdraw(@PathVariable UUID id, @Valid @RequestBody WithReason r) {
        commands.withdraw(id, r);
        return result(id);
    }

    @Operation(summary = "企业签收监管部门等登记的隐患（逾期未签收的视同签收）")
    @PostMapping("/{id}/acknowledge")
    ActionResult acknowledge(@PathVariable UUID id, @Valid @RequestBody Versioned r) {
        commands.acknowledge(id, r);
        return result(id);
    }

    @Operation(summary = "提交整改方案（目标任务、方法措施、经费物资、机构人员、时限要求、安全措施和应急预案，及临时管控措施）")
    @PostMapping("/{id}/plan")
    ActionResult plan(@PathVariable UUID id, @Valid @RequestBody PlanRequest r) {
        commands.plan(id, r);
        return result(id);
    }

    @Operation(summary = "报告整改进展（证据照片另行上传附件）")
    @PostMapping("/{id}/progress")
    ActionResult progress(@PathVariable UUID id, @Valid @RequestBody ProgressRequest r) {
        commands.progress(id, r);
        return result(id);
    }

    @Operation(summary = "申请延期（次数有上限，每次须说明理由）")
    @PostMapping("/{id}/extension-request")
    ActionResult requestExtension(@PathVariable UUID id, @Valid @RequestBody ExtensionRequest r) {
        commands.requestExtension(id, r);
        return result(id);
    }

    @Operation(summary = "审批延期申请（挂牌督办的由挂牌级别审批；同意的，督办期限随之顺延）")
    @PostMapping("/{id}/extension-decision")
    ActionResult decideExtension(@PathVariable UUID id, @Valid @RequestBody ExtensionDecision r) {
        commands.decideExtension(id, r);
        return result(id);
    }

    @Operation(summary = "整改完成（一般隐患由企业关闭；重大隐患转入评估）")
    @PostMapping("/{id}/complete")
    ActionResult complete(@PathVariable UUID id, @Valid @RequestBody ProgressRequest r) {
        commands.complete(id, r);
        return result(id);
    }

    @Operation(summary = "整改效果评估（企业自行评估或第三方评估；挂牌督办并停产停业的须第三方评估，令第16号第十八条）")
    @PostMapping("/{id}/evaluation")
    ActionResult evaluate(@PathVariable UUID id, @Valid @RequestBody EvaluationRequest r) {
        commands.evaluate(id, r);
        return result(id);
    }

    @Operation(summary = "申请销号（停产煤矿即申请复产验收）")
    @PostMapping("/{id}/sign-off-request")
    ActionResult requestSignOff(@PathVariable UUID id, @Valid @RequestBody Versioned r) {
        commands.requestSignOff(id, r);
        return result(id);
    }

    @Operation(summary = "现场审核通过，销号（牵头监管该领域的负有安全生产监督管理职责的部门，在隐患挂牌级别审核；挂牌的再由挂牌安委办确认摘牌）")
    @PostMapping("/{id}/sign-off")
    ActionResult signOff(@PathVariable UUID id, @Valid @RequestBody SignOffRequest r) {
        commands.signOff(id, r);
        return result(id);
    }

    @Operation(summary = "审核不通过，退回整改")
    @PostMapping("/{id}/sign-off-rejection")
    ActionResult rejectSignOff(@PathVariable UUID id, @Valid @RequestBody RejectSignOff r) {
        commands.rejectSignOff(id, r);
        return result(id);
    }

    @Operation(summary = "挂牌安委办确认摘牌：督办结束，隐患销号")
    @PostMapping("/{id}/delisting-confirmation")
    ActionResult confirmDelisting(@PathVariable UUID id, @Valid @RequestBody DelistingConfirmation r) {
        commands.confirmDelisting(id, r);
        return result(id);
    }

    @Operation(summary = "挂牌安委办不同意摘牌，退回整改")
    @PostMapping("/{id}/delisting-refusal")
    ActionResult refuseDelisting(@PathVariable UUID id, @Valid @RequestBody RejectSignOff r) {
        commands.refuseDelisting(id, r);
        return result(id);
    }

    @Operation(summary = "挂牌督办（县级安委办为县级；市安委办为市级，或代为登记省级挂牌）")
    @PostMapping("/{id}/listing")
    ActionResult list(@PathVariable UUID id, @Valid @RequestBody ListingRequest r) {
        commands.list(id, r);
        return result(id);
    }

    @Operation(summary = "提级督办（市安委办将县级挂牌提为市级，或登记省级挂牌）")
    @PostMapping("/{id}/listing-raise")
    ActionResult raiseListing(@PathVariable UUID id, @Valid @RequestBody ListingRequest r) {
        commands.raiseListing(id, r);
        return result(id);
    }

    @Operation(summary = "督办提醒（市安委办提醒县级挂牌督办的县）")
    @PostMapping("/{id}/reminder")
    ActionResult remind(@PathVariable UUID id, @Valid @RequestBody ReminderRequest r) {
        commands.remind(id, r);
        return result(id);
    }

    @Operation(summary = "摘牌（挂牌安委办，须说明理由，理由向全体用户公示）")
    @PostMapping("/{id}/delisting")
    ActionResult delist(@PathVariable UUID id, @Valid @RequestBody WithReason r) {
        commands.delist(id, r);
        return result(id);
    }

    @Operation(summary = "调整隐患等级（重大↔一般，须说明理由；改为重大的须引用条款或综合判定，改为一般的须给整改期限）")
    @PostMapping("/{id}/regrade")
    ActionResult regrade(@PathVariable UUID id, @Valid @RequestBody RegradeRequest r) {
        commands.regrade(id, r);
        return result(id);
    }

    @Operation(summary = "抽查一般隐患，重新打开")
    @PostMapping("/{id}/reopen")
    ActionResult reopen(@PathVariable UUID id, @Valid @RequestBody ReopenRequest r) {
        commands.reopen(id, r);
        return result(id);
    }

    @Operation(summary = "合并重复隐患（同一企业、同一条款或部位；不低于两条隐患的挂牌级别决定；挂牌和更严的期限并入保留的隐患）")
    @PostMapping("/{id}/merge")
    ActionResult merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest r) {
        commands.merge(id, r);
        return result(id);
    }

    @Operation(summary = "确认不是重复（清除疑似重复标记）")
    @PostMapping("/{id}/not-duplicate")
    ActionResult dismissDuplicate(@PathVariable UUID id, @Valid @RequestBody WithReason r) {
        commands.dismissDuplicate(id, r);
        return result(id);
    }

    @Operation(summary = "责任倒查办结（县级安委办或监管部门，写明倒查结论和追责情况）")
    @PostMapping("/{id}/accountability-closure")
    ActionResult closeAccountability(@PathVariable UUID id, @Valid @RequestBody AccountabilityClosure r) {
        commands.closeAccountability(id, r);
        return result(id);
    }

    // ---- attachments ----

    @Operation(summary = "上传附件（JPEG、PNG、WebP 图片或 PDF，大小受限）")
    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentStore.Attachment upload(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
                                      @RequestParam(defaultValue = "EVIDENCE") String stage) {
        if (!stage.matches("[A-Z_]{1,30}")) {
            throw ProblemException.badRequest("ATTACHMENT_STAGE_INVALID", "附件阶段格式不正确");
        }
        return service.attachFile(id, stage, file);
    }

    @Operation(summary = "下载附件（按隐患的数据范围校验）")
    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID attachmentId) {
        return HazardPages.file(service.download(attachmentId));
    }

    private ActionResult result(UUID id) {
        HazardQueries.Detail d = queries.detail(id, CurrentUser.require().scope()).orElseThrow(HazardService::notFound);
        return new ActionResult(id, d.row().number(), d.row().status(), d.version());
    }
}
