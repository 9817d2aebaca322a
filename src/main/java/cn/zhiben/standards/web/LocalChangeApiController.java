package cn.zhiben.standards.web;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.standards.internal.LocalChange;
import cn.zhiben.standards.internal.LocalChanges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Tag(name = "标准库·本地条款", description = "成员单位起草本地条款或修正，市安委办审批；批准前不使用")
@RestController
@RequestMapping("/api/v1/standards/local-changes")
class LocalChangeApiController {

    private final LocalChanges changes;

    LocalChangeApiController(LocalChanges changes) {
        this.changes = changes;
    }

    record DraftRequest(LocalChange.Kind kind, UUID versionId, UUID clauseId, String clauseNo, String categoryCode,
                        String summary, List<String> industries, String specialOperation, String docNo, String reason,
                        LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    record DecisionRequest(String note, String reason) {
    }

    @Operation(summary = "本地条款列表：市安委办看全部，成员单位看本单位")
    @GetMapping
    @PreAuthorize("hasAnyAuthority('PERM_STANDARD_DRAFT', 'PERM_STANDARD_APPROVE')")
    List<LocalChange> list(@RequestParam(required = false) LocalChange.Status status) {
        return changes.list(CurrentUser.require(), status);
    }

    @Operation(summary = "本地条款详情及流转记录")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('PERM_STANDARD_DRAFT', 'PERM_STANDARD_APPROVE')")
    LocalChanges.View get(@PathVariable UUID id) {
        return changes.view(id, CurrentUser.require());
    }

    @Operation(summary = "起草本地条款（ADD）或条款修正（CORRECT），须有文号和理由")
    @PostMapping
    @PreAuthorize("hasAuthority('PERM_STANDARD_DRAFT')")
    ResponseEntity<LocalChange> draft(@RequestBody DraftRequest r) {
        LocalChange c = changes.draft(new LocalChanges.Draft(r.kind(), r.versionId(), r.clauseId(), r.clauseNo(),
                r.categoryCode(), r.summary(), r.industries(), r.specialOperation(), r.docNo(), r.reason(),
                r.effectiveFrom(), r.effectiveTo()), CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/standards/local-changes/" + c.id())).body(c);
    }

    @Operation(summary = "批准（市安委办）：自施行日期起进入检查清单")
    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('PERM_STANDARD_APPROVE')")
    LocalChange approve(@PathVariable UUID id, @RequestBody(required = false) DecisionRequest r) {
        return changes.approve(id, r == null ? null : r.note(), CurrentUser.require());
    }

    @Operation(summary = "退回（市安委办），须说明理由")
    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('PERM_STANDARD_APPROVE')")
    LocalChange reject(@PathVariable UUID id, @RequestBody(required = false) DecisionRequest r) {
        return changes.reject(id, r == null ? null : r.reason(), CurrentUser.require());
    }

    @Operation(summary = "撤回本单位的待审批本地条款")
    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('PERM_STANDARD_DRAFT')")
    LocalChange withdraw(@PathVariable UUID id) {
        return changes.withdraw(id, CurrentUser.require());
    }
}
