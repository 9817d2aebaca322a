package cn.zhiben.monitoring.web;

import cn.zhiben.monitoring.AlarmLevel;
import cn.zhiben.monitoring.internal.AlarmPolicy;
import cn.zhiben.monitoring.internal.AlarmQueries;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.ui.HomeCard;
import cn.zhiben.platform.ui.HomeCardContributor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Open alarms of the user's scope on the home page; those waiting for this user when they handle alarms. */
@Component
class MonitoringHomeCards implements HomeCardContributor {

    private final AlarmQueries alarms;

    MonitoringHomeCards(AlarmQueries alarms) {
        this.alarms = alarms;
    }

    @Override
    public List<HomeCard> cards(CurrentUser user) {
        if (!user.can(Permission.BUSINESS_READ) || !user.scope().business()) {
            return List.of();
        }
        Map<AlarmLevel, Long> open = alarms.openByLevel(user.scope(), null);
        long redOrange = open.get(AlarmLevel.RED) + open.get(AlarmLevel.ORANGE);
        long all = open.values().stream().mapToLong(Long::longValue).sum();
        HomeCard levels = new HomeCard("监测报警（未关闭）", String.valueOf(all), "其中红色、橙色 " + redOrange + " 条",
                "/monitoring/alarms?view=open", 20);
        if (!AlarmPolicy.handles(user)) {
            return List.of(levels);
        }
        long mine = alarms.count(user.scope(), new AlarmQueries.Filter(AlarmPolicy.actionableStates(user), true, null, null, null, null, null));
        return List.of(levels, new HomeCard("报警待我处置", String.valueOf(mine), "响应、研判、核查、反馈", "/monitoring/alarms", 21));
    }
}
