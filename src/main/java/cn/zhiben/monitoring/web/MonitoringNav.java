package cn.zhiben.monitoring.web;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class MonitoringNav implements NavContributor {

    private static final String GROUP = "监测预警";

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem(GROUP, "监测一张图", "/monitoring", 200, MonitoringNav::business),
                new NavItem(GROUP, "报警处置", "/monitoring/alarms" , 201, MonitoringNav::business),
                new NavItem(GROUP, "测点与设备", "/monitoring/points", 202, MonitoringNav::business),
                new NavItem(GROUP, "报警规则", "/monitoring/rules", 203, MonitoringNav::business));
    }

    private static boolean business(CurrentUser u) {
        return u.can(Permission.BUSINESS_READ) && u.scope().business();
    }
}
