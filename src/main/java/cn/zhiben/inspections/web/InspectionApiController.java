package cn.zhiben.inspections.web;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.inspections.internal.Actors;
import cn.zhiben.inspections.internal.DocumentNumbers;
import cn.zhiben.inspections.internal.Inspection;
import cn.zhiben.inspections.internal.InspectionDocuments;
import cn.zhiben.inspections.internal.InspectionService;
import cn.zhiben.inspections.internal.InspectionViews;
import cn.zhiben.inspections.internal.PlanKind;
import cn.zhiben.inspections.internal.UnitRef;
import cn.zhiben.inspections.internal.ZeroPenaltyWatch;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.Checklist;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Tag(name = "现场检查", description = "检查记录：检查项、隐患（转入隐患闭环）、照片、双方签名、企业签收、复查、文书")
@RestController
@RequestMapping("/api/v1/inspections")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class InspectionApiController {

    private final InspectionService service;
    private final InspectionViews views;
    private final InspectionDocuments documents;
    private final ZeroPenaltyWatch watch;
    private final DocumentNumbers numbers;
    private final Actors actors;
    private final java.time.Clock clock;

    InspectionApiController(InspectionService service, InspectionViews views, InspectionDocuments documents,
                            ZeroPenaltyWatch watch, DocumentNumbers numbers, Actors actors,
                            java.time.Clock clock) {
        this.service = service;
        this.views = views;
        this.documents = documents;
        this.watch = watch;
        this.numbers = numbers;
        this.actors = actors;
        this.clock = clock;
    }

    record Created(UUID id) {
    }

    record NewInspectionRequest(UUID planId, UUID enterpriseId, PlanKind kind, List<UUID> officerIds, LocalDate plannedFrom,
                                LocalDate plannedTo) {
    }

    record VersionRequest(@NotNull Integer version) {
    }

    record StartRequest(@NotNull Integer version, String place) {
    }

    record ItemsRequest(List<InspectionService.ItemInput> items) {
    }

    record FindingRequest(UUID id, Grade grade, UUID clauseId, String description, String location, Shutdown shutdown,
                          LocalDate deadline, UUID expertId) {
    }

    record RefusalRequest(@NotNull Integer version, String signerName, String note) {
    }

    record CompleteRequest(@NotNull Integer version, String summary, String handling) {
    }

    record CancelRequest(@NotNull Integer version, String reason) {
    }

    record ExpertRequest(UUID expertId) {
    }

    record EvaluationRequest(Integer score, String comment) {
    }

    record Completed(String number) {
    }

    @Operation(summary = "检查列表（按数据范围；四不两直的检查在开始前只对检查单位和检查组可见）")
    @GetMapping
    List<InspectionViews.InspectionRow> list(@RequestParam(required = false) Inspection.Status status,
                                             @RequestParam(required = false) UUID enterpriseId,
                                             @RequestParam(required = false) UUID planId,
                                             @RequestParam(defaultValue = "false") boolean mine) {
        return views.inspections(CurrentUser.require(), new InspectionViews.Filter(status, enterpriseId, planId, mine), 500);
    }

    @Operation(summary = "安排检查（不经随机抽取；须在本单位区域和监管行业内，至少两名执法人员）")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody NewInspectionRequest r) {
        return new Created(service.create(new InspectionService.NewInspection(r.planId(), r.enterpriseId(), r.kind(),
                r.officerIds(), r.plannedFrom(), r.plannedTo())));
    }

    @Operation(summary = "检查详情（检查项、隐患及其办理状态、照片、签名、决定、复查、时间线、可执行的操作）")
    @GetMapping("/{id}")
    InspectionViews.InspectionView detail(@PathVariable UUID id) {
        var actor = actors.current();
        return views.inspection(service.visible(id, actor), actor);
    }

    @Operation(summary = "被检查企业在检查日期适用的检查清单（标准库）")
    @GetMapping("/{id}/checklist")
    Checklist checklist(@PathVariable UUID id) {
        return service.checklist(id);
    }

    @Operation(summary = "开始现场检查（检查组执法人员；四不两直的目标自此公开）")
    @PostMapping("/{id}/start")
    void start(@PathVariable UUID id, @Valid @RequestBody StartRequest r) {
        service.start(id, r.version(), r.place());
    }

    @Operation(summary = "记录检查项（清单条款或自定义内容：符合、发现问题、不适用）")
    @PostMapping("/{id}/items")
    void items(@PathVariable UUID id, @RequestBody ItemsRequest r) {
        service.recordItems(id, r.items());
    }

    @Operation(summary = "记录隐患：成为隐患闭环中的一条隐患（部门检查或专家渠道），重大隐患须引用判定条款；以 id 幂等，重试不重复登记")
    @PostMapping("/{id}/findings")
    ResponseEntity<InspectionService.FindingResult> finding(@PathVariable UUID id, @RequestBody FindingRequest r) {
        var result = service.addFinding(id, new InspectionService.FindingInput(r.id(), r.grade(), r.clauseId(),
                r.description(), r.location(), r.shutdown(), r.deadline(), r.expertId()));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @Operation(summary = "上传现场照片（JPEG/PNG/WebP，可关联到某条隐患）")
    @PostMapping(value = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Created photo(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
                  @RequestParam(required = false) UUID findingId) throws IOException {
        return new Created(service.addPhoto(id, findingId, file.getOriginalFilename(), file.getBytes()));
    }

    @Operation(summary = "查看照片")
    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photoFile(@PathVariable UUID id, @PathVariable UUID photoId) {
        return photo(service, id, photoId);
    }

    /** The photo as an answer of its own content type, cached privately, never sniffed. */
    static ResponseEntity<byte[]> photo(InspectionService service, UUID id, UUID photoId) {
        InspectionService.Photo p = service.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .header("X-Content-Type-Options", "nosniff").body(p.bytes());
    }

    @Operation(summary = "现场签名（手写签名 PNG：执法人员或被检查单位负责人）")
    @PostMapping("/{id}/signatures")
    void sign(@PathVariable UUID id, @RequestBody InspectionService.SignatureInput r) {
        service.sign(id, r);
    }

    @Operation(summary = "记录被检查单位拒绝签字（安全生产法第六十八条）")
    @PostMapping("/{id}/refusal")
    void refusal(@PathVariable UUID id, @Valid @RequestBody RefusalRequest r) {
        service.recordRefusal(id, r.version(), r.signerName(), r.note());
    }

    @Operation(summary = "完成检查记录：须有检查情况、检查项、双方签名（或拒签记录），取得文书编号")
    @PostMapping("/{id}/complete")
    Completed complete(@PathVariable UUID id, @Valid @RequestBody CompleteRequest r) {
        return new Completed(service.complete(id, r.version(), r.summary(), r.handling()));
    }

    @Operation(summary = "企业签收检查记录")
    @PostMapping("/{id}/acknowledge")
    void acknowledge(@PathVariable UUID id, @Valid @RequestBody VersionRequest r) {
        service.acknowledge(id, r.version());
    }

    @Operation(summary = "取消未开始的检查（须说明原因）")
    @PostMapping("/{id}/cancel")
    void cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest r) {
        service.cancel(id, r.version(), r.reason());
    }

    @Operation(summary = "指派专家（专业对口、在聘、无回避事由）")
    @PostMapping("/{id}/experts")
    @ResponseStatus(HttpStatus.CREATED)
    Created assignExpert(@PathVariable UUID id, @RequestBody ExpertRequest r) {
        return new Created(service.assignExpert(id, r.expertId()));
    }

    @Operation(summary = "检查完成后评价专家（1–5 分）")
    @PostMapping("/{id}/experts/{assignmentId}/evaluation")
    void evaluate(@PathVariable UUID id, @PathVariable UUID assignmentId, @RequestBody EvaluationRequest r) {
        service.evaluateExpert(id, assignmentId, r.score(), r.comment());
    }

    @Operation(summary = "复查（整改复查意见书，编号）")
    @PostMapping("/{id}/reinspections")
    @ResponseStatus(HttpStatus.CREATED)
    Created reinspect(@PathVariable UUID id, @RequestBody InspectionService.ReinspectionInput r) {
        return new Created(service.reinspect(id, new InspectionService.ReinspectionInput(r.on(), r.passed(), r.note(), null)));
    }

    @Operation(summary = "现场检查记录 PDF")
    @GetMapping("/{id}/record.pdf")
    ResponseEntity<byte[]> record(@PathVariable UUID id) {
        var actor = actors.current();
        var view = views.inspection(service.visible(id, actor), actor);
        if (view.number() == null) {
            throw ProblemException.conflict("INSPECTION_NOT_COMPLETED", "检查记录完成后才有文书");
        }
        return Pdfs.inline(documents.inspectionRecord(view), "现场检查记录 " + view.number());
    }

    @Operation(summary = "整改复查意见书 PDF")
    @GetMapping("/{id}/reinspections/{reinspectionId}/document.pdf")
    ResponseEntity<byte[]> reinspection(@PathVariable UUID id, @PathVariable UUID reinspectionId) {
        var actor = actors.current();
        var view = views.inspection(service.visible(id, actor), actor);
        var r = view.reinspections().stream().filter(x -> x.id().equals(reinspectionId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("REINSPECTION_NOT_FOUND", "复查记录不存在"));
        return Pdfs.inline(documents.reinspection(view, r), "整改复查意见书 " + r.number());
    }

    @Operation(summary = "零处罚监测：按单位统计检查、重大隐患、决定、罚款，列出应约谈的单位（第32项）")
    @GetMapping("/zero-penalty")
    ZeroPenaltyWatch.Watch zeroPenalty(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                       @RequestParam(required = false) Integer minMajor,
                                       @RequestParam(required = false) Integer minInspections) {
        CurrentUser user = CurrentUser.require();
        if (!ZeroPenaltyWatch.mayView(user)) {
            throw ProblemException.forbidden("WATCH_FORBIDDEN", "零处罚监测供安委办和监管部门使用");
        }
        return watch.watch(user, from, to, minMajor, minInspections);
    }

    record Prefix(String prefix, boolean configured, String example) {
    }

    record PrefixRequest(String prefix) {
    }

    @Operation(summary = "本单位文书编号的机关代字")
    @GetMapping("/document-prefix")
    Prefix prefix() {
        UnitRef unit = unit();
        String p = numbers.prefix(unit);
        return new Prefix(p, numbers.configured(unit).isPresent(), p + "检记〔" + LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE)).getYear() + "〕1号");
    }

    @Operation(summary = "设置本单位文书编号的机关代字（如 晋泽应急）")
    @PutMapping("/document-prefix")
    Prefix setPrefix(@RequestBody PrefixRequest r) {
        numbers.setPrefix(unit(), r.prefix());
        return prefix();
    }

    private UnitRef unit() {
        return UnitRef.of(CurrentUser.require()).orElseThrow(() -> ProblemException.forbidden("INSPECTION_UNIT_REQUIRED",
                "只有负有安全生产监管职责的部门账号可以设置"));
    }
}
