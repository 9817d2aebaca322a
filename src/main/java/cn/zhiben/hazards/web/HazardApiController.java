package cn.zhiben.hazards.web;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.hazards.internal.AttachmentStore;
import cn.zhiben.hazards.internal.HazardAction;
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

@Tag(name = "重大事故隐患", description = "直报、两级确认、整改、延期、挂牌督办、审核销号")
@RestController
@RequestMapping("/api/v1/hazards")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class HazardApiController {

    private final HazardService service;
    private final HazardQueries queries;
    private final AttachmentStore attachments;
    private final HazardsExport export;

    HazardApiController(HazardService service, HazardQueries queries, AttachmentStore attachments, HazardsExport export) {
        this.service = service;
        this.queries = queries;
        this.attachments = attachments;
        this.export = export;
    }

    // ---- reading ----

    /** The list filters as query parameters; a value of the wrong type is a 400 naming the parameter. */
    record FilterParams(String region, String industry, Channel channel, Grade grade, Set<HazardStatus> status, Boolean listed,
                        ListingLevel listingLevel, Boolean overdue, Boolean stock, Boolean selfCheckMissed, Boolean open,
                        UUID enterpriseId, String keyword, LocalDate foundFrom, LocalDate foundTo, LocalDate reportedFrom,
                        LocalDate reportedTo, HazardQueries.Sort sort, Boolean extensionPending, Boolean imported) {

        HazardQueries.Filter filter() {
            return new HazardQueries.Filter(region, industry, channel, grade, status, listed, listingLevel, overdue, stock,
                    selfCheckMissed, open, enterpriseId, keyword, foundFrom, foundTo, reportedFrom, reportedTo,
                    extensionPending, imported);
        }

        HazardQueries.Sort sortOrDefault() {
            return sort == null ? HazardQueries.Sort.FOUND_DESC : sort;
        }
    }

    @Operation(summary = "隐患列表（按数据范围过滤，可按区域、行业、渠道、等级、状态、挂牌、逾期、存量/增量、日期、待批延期、历史导入筛选；"
            + "keyword 检索编号、企业名称、隐患描述、部位和判定条款文字）")
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
        return new DetailResponse(d, HazardActions.available(d.row(), user), attachments.list(id));
    }

    @Operation(summary = "挂牌督办公示（三公开：平台内所有用户可见）")
    @GetMapping("/listings")
    List<HazardQueries.BoardEntry> listings() {
        return queries.listingBoard(200, CurrentUser.require().scope());
    }

    // ---- creating ----

    record NewHazardRequest(@NotNull UUID enterpriseId, @NotNull Channel channel, @NotNull Grade grade, UUID clauseId,
                            @NotBlank @Size(max = 2000) String description, @NotBlank @Size(max = 200) String location,
                            @NotNull LocalDate foundOn, @NotBlank @Size(max = 100) String foundBy, Shutdown shutdown,
                            Boolean needsCoordination, Boolean fixedOnSpot, LocalDate deadline) {
    }

    record ActionResult(UUID id, String number, HazardStatus status, int version) {
    }

    @Operation(summary = "登记隐患：企业自查上报，或监管部门、举报查实、专家、监测、上级交办登记")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ActionResult create(@Valid @RequestBody NewHazardRequest r) {
        UUID id = service.report(new HazardService.NewHazard(r.enterpriseId(), r.channel(), r.grade(), r.clauseId(),
                r.description(), r.location(), r.foundOn(), r.foundBy(), r.shutdown(), Boolean.TRUE.equals(r.needsCoordination()),
                Boolean.TRUE.equals(r.fixedOnSpot()), r.deadline()));
        return result(id);
    }

    // ---- verbs: each carries the version the caller saw ----

    record Versioned(@NotNull Integer version) {
    }

    record WithReason(@NotNull Integer version, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "安全管理部门确认（两级确认第一级）")
    @PostMapping("/{id}/confirm-department")
    ActionResult confirmDepartment(@PathVariable UUID id, @Valid @RequestBody Versioned r) {
        service.confirmByDepartment(id, r.version());
        return result(id);
    }

    @Operation(summary = "主要负责人确认（两级确认第二级，确认后视为已上报）")
    @PostMapping("/{id}/confirm-principal")
    ActionResult confirmPrincipal(@PathVariable UUID id, @Valid @RequestBody Versioned r) {
        service.confirmByPrincipal(id, r.version());
        return result(id);
    }

    @Operation(summary = "主要负责人退回安全管理部门修改")
    @PostMapping("/{id}/return")
    ActionResult returnForCorrection(@PathVariable UUID id, @Valid @RequestBody WithReason r) {
        service.returnForCorrection(id, r.version(), r.reason());
        return result(id);
    }

    @Operation(summary = "企业签收监管部门等登记的隐患")
    @PostMapping("/{id}/acknowledge")
    ActionResult acknowledge(@PathVariable UUID id, @Valid @RequestBody Versioned r) {
        service.acknowledge(id, r.version());
        return result(id);
    }

    record PlanRequest(@NotNull Integer version, @NotBlank @Size(max = 2000) String objectives,
                       @NotBlank @Size(max = 4000) String measures, @NotNull @PositiveOrZero Long fundingFen,
                       @NotBlank @Size(max = 2000) String materials, @NotBlank @Size(max = 1000) String organisation,
                       @NotBlank @Size(max = 100) String responsiblePerson, @NotNull LocalDate deadline,
                       @NotBlank @Size(max = 4000) String safetyMeasures, @NotBlank @Size(max = 4000) String emergencyPlan,
                       @NotBlank @Size(max = 4000) String interimMeasures) {
    }

    @Operation(summary = "提交整改方案（目标任务、方法措施、经费物资、机构人员、时限要求、安全措施和应急预案，及临时管控措施）")
    @PostMapping("/{id}/plan")
    ActionResult plan(@PathVariable UUID id, @Valid @RequestBody PlanRequest r) {
        service.filePlan(id, r.version(), new HazardDetails.PlanInput(r.objectives(), r.measures(), r.fundingFen(),
                r.materials(), r.organisation(), r.responsiblePerson(), r.deadline(), r.safetyMeasures(),
                r.emergencyPlan(), r.interimMeasures()));
        return result(id);
    }

    record ProgressRequest(@NotNull Integer version, @NotBlank @Size(max = 2000) String summary) {
    }

    @Operation(summary = "报告整改进展（证据照片另行上传附件）")
    @PostMapping("/{id}/progress")
    ActionResult progress(@PathVariable UUID id, @Valid @RequestBody ProgressRequest r) {
        service.reportProgress(id, r.version(), r.summary());
        return result(id);
    }

    record ExtensionRequest(@NotNull Integer version, @NotNull LocalDate deadline, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "申请延期")
    @PostMapping("/{id}/extension-request")
    ActionResult requestExtension(@PathVariable UUID id, @Valid @RequestBody ExtensionRequest r) {
        service.requestExtension(id, r.version(), r.deadline(), r.reason());
        return result(id);
    }

    record ExtensionDecision(@NotNull Integer version, @NotNull Boolean approve, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "监管部门审批延期申请（同意或不同意，须说明理由）")
    @PostMapping("/{id}/extension-decision")
    ActionResult decideExtension(@PathVariable UUID id, @Valid @RequestBody ExtensionDecision r) {
        service.decideExtension(id, r.version(), r.approve(), r.reason());
        return result(id);
    }

    @Operation(summary = "整改完成（一般隐患由企业关闭；重大隐患转入评估）")
    @PostMapping("/{id}/complete")
    ActionResult complete(@PathVariable UUID id, @Valid @RequestBody ProgressRequest r) {
        service.complete(id, r.version(), r.summary());
        return result(id);
    }

    record EvaluationRequest(@NotNull Integer version, @NotBlank String kind, @Size(max = 200) String organisation,
                             @NotBlank @Size(max = 4000) String conclusion, @NotNull LocalDate evaluatedOn) {
    }

    @Operation(summary = "整改效果评估（企业自行评估或第三方评估报告）")
    @PostMapping("/{id}/evaluation")
    ActionResult evaluate(@PathVariable UUID id, @Valid @RequestBody EvaluationRequest r) {
        service.evaluate(id, r.version(), new HazardDetails.EvaluationInput(r.kind(), r.organisation(), r.conclusion(), r.evaluatedOn()));
        return result(id);
    }

    @Operation(summary = "申请销号")
    @PostMapping("/{id}/sign-off-request")
    ActionResult requestSignOff(@PathVariable UUID id, @Valid @RequestBody Versioned r) {
        service.requestSignOff(id, r.version());
        return result(id);
    }

    record SignOffRequest(@NotNull Integer version, @NotBlank @Size(max = 2000) String opinion) {
    }

    @Operation(summary = "现场审核通过，销号（挂牌督办的须由挂牌同级审核）")
    @PostMapping("/{id}/sign-off")
    ActionResult signOff(@PathVariable UUID id, @Valid @RequestBody SignOffRequest r) {
        service.signOff(id, r.version(), r.opinion());
        return result(id);
    }

    record RejectSignOff(@NotNull Integer version, @NotBlank @Size(max = 2000) String reasons, LocalDate deadline) {
    }

    @Operation(summary = "审核不通过，退回整改")
    @PostMapping("/{id}/sign-off-rejection")
    ActionResult rejectSignOff(@PathVariable UUID id, @Valid @RequestBody RejectSignOff r) {
        service.rejectSignOff(id, r.version(), r.reasons(), r.deadline());
        return result(id);
    }

    record ListingRequest(@NotNull Integer version, @NotBlank @Size(max = 100) String documentNumber,
                          UUID supervisingUnitId, @NotNull LocalDate deadline) {
    }

    @Operation(summary = "挂牌督办（市安委办为市级，县级安委办为县级）")
    @PostMapping("/{id}/listing")
    ActionResult list(@PathVariable UUID id, @Valid @RequestBody ListingRequest r) {
        service.list(id, r.version(), new HazardService.ListingInput(r.documentNumber(), r.supervisingUnitId(), r.deadline()));
        return result(id);
    }

    @Operation(summary = "摘牌")
    @PostMapping("/{id}/delisting")
    ActionResult delist(@PathVariable UUID id, @Valid @RequestBody WithReason r) {
        service.delist(id, r.version(), r.reason());
        return result(id);
    }

    record ReopenRequest(@NotNull Integer version, @NotBlank @Size(max = 2000) String reason, @NotNull LocalDate deadline) {
    }

    @Operation(summary = "抽查一般隐患，重新打开")
    @PostMapping("/{id}/reopen")
    ActionResult reopen(@PathVariable UUID id, @Valid @RequestBody ReopenRequest r) {
        service.reopen(id, r.version(), r.reason(), r.deadline());
        return result(id);
    }

    record MergeRequest(@NotNull Integer version, @NotNull UUID into, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "合并重复隐患（两条记录的时间线均保留）")
    @PostMapping("/{id}/merge")
    ActionResult merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest r) {
        service.merge(id, r.version(), r.into(), r.reason());
        return result(id);
    }

    @Operation(summary = "确认不是重复（清除疑似重复标记）")
    @PostMapping("/{id}/not-duplicate")
    ActionResult dismissDuplicate(@PathVariable UUID id, @Valid @RequestBody WithReason r) {
        service.dismissDuplicate(id, r.version(), r.reason());
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
