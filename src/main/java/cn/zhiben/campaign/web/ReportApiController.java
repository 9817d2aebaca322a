package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.CampaignTime;
import cn.zhiben.campaign.internal.EvidenceStore;
import cn.zhiben.campaign.internal.Figures;
import cn.zhiben.campaign.internal.ReportKind;
import cn.zhiben.campaign.internal.ReportRepository;
import cn.zhiben.campaign.internal.ReportService;
import cn.zhiben.campaign.internal.ReportStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Tag(name = "治本攻坚·报送", description = "月度进展、年度总结、三年评估报告、方案和清单备案：填报（数字自动预填）、报送、审阅、退回、代录")
@RestController
@RequestMapping("/api/v1/campaign/reports")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class ReportApiController {

    private final ReportService reports;
    private final CampaignTime time;

    ReportApiController(ReportService reports, CampaignTime time) {
        this.reports = reports;
        this.time = time;
    }

    @Operation(summary = "报送事项（市安委办全部；县级安委办本县；单位本单位），可筛选逾期未报（late=true）")
    @GetMapping
    List<ReportRepository.Row> search(@RequestParam(required = false) UUID programme,
                                      @RequestParam(required = false) ReportKind kind,
                                      @RequestParam(required = false) String period,
                                      @RequestParam(required = false) ReportStatus status,
                                      @RequestParam(required = false) Boolean late,
                                      @RequestParam(required = false) Boolean open,
                                      @RequestParam(required = false) UUID unit,
                                      @RequestParam(required = false) String region,
                                      @RequestParam(defaultValue = "500") int limit) {
        CampaignWeb.requireParticipant();
        return reports.search(new ReportRepository.Filter(programme, kind, period, status, late, open, unit, region,
                time.today()), limit);
    }

    @Operation(summary = "报送详情（待报送时含平台统计的预填数字）")
    @GetMapping("/{id}")
    ReportService.Detail detail(@PathVariable UUID id) {
        CampaignWeb.requireParticipant();
        return reports.detail(id);
    }

    record ContentRequest(Integer version, String content, Figures figures) {
    }

    record RecordRequest(Integer version, LocalDate receivedOn, String note) {
    }

    record NoteRequest(Integer version, String note) {
    }

    record Result(UUID id, ReportStatus status, Boolean onTime, int version) {
    }

    @Operation(summary = "保存草稿")
    @PutMapping("/{id}/draft")
    Result draft(@PathVariable UUID id, @RequestBody ContentRequest r) {
        CampaignWeb.requireParticipant();
        reports.saveDraft(id, r.version(), r.content(), r.figures());
        return result(id);
    }

    @Operation(summary = "报送（首次报送时按 Asia/Shanghai 日期判定是否按时）")
    @PostMapping("/{id}/submit")
    Result submit(@PathVariable UUID id, @RequestBody ContentRequest r) {
        CampaignWeb.requireParticipant();
        reports.submit(id, r.version(), r.content(), r.figures());
        return result(id);
    }

    @Operation(summary = "市安委办代录线下报送（按收到日期判定是否按时）")
    @PostMapping("/{id}/record")
    Result record(@PathVariable UUID id, @RequestBody RecordRequest r) {
        CampaignWeb.requireParticipant();
        reports.recordReceived(id, r.version(), r.receivedOn(), r.note());
        return result(id);
    }

    @Operation(summary = "退回修改（须说明理由）")
    @PostMapping("/{id}/return")
    Result returnForRevision(@PathVariable UUID id, @RequestBody NoteRequest r) {
        CampaignWeb.requireParticipant();
        reports.returnForRevision(id, r.version(), r.note());
        return result(id);
    }

    @Operation(summary = "审阅通过（备案类事项即为备案）")
    @PostMapping("/{id}/accept")
    Result accept(@PathVariable UUID id, @RequestBody NoteRequest r) {
        CampaignWeb.requireParticipant();
        reports.accept(id, r.version(), r.note());
        return result(id);
    }

    @Operation(summary = "上传附件")
    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    EvidenceStore.Attachment upload(@PathVariable UUID id, @RequestPart(value = "file", required = false) MultipartFile file) {
        CampaignWeb.requireParticipant();
        return reports.attach(id, file);
    }

    @Operation(summary = "下载附件（按报送事项的数据范围校验）")
    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID attachmentId) {
        CampaignWeb.requireParticipant();
        return WebFiles.attachment(reports.download(attachmentId));
    }

    private Result result(UUID id) {
        ReportService.Detail d = reports.detail(id);
        return new Result(id, d.status(), d.onTime(), d.version());
    }
}
