package cn.zhiben.hazards.web;

import cn.zhiben.hazards.internal.HazardRules;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.util.List;

/** 隐患治理 comes first in the menu: it is the daily work of enterprises and inspectors. */
@Component
class HazardNav implements NavContributor {

    private static final String GROUP = "隐患治理";

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem(GROUP, "隐患清单", "/hazards", 100, HazardNav::business),
                new NavItem(GROUP, "登记隐患", "/hazards/new", 101, u -> business(u) && !HazardRules.reportChannels(u).isEmpty()),
                new NavItem(GROUP, "待我处理", "/hazards/inbox", 102, HazardNav::business),
                new NavItem(GROUP, "挂牌督办公示", "/hazards/listings", 103, HazardNav::business),
                new NavItem(GROUP, "责任倒查", "/hazards/accountability", 104,
                        HazardPageController::seesAccountability));
    }

    private static boolean business(CurrentUser u) {
        return u.can(Permission.BUSINESS_READ) && u.scope().business();
    }
}
