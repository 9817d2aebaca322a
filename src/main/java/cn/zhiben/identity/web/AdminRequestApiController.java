package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.AdminGrants;
import cn.zhiben.identity.internal.AdminRequestView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * 三员 two-person rule: requests to create or grant an administrator role, or reset an administrator's password, and
 * their approval by a second administrator (another security administrator or the audit administrator).
 */
@Tag(name = "账号管理")
@RestController
@PreAuthorize("hasAnyAuthority('PERM_USER_ADMIN', 'PERM_AUDIT_READ')")
class AdminRequestApiController {

    private final AdminGrants grants;

    AdminRequestApiController(AdminGrants grants) {
        this.grants = grants;
    }

    @Operation(summary = "管理员授权申请（新建三员账号、授予三员角色、重置管理员密码），最新在前")
    @GetMapping("/api/v1/admin-requests")
    List<AdminRequestView> list(@RequestParam(required = false) String status) {
        return grants.list(status);
    }

    @Operation(summary = "管理员授权申请详情")
    @GetMapping("/api/v1/admin-requests/{id}")
    AdminRequestView get(@PathVariable UUID id) {
        return grants.get(id);
    }

    @Operation(summary = "批准（不能是申请人本人，也不能是申请涉及的账号）：返回该管理员账号的一次性密码（仅此一次，只给批准人）")
    @PostMapping("/api/v1/admin-requests/{id}/approve")
    ResponseEntity<AdminGrants.Approved> approve(@PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(grants.approve(id));
    }

    record Rejection(@Size(max = 500) String reason) {
    }

    @Operation(summary = "驳回（须写明理由）")
    @PostMapping("/api/v1/admin-requests/{id}/reject")
    AdminRequestView reject(@PathVariable UUID id, @RequestBody(required = false) Rejection body) {
        return grants.reject(id, body == null ? null : body.reason());
    }

    @Operation(summary = "申请人撤回申请")
    @PostMapping("/api/v1/admin-requests/{id}/cancel")
    AdminRequestView cancel(@PathVariable UUID id) {
        return grants.cancel(id);
    }
}
