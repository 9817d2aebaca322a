package cn.zhiben.audit.web;

import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class AuditNav implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("系统管理", "审计日志", "/audit", 930, u -> u.can(Permission.AUDIT_READ)));
    }
}
