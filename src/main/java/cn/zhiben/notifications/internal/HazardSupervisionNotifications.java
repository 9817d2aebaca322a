package cn.zhiben.notifications.internal;

import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.notifications.Notifier;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.security.Role;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Messages of the supervision steps (issue 8, issue 10 item 14): a step not taken in time, a 督办提醒 to the county, a
 * sign-off awaiting the listing body's 摘牌 confirmation, a 责任倒查 opened. Keyed by event, so a re-run sends nothing twice.
 */
@Component
class HazardSupervisionNotifications {

    private final Notifier notifier;
    private final AccountDirectory accounts;
    private final HazardNotifications hazards;

    HazardSupervisionNotifications(Notifier notifier, AccountDirectory accounts, HazardNotifications hazards) {
        this.notifier = notifier;
        this.accounts = accounts;
        this.hazards = hazards;
    }

    /** A confirmation, acknowledgement, plan or 摘牌 confirmation not done in time: escalated like an overdue rectification. */
    @ApplicationModuleListener
    void on(HazardEvents.HazardStepOverdue e) {
        String step = switch (e.step()) {
            case PENDING_DEPARTMENT_CONFIRMATION -> "安全管理部门确认";
            case PENDING_PRINCIPAL_CONFIRMATION -> "主要负责人确认";
            case PENDING_ACKNOWLEDGEMENT -> "企业签收";
            case REPORTED -> "制定整改方案";
            case SIGNED_OFF_PENDING_DELISTING -> "确认摘牌";
            default -> e.step().label();
        };
        String after = e.step() == cn.zhiben.hazards.HazardStatus.PENDING_ACKNOWLEDGEMENT ? "企业逾期未签收，视同签收，整改期限照常计算；" : "";
        String key = "hazard-step-overdue:" + e.hazardId() + ":" + e.step() + ":" + e.dueOn();
        // each audience in its own words (issue 10 item 9): the enterprise is to act, the regulators to supervise
        notifier.inbox(accounts.enterpriseAccounts(e.enterpriseId()), "HAZARD_STEP_OVERDUE", step + "逾期：" + e.number(),
                "贵单位该隐患" + step + "期限 " + e.dueOn() + " 已过。" + after + "已升级至" + e.escalatedTo() + "督办，请立即办理。",
                HazardNotifications.link(e.hazardId()), key);
        notifier.inbox(hazards.escalation(e.regionCode(), e.industryCode(), e.fieldCode()),
                "HAZARD_STEP_OVERDUE", step + "逾期：" + e.number(),
                step + "期限 " + e.dueOn() + " 已过。" + after + "已升级至" + e.escalatedTo() + "督办，请督促企业办理。",
                HazardNotifications.link(e.hazardId()), key);
    }

    /** 督办提醒: the county office and the county's supervising departments of the hazard. */
    @ApplicationModuleListener
    void on(HazardEvents.SupervisionReminded e) {
        String county = RegionCodes.county(e.regionCode());
        Set<UUID> recipients = new LinkedHashSet<>(accounts.accountsWithRole(Role.COUNTY_OFFICE, county));
        Set<UUID> countyUnits = Set.copyOf(accounts.accountsWithRole(Role.COUNTY_UNIT, county));
        hazards.supervisors(e.regionCode(), e.industryCode(), e.fieldCode()).stream()
                .filter(countyUnits::contains)
                .forEach(recipients::add);
        notifier.inbox(recipients, "HAZARD_REMINDER", "市安委办督办提醒：" + e.number(), e.message(),
                HazardNotifications.link(e.hazardId()), "hazard-reminder:" + e.hazardId() + ":" + e.at());
    }

    /** The department signed off a listed hazard: the listing body is to confirm 摘牌. */
    @ApplicationModuleListener
    void on(HazardEvents.DelistingAwaited e) {
        Set<UUID> recipients = e.level() == ListingLevel.COUNTY
                ? new LinkedHashSet<>(accounts.accountsWithRole(Role.COUNTY_OFFICE, RegionCodes.county(e.regionCode())))
                : new LinkedHashSet<>(accounts.accountsWithRole(Role.CITY_OFFICE, null));
        notifier.inbox(recipients, "HAZARD_DELISTING", "待确认摘牌：" + e.number(),
                "监管部门已现场审核通过，请确认摘牌（督办结束）。", HazardNotifications.link(e.hazardId()),
                "hazard-delisting-awaited:" + e.hazardId() + ":" + e.at());
    }

    /** 责任倒查 opened: the county office and the supervising departments. */
    @ApplicationModuleListener
    void on(HazardEvents.AccountabilityOpened e) {
        Set<UUID> recipients = new LinkedHashSet<>(accounts.accountsWithRole(Role.COUNTY_OFFICE, RegionCodes.county(e.regionCode())));
        recipients.addAll(hazards.supervisors(e.regionCode(), e.industryCode(), e.fieldCode()));
        notifier.inbox(recipients, "HAZARD_ACCOUNTABILITY", "启动责任倒查：" + e.number(),
                "该重大事故隐患由外部渠道发现，企业自查未发现，请开展责任倒查并办结。", HazardNotifications.link(e.hazardId()),
                "hazard-accountability:" + e.hazardId());
    }
}
