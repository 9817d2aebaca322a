package cn.zhiben.org.web;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Predicate;

/**
 * The reference-data pages in the menu. Shown to every business role and, read-only, to the system administrator,
 * whose configuration work needs the regions and units. The security and audit administrators do not get the menu:
 * their duties (accounts, audit log) do not use these pages. The pages themselves only need a signed-in account,
 * like the read API: this is public information (the plan was published with its attachments).
 */
@Component
class ReferenceNavigation implements NavContributor {

    static final Predicate<CurrentUser> VISIBLE = u -> !u.role().administrator() || u.role() == Role.SYS_ADMIN;

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem("基础数据", "行政区划", "/org/regions", 810, VISIBLE),
                new NavItem("基础数据", "成员单位", "/org/units", 820, VISIBLE),
                new NavItem("基础数据", "领导小组", "/org/leading-group", 830, VISIBLE),
                new NavItem("基础数据", "行业领域", "/org/industries", 840, VISIBLE));
    }
}
