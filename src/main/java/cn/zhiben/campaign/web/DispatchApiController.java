package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.Addressee;
import cn.zhiben.campaign.internal.CampaignTime;
import cn.zhiben.campaign.internal.DispatchKind;
import cn.zhiben.campaign.internal.DispatchRepository;
import cn.zhiben.campaign.internal.DispatchService;
import cn.zhiben.campaign.internal.EvidenceStore;
import cn.zhiben.campaign.internal.RecipientStatus;
import cn.zhiben.campaign.internal.SupervisionKind;
import cn.zhiben.campaign.internal.SupervisionRepository;
import cn.zhiben.campaign.internal.SupervisionService;
import cn.zhiben.campaign.internal.SupervisionStatus;
import cn.zhiben.campaign.internal.Views;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Tag(name = "治本攻坚·调度督办", description = "两级调度、督办函（答复、退回、办结、逾期升级）与函告、通报、约谈、曝光、移交记录")
@RestController
@RequestMapping("/api/v1/campaign")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class DispatchApiController {

    private final DispatchService dispatches;
    private final SupervisionService supervision;
    private final CampaignTime time;

    DispatchApiController(DispatchService dispatches, SupervisionService supervision, CampaignTime time) {
        this.dispatches = dispatches;
        this.supervision = supervision;
        this.time = time;
    }

    // ---- dispatches ----

    @Operation(summary = "调度事项（box=RECEIVED 收到的，SENT 本级发出的，ALL 范围内全部；overdue=true 逾期未答复或逾期答复）")
    @GetMapping("/dispatches")
    List<Views.DispatchView> search(@RequestParam(defaultValue = "ALL") DispatchRepository.Box box,
                                    @RequestParam(required = false) UUID programme,
                                    @RequestParam(required = false) DispatchKind kind,
                                    @RequestParam(required = false) RecipientStatus status,
                                    @RequestParam(required = false) Boolean overdue,
                                    @RequestParam(defaultValue = "500") int limit) {
        CampaignWeb.requireParticipant();
        return dispatches.search(new DispatchRepository.Filter(programme, kind, status, overdue, box, null, time.today()), limit);
    }

    record AddresseeRequest(UUID unitId, String regionCode) {
    }

    record SendRequest(UUID programmeId, DispatchKind kind, String subject, String body, LocalDate dueOn,
                       List<AddresseeRequest> to, String refType, UUID refId) {
    }

    @Operation(summary = "发出调度或督办函（市安委办可发给成员单位、县级安委办和县级部门；县级安委办只能发给本县部门）")
    @PostMapping("/dispatches")
    @ResponseStatus(HttpStatus.CREATED)
    DispatchService.Sent send(@RequestBody SendRequest r) {
        if (!DispatchService.maySend(CurrentUser.require())) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "调度和督办函由市、县两级安委办发出");
        }
        List<Addressee> to = r.to() == null ? List.of() : r.to().stream().map(a -> {
            if (a == null || (a.unitId() == null && a.regionCode() == null)) {
                throw ProblemException.badRequest("DISPATCH_ADDRESSEE_INVALID", "调度对象须给出单位（unitId）或县（市、区）（regionCode）");
            }
            return new Addressee(a.unitId(), a.regionCode());
        }).toList();
        return dispatches.send(new DispatchService.SendInput(r.programmeId(), r.kind(), r.subject(), r.body(), r.dueOn(), to,
                r.refType(), r.refId()));
    }

    @Operation(summary = "调度事项详情（id 为某一对象的答复单；发出方同时看到全部对象的答复情况）")
    @GetMapping("/dispatches/{id}")
    DispatchService.Detail detail(@PathVariable UUID id) {
        CampaignWeb.requireParticipant();
        return dispatches.detail(id);
    }

    record AnswerRequest(Integer version, String answer) {
    }

    record ReturnRequest(Integer version, String reason, LocalDate dueOn) {
    }

    record NoteRequest(Integer version, String note) {
    }

    record Result(UUID id, RecipientStatus status, Boolean onTime, int version) {
    }

    @Operation(summary = "答复（只有被调度的单位可以答复）")
    @PostMapping("/dispatches/{id}/answer")
    Result answer(@PathVariable UUID id, @RequestBody AnswerRequest r) {
        CampaignWeb.requireParticipant();
        dispatches.answer(id, r.version(), r.answer());
        return result(id);
    }

    @Operation(summary = "发出方退回答复，限期重新答复")
    @PostMapping("/dispatches/{id}/return")
    Result returnAnswer(@PathVariable UUID id, @RequestBody ReturnRequest r) {
        CampaignWeb.requireParticipant();
        dispatches.returnAnswer(id, r.version(), r.reason(), r.dueOn());
        return result(id);
    }

    @Operation(summary = "发出方办结")
    @PostMapping("/dispatches/{id}/close")
    Result close(@PathVariable UUID id, @RequestBody NoteRequest r) {
        CampaignWeb.requireParticipant();
        dispatches.close(id, r.version(), r.note());
        return result(id);
    }

    @Operation(summary = "答复附件")
    @PostMapping(path = "/dispatches/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    EvidenceStore.Attachment upload(@PathVariable UUID id, @RequestPart(value = "file", required = false) MultipartFile file) {
        CampaignWeb.requireParticipant();
        return dispatches.attach(id, file);
    }

    @Operation(summary = "下载答复附件")
    @GetMapping("/dispatches/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID attachmentId) {
        CampaignWeb.requireParticipant();
        return WebFiles.attachment(dispatches.download(attachmentId));
    }

    private Result result(UUID id) {
        DispatchService.Detail d = dispatches.detail(id);
        return new Result(id, d.dispatch().status(), d.dispatch().onTime(), d.dispatch().version());
    }

    // ---- supervision records ----

    @Operation(summary = "督办问责记录（函告、通报、约谈、曝光、移交、表扬；公开的记录所有参与单位可见）")
    @GetMapping("/supervision")
    List<Views.SupervisionView> records(@RequestParam(required = false) UUID programme,
                                        @RequestParam(required = false) SupervisionKind kind,
                                        @RequestParam(required = false) SupervisionStatus status,
                                        @RequestParam(required = false) Boolean published,
                                        @RequestParam(defaultValue = "500") int limit) {
        CampaignWeb.requireParticipant();
        return supervision.search(new SupervisionRepository.Filter(programme, kind, status, published), limit);
    }

    record IssueRequest(UUID programmeId, SupervisionKind kind, UUID unitId, String regionCode, String subject,
                        String facts, LocalDate decidedOn, String documentNumber, Boolean published, String refType,
                        UUID refId) {
    }

    record Created(UUID id) {
    }

    @Operation(summary = "下达督办记录")
    @PostMapping("/supervision")
    @ResponseStatus(HttpStatus.CREATED)
    Created issue(@RequestBody IssueRequest r) {
        if (!SupervisionService.mayIssue(CurrentUser.require())) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "督办记录由市、县两级安委办下达");
        }
        if (r.unitId() == null && r.regionCode() == null) {
            throw ProblemException.badRequest("SUPERVISION_TARGET_REQUIRED", "请选择督办对象");
        }
        return new Created(supervision.issue(new SupervisionService.IssueInput(r.programmeId(), r.kind(),
                new Addressee(r.unitId(), r.regionCode()), r.subject(), r.facts(), r.decidedOn(), r.documentNumber(),
                Boolean.TRUE.equals(r.published()), r.refType(), r.refId())));
    }

    @Operation(summary = "督办记录详情")
    @GetMapping("/supervision/{id}")
    SupervisionService.Detail record(@PathVariable UUID id) {
        CampaignWeb.requireParticipant();
        return supervision.detail(id);
    }

    record FeedbackRequest(Integer version, String feedback) {
    }

    @Operation(summary = "被督办单位反馈整改情况")
    @PostMapping("/supervision/{id}/feedback")
    Views.SupervisionView feedback(@PathVariable UUID id, @RequestBody FeedbackRequest r) {
        CampaignWeb.requireParticipant();
        supervision.feedback(id, r.version(), r.feedback());
        return supervision.detail(id).record();
    }

    @Operation(summary = "下达的安委办办结（一闭环）")
    @PostMapping("/supervision/{id}/close")
    Views.SupervisionView closeRecord(@PathVariable UUID id, @RequestBody NoteRequest r) {
        CampaignWeb.requireParticipant();
        supervision.close(id, r.version(), r.note());
        return supervision.detail(id).record();
    }

    @Operation(summary = "上传督办文书或整改材料")
    @PostMapping(path = "/supervision/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    EvidenceStore.Attachment uploadRecord(@PathVariable UUID id,
                                          @RequestPart(value = "file", required = false) MultipartFile file) {
        CampaignWeb.requireParticipant();
        return supervision.attach(id, file);
    }

    @Operation(summary = "下载督办文书或整改材料")
    @GetMapping("/supervision/attachments/{attachmentId}")
    ResponseEntity<byte[]> downloadRecord(@PathVariable UUID attachmentId) {
        CampaignWeb.requireParticipant();
        return WebFiles.attachment(supervision.download(attachmentId));
    }
}
