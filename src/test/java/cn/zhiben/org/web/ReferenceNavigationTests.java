package cn.zhiben.org.web;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.ui.NavItem;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees the reference-data pages in the menu: every business role and the system administrator. */
class ReferenceNavigationTests {

    private static CurrentUser user(Role role) {
        return new CurrentUser(UUID.randomUUID(), "u", "用户", role, DataScope.city(), null, null, Set.of());
    }

    @Test
    void businessRolesAndTheSystemAdministratorSeeTheFourPages() {
        var items = new ReferenceNavigation().navItems();
        assertThat(items).extracting(NavItem::label).containsExactly("行政区划", "成员单位", "领导小组", "行业领域");
        assertThat(items).extracting(NavItem::group).containsOnly("基础数据");
        Set<Role> seeing = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (items.stream().allMatch(i -> i.visible().test(user(role)))) {
                seeing.add(role);
            } else {
                assertThat(items).noneMatch(i -> i.visible().test(user(role)));
            }
        }
        assertThat(seeing).containsExactlyInAnyOrder(Role.CITY_OFFICE, Role.MEMBER_UNIT, Role.COUNTY_OFFICE,
                Role.COUNTY_UNIT, Role.TOWNSHIP, Role.ENTERPRISE, Role.EXPERT, Role.SYS_ADMIN);
    }
}
