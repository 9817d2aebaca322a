package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.ExpertPoolAccess;
import cn.zhiben.inspections.internal.UnitRef;
import cn.zhiben.inspections.internal.ZeroPenaltyWatch;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.util.List;

/** 执法检查 in the menu: what each role works with. */
@Component
class InspectionsNav implements NavContributor {

    private static final String GROUP = "执法检查";

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem(GROUP, "检查任务", "/inspections", 200, InspectionsNav::business),
                new NavItem(GROUP, "检查计划", "/inspections/plans", 201, u -> government(u)),
                new NavItem(GROUP, "执法决定", "/inspections/decisions", 202, InspectionsNav::business),
                new NavItem(GROUP, "企业自查", "/inspections/self", 203,
                        u -> business(u) && u.role() != Role.EXPERT),
                new NavItem(GROUP, "零处罚监测", "/inspections/zero-penalty", 204, ZeroPenaltyWatch::mayView),
                new NavItem(GROUP, "执法人员名录", "/inspections/officers", 205, u -> government(u)),
                new NavItem(GROUP, "专家库", "/inspections/experts", 206,
                        u -> business(u) && (ExpertPoolAccess.manager(u) || u.role() == Role.EXPERT)),
                new NavItem(GROUP, "文书编号设置", "/inspections/settings", 207, u -> UnitRef.of(u).isPresent()),
                new NavItem(GROUP, "抽取结果公示", "/public/draws", 208, InspectionsNav::business));
    }

    static boolean business(CurrentUser u) {
        return u.can(Permission.BUSINESS_READ) && u.scope().business();
    }

    static boolean government(CurrentUser u) {
        return business(u) && ExpertPoolAccess.manager(u);
    }
}
