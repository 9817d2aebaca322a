package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.Page;
import cn.zhiben.identity.internal.UserAdminService;
import cn.zhiben.identity.internal.UserFilter;
import cn.zhiben.identity.internal.UserView;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Account administration: security administrator only (三员分立, 等保 GB/T 22239-2019 8.1.4.2). */
@Tag(name = "账号管理", description = "安全管理员管理账号、角色与数据范围")
@RestController
@PreAuthorize("hasAuthority('PERM_USER_ADMIN')")
class UserAdminApiController {

    private final UserAdminService admin;

    UserAdminApiController(UserAdminService admin) {
        this.admin = admin;
    }

    record CreateRequest(@NotBlank @Size(max = 32) String username, @NotBlank @Size(max = 64) String displayName,
                         @NotNull Role role, @Size(max = 32) String regionCode, UUID unitId, UUID enterpriseId,
                         CurrentUser.EnterprisePosition enterprisePosition) {
    }

    record UpdateRequest(@NotBlank @Size(max = 64) String displayName, @NotNull Role role, @Size(max = 32) String regionCode,
                         UUID unitId, UUID enterpriseId, Integer version, CurrentUser.EnterprisePosition enterprisePosition) {
    }

    /** The one-time password appears in this answer only; the client must show it and forget it. */
    record WithPassword(UserView user, String oneTimePassword) {
        static WithPassword of(UserAdminService.WithPassword w) {
            return new WithPassword(w.user(), w.oneTimePassword());
        }
    }

    @Operation(summary = "账号列表（按角色、区划、关键字、启用、锁定筛选，分页）")
    @GetMapping("/api/v1/users")
    Page<UserView> list(@RequestParam(required = false) Role role, @RequestParam(required = false) String region,
                        @RequestParam(required = false) String keyword, @RequestParam(required = false) Boolean enabled,
                        @RequestParam(required = false) Boolean locked, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "20") int size) {
        return admin.list(new UserFilter(role, region, keyword, enabled, locked, page, size));
    }

    @Operation(summary = "账号详情")
    @GetMapping("/api/v1/users/{id}")
    UserView get(@PathVariable UUID id) {
        return admin.get(id);
    }

    @Operation(summary = "新建账号：返回一次性初始密码（仅此一次），首次登录须修改。三员角色（系统、安全、审计管理员）"
            + "只提交申请（202），由另一名管理员审批：POST /api/v1/admin-requests/{id}/approve")
    @PostMapping("/api/v1/users")
    ResponseEntity<?> create(@Valid @RequestBody CreateRequest r) {
        var created = admin.create(new UserAdminService.NewUser(r.username(), r.displayName(), r.role(), r.regionCode(),
                r.unitId(), r.enterpriseId(), r.enterprisePosition()));
        if (created.isPending()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(created.pending());
        }
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(WithPassword.of(created.done()));
    }

    @Operation(summary = "修改姓名、角色、数据范围（角色或范围变更后该账号的会话与令牌立即失效）；授予三员角色只提交申请（202）")
    @PutMapping("/api/v1/users/{id}")
    ResponseEntity<?> update(@PathVariable UUID id, @Valid @RequestBody UpdateRequest r) {
        var updated = admin.update(id, new UserAdminService.UserChange(r.displayName(), r.role(), r.regionCode(), r.unitId(),
                r.enterpriseId(), r.version(), r.enterprisePosition()));
        return updated.isPending() ? ResponseEntity.status(HttpStatus.ACCEPTED).body(updated.pending()) : ResponseEntity.ok(updated.done());
    }

    @Operation(summary = "重置密码：返回一次性密码（仅此一次），下次登录须修改；同时解除锁定。管理员账号只提交申请（202）")
    @PostMapping("/api/v1/users/{id}/reset-password")
    ResponseEntity<?> resetPassword(@PathVariable UUID id) {
        var reset = admin.resetPassword(id);
        if (reset.isPending()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(reset.pending());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(WithPassword.of(reset.done()));
    }

    @Operation(summary = "解除登录失败锁定")
    @PostMapping("/api/v1/users/{id}/unlock")
    UserView unlock(@PathVariable UUID id) {
        return admin.unlock(id);
    }

    @Operation(summary = "停用账号（其会话与令牌立即失效）")
    @PostMapping("/api/v1/users/{id}/disable")
    UserView disable(@PathVariable UUID id) {
        return admin.disable(id);
    }

    @Operation(summary = "启用账号")
    @PostMapping("/api/v1/users/{id}/enable")
    UserView enable(@PathVariable UUID id) {
        return admin.enable(id);
    }

    @Operation(summary = "重置动态口令（账号须重新绑定身份验证器）")
    @PostMapping("/api/v1/users/{id}/reset-totp")
    UserView resetTotp(@PathVariable UUID id) {
        return admin.resetTotp(id);
    }
}
