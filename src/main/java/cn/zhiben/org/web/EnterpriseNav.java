package cn.zhiben.org.web;

import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class EnterpriseNav implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("基础数据", "企业", "/org/enterprises", 150, u -> u.can(Permission.BUSINESS_READ)));
    }
}
