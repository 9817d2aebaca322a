package cn.zhiben.identity.web;

import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class IdentityNav implements NavContributor {

    static final String GROUP = "系统管理";

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem(GROUP, "账号管理", "/admin/users", 910, u -> u.can(Permission.USER_ADMIN)),
                new NavItem(GROUP, "管理员授权审批", "/admin/requests", 915,
                        u -> u.can(Permission.USER_ADMIN) || u.can(Permission.AUDIT_READ)),
                new NavItem(GROUP, "角色与权限", "/admin/roles", 920,
                        u -> u.can(Permission.USER_ADMIN) || u.can(Permission.AUDIT_READ)));
    }
}
