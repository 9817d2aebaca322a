package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.RoleCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "账号管理")
@RestController
class RoleApiController {

    @Operation(summary = "角色及其数据范围、权限（安全管理员、审计管理员可查看）")
    @GetMapping("/api/v1/roles")
    @PreAuthorize("hasAnyAuthority('PERM_USER_ADMIN', 'PERM_AUDIT_READ')")
    List<RoleCatalog.RoleInfo> roles() {
        return RoleCatalog.all();
    }
}
