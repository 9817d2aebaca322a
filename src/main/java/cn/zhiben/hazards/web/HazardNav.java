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
    private final cn.zhiben.hazards.internal.HazardImportService imports;

    HazardNav(cn.zhiben.hazards.internal.HazardImportService imports) {
        this.imports = imports;
    }

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem(GROUP, "隐患清单", "/hazards", 100, HazardNav::business),
                new NavItem(GROUP, "登记隐患", "/hazards/new", 101, u -> business(u) && !HazardRules.reportChannels(u).isEmpty()),
                new NavItem(GROUP, "待我处理", "/hazards/inbox", 102, HazardNav::business),
                new NavItem(GROUP, "挂牌督办公示", "/hazards/listings", 103, HazardNav::business),
                new NavItem(GROUP, "隐患统计分析报告", "/hazard-reports", 104, u -> business(u)
                        && (u.role() == cn.zhiben.platform.security.Role.ENTERPRISE
                        || cn.zhiben.hazards.internal.reports.EnterpriseReports.supervises(u))),
                new NavItem(GROUP, "导入历史隐患", "/hazards/imports", 105,
                        u -> business(u) && imports.mayImport(u)),
                new NavItem(GROUP, "责任倒查", "/hazards/accountability", 106,
                        HazardPageController::seesAccountability));
    }

    private static boolean business(CurrentUser u) {
        return u.can(Permission.BUSINESS_READ) && u.scope().business();
    }
}
