package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.EvidenceStore;
import cn.zhiben.campaign.internal.TaskRepository;
import cn.zhiben.campaign.internal.TaskService;
import cn.zhiben.campaign.internal.TaskStatus;
import cn.zhiben.campaign.internal.CampaignTime;
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

@Tag(name = "治本攻坚·任务", description = "各单位、各县（市、区）的任务：推进、完成（附佐证）、退回、县级分解")
@RestController
@RequestMapping("/api/v1/campaign/tasks")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class TaskApiController {

    private final TaskService tasks;
    private final CampaignTime time;

    TaskApiController(TaskService tasks, CampaignTime time) {
        this.tasks = tasks;
        this.time = time;
    }

    @Operation(summary = "任务列表（市安委办全部；县级安委办本县；单位本单位）")
    @GetMapping
    List<TaskRepository.Row> search(@RequestParam(required = false) UUID programme, @RequestParam(required = false) UUID measure,
                                    @RequestParam(required = false) TaskStatus status,
                                    @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) UUID unit,
                                    @RequestParam(required = false) String region,
                                    @RequestParam(defaultValue = "500") int limit) {
        CampaignWeb.requireParticipant();
        return tasks.search(new TaskRepository.Filter(programme, measure, status, overdue, unit, region, time.today()), limit);
    }

    @Operation(summary = "任务详情：措施与目标、办理记录、佐证材料、当前账号可执行的操作")
    @GetMapping("/{id}")
    TaskService.Detail detail(@PathVariable UUID id) {
        CampaignWeb.requireParticipant();
        return tasks.detail(id);
    }

    record NoteRequest(Integer version, String note) {
    }

    record ProgressRequest(Integer version, String note, Integer percent) {
    }

    record CompleteRequest(Integer version, String note, LocalDate completedOn) {
    }

    record DelegateRequest(Integer version, List<UUID> unitIds) {
    }

    record Result(UUID id, TaskStatus status, int version) {
    }

    @Operation(summary = "开始推进")
    @PostMapping("/{id}/start")
    Result start(@PathVariable UUID id, @RequestBody NoteRequest r) {
        CampaignWeb.requireParticipant();
        tasks.start(id, r.version(), r.note());
        return result(id);
    }

    @Operation(summary = "报告进展（进度 0–99%）")
    @PostMapping("/{id}/progress")
    Result progress(@PathVariable UUID id, @RequestBody ProgressRequest r) {
        CampaignWeb.requireParticipant();
        tasks.progress(id, r.version(), r.note(), r.percent());
        return result(id);
    }

    @Operation(summary = "报告完成（完成日期不晚于今天；可补录过去完成的事项）")
    @PostMapping("/{id}/complete")
    Result complete(@PathVariable UUID id, @RequestBody CompleteRequest r) {
        CampaignWeb.requireParticipant();
        tasks.complete(id, r.version(), r.note(), r.completedOn());
        return result(id);
    }

    @Operation(summary = "上级安委办退回已完成的任务（须说明理由）")
    @PostMapping("/{id}/reopen")
    Result reopen(@PathVariable UUID id, @RequestBody NoteRequest r) {
        CampaignWeb.requireParticipant();
        tasks.reopen(id, r.version(), r.note());
        return result(id);
    }

    record Delegated(List<UUID> taskIds) {
    }

    @Operation(summary = "县级安委办把任务分解到本县部门")
    @PostMapping("/{id}/delegate")
    Delegated delegate(@PathVariable UUID id, @RequestBody DelegateRequest r) {
        CampaignWeb.requireParticipant();
        return new Delegated(tasks.delegate(id, r.version(), r.unitIds()));
    }

    @Operation(summary = "上传佐证材料（PDF、图片、Word/Excel、OFD）")
    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    EvidenceStore.Attachment upload(@PathVariable UUID id, @RequestPart(value = "file", required = false) MultipartFile file) {
        CampaignWeb.requireParticipant();
        return tasks.attach(id, file);
    }

    @Operation(summary = "下载佐证材料（按任务的数据范围校验）")
    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID attachmentId) {
        CampaignWeb.requireParticipant();
        return WebFiles.attachment(tasks.download(attachmentId));
    }

    private Result result(UUID id) {
        TaskService.Detail d = tasks.detail(id);
        return new Result(id, d.task().status(), d.task().version());
    }
}
