package cn.zhiben.monitoring.internal;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.monitoring.AlarmLevel;
import cn.zhiben.monitoring.MonitoringEvents;
import cn.zhiben.notifications.Notifier;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.security.Role;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Tells people about alarms (the notifications module does not know this one): a new alarm goes to the county office
 * of the enterprise's county, the departments supervising its industry and the enterprise's own accounts; a red one
 * also by text message to the enterprise's principal; an escalated one to the city office and the city departments.
 * Keyed by event, so a re-delivered event sends nothing twice.
 */
@Component
class AlarmNotifications {

    private final Notifier notifier;
    private final AccountDirectory accounts;
    private final EnterpriseDirectory enterprises;
    private final AlarmQueries queries;

    AlarmNotifications(Notifier notifier, AccountDirectory accounts, EnterpriseDirectory enterprises, AlarmQueries queries) {
        this.notifier = notifier;
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.queries = queries;
    }

    @ApplicationModuleListener
    void on(MonitoringEvents.AlarmRaised e) {
        var a = queries.find(e.alarmId(), cn.zhiben.platform.security.DataScope.city()).orElse(null);
        if (a == null) {
            return;
        }
        Set<UUID> to = new LinkedHashSet<>(accounts.accountsWithRole(Role.COUNTY_OFFICE, RegionCodes.county(e.regionCode())));
        to.addAll(accounts.supervisorAccounts(e.regionCode(), e.industryCode()));
        to.addAll(accounts.enterpriseAccounts(e.enterpriseId()));
        String title = "【" + e.level().label() + "预警】" + a.ruleLabel() + " · " + a.enterpriseName();
        String body = (a.pointName() == null ? "" : a.pointName() + "：") + a.ruleLabel()
                + (e.value() == null ? "" : " " + Rule.fmt(e.value()) + (a.unit() == null ? "" : a.unit()))
                + "（" + a.threshold() + "）。请及时响应、研判和核查。";
        notifier.inbox(to, "监测预警", title, body, "/monitoring/alarms/" + e.alarmId(), "alarm-raised:" + e.alarmId());
        if (e.level() == AlarmLevel.RED) {
            enterprises.contactsForNotification(e.enterpriseId()).ifPresent(c -> notifier.sms(c.principalMobile(),
                    c.principalName(), "【治本】" + a.enterpriseName() + " " + title + "，报警编号 " + a.number() + "，请立即组织处置。",
                    "alarm-raised:" + e.alarmId()));
        }
    }

    @ApplicationModuleListener
    void on(MonitoringEvents.AlarmEscalated e) {
        Set<UUID> to = new LinkedHashSet<>(accounts.accountsWithRole(Role.CITY_OFFICE, null));
        to.addAll(accounts.supervisorAccounts(e.regionCode(), e.industryCode()));
        notifier.inbox(to, "监测预警", "【超时升级】报警 " + e.number() + " 未按时响应",
                e.level().label() + "预警超过响应时限仍未响应，已升级至" + e.escalatedTo() + "，请督促处置。",
                "/monitoring/alarms/" + e.alarmId(), "alarm-escalated:" + e.alarmId());
    }
}
