package cn.zhiben.notifications.internal;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.identity.AccountDirectory;
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
 * Tells people about hazards. Runs after the hazard's transaction committed, from the event publication registry, so a
 * crash only delays a message; every message is keyed by its event, so a re-run sends nothing twice.
 */
@Component
class HazardNotifications {

    private final Notifier notifier;
    private final AccountDirectory accounts;
    private final EnterpriseDirectory enterprises;

    HazardNotifications(Notifier notifier, AccountDirectory accounts, EnterpriseDirectory enterprises) {
        this.notifier = notifier;
        this.accounts = accounts;
        this.enterprises = enterprises;
    }

    /**
     * A major hazard reported: the enterprise's principal responsible person and actual controller (by SMS) and the
     * supervising departments (by inbox) are told — plan item 25, 安全生产法 Art. 41.
     */
    @ApplicationModuleListener
    void on(HazardEvents.HazardReported e) {
        String key = "hazard-reported:" + e.hazardId();
        String enterpriseName = enterprises.find(e.enterpriseId()).map(x -> x.name()).orElse("企业");
        String title = (e.grade() == Grade.MAJOR ? "重大事故隐患" : "一般隐患") + "上报：" + e.number();
        String body = enterpriseName + " " + e.channel().label() + "发现的" + e.grade().label() + "隐患已上报，请及时督促整改。";
        Set<UUID> recipients = supervisors(e.regionCode(), e.industryCode(), e.fieldCode());
        recipients.addAll(accounts.enterpriseAccounts(e.enterpriseId()));
        notifier.inbox(recipients, "HAZARD", title, body, link(e.hazardId()), key);
        if (e.grade() == Grade.MAJOR) {
            enterprises.contactsForNotification(e.enterpriseId()).ifPresent(c -> {
                String text = "【治本】" + enterpriseName + "有重大事故隐患（编号 " + e.number() + "）已上报，请组织整改。";
                notifier.sms(c.principalMobile(), "主要负责人 " + c.principalName(), text, key);
                if (c.controllerMobile() != null) {
                    notifier.sms(c.controllerMobile(), "实际控制人 " + c.controllerName(), text, key);
                }
            });
        }
    }

    /** Overdue: escalated to the level above — the city office and the city-level supervising departments. */
    @ApplicationModuleListener
    void on(HazardEvents.HazardOverdue e) {
        notifier.inbox(escalation(e.regionCode(), e.industryCode(), e.fieldCode(), e.enterpriseId()), "HAZARD_OVERDUE", "隐患逾期未整改：" + e.number(),
                "整改期限 " + e.deadline() + " 已过，已升级至" + e.escalatedTo() + "督办。", link(e.hazardId()),
                "hazard-overdue:" + e.hazardId() + ":" + e.deadline());
    }

    /** A sign-off request not reviewed in time: the reviewers, and the level above them, as for an overdue hazard. */
    @ApplicationModuleListener
    void on(HazardEvents.HazardReviewOverdue e) {
        notifier.inbox(escalation(e.regionCode(), e.industryCode(), e.fieldCode(), e.enterpriseId()), "HAZARD_REVIEW_OVERDUE", "销号审核逾期：" + e.number(),
                "企业已申请销号，审核期限 " + e.reviewDueOn() + " 已过仍未完成现场审核，已升级至" + e.escalatedTo() + "督办。",
                link(e.hazardId()), "hazard-review-overdue:" + e.hazardId() + ":" + e.reviewDueOn());
    }

    /** Who hears of an escalation: the city office, the supervising units, the county office and the enterprise. */
    Set<UUID> escalation(String regionCode, String industryCode, String fieldCode, UUID enterpriseId) {
        Set<UUID> recipients = new LinkedHashSet<>(accounts.accountsWithRole(Role.CITY_OFFICE, null));
        recipients.addAll(supervisors(regionCode, industryCode, fieldCode));
        recipients.addAll(accounts.accountsWithRole(Role.COUNTY_OFFICE, RegionCodes.county(regionCode)));
        recipients.addAll(accounts.enterpriseAccounts(enterpriseId));
        return recipients;
    }

    /** 挂牌督办: the enterprise, its supervisors and the county office. */
    @ApplicationModuleListener
    void on(HazardEvents.HazardListed e) {
        Set<UUID> recipients = new LinkedHashSet<>(accounts.enterpriseAccounts(e.enterpriseId()));
        recipients.addAll(supervisors(e.regionCode(), e.industryCode(), e.fieldCode()));
        recipients.addAll(accounts.accountsWithRole(Role.COUNTY_OFFICE, RegionCodes.county(e.regionCode())));
        notifier.inbox(recipients, "HAZARD_LISTED", e.level().label() + "：" + e.number(),
                "督办文号 " + e.documentNumber() + "，整改期限 " + e.deadline() + "。", link(e.hazardId()),
                "hazard-listed:" + e.hazardId() + ":" + e.at());
    }

    @ApplicationModuleListener
    void on(HazardEvents.ExtensionDecided e) {
        notifier.inbox(accounts.enterpriseAccounts(e.enterpriseId()), "HAZARD_EXTENSION",
                (e.approved() ? "延期申请已批准：" : "延期申请未批准：") + e.number(),
                e.approved() ? "整改期限延至 " + e.deadline() + "。" : "请按原期限 " + e.deadline() + " 完成整改。",
                link(e.hazardId()), "hazard-extension:" + e.hazardId() + ":" + e.at());
    }

    @ApplicationModuleListener
    void on(HazardEvents.HazardSignedOff e) {
        notifier.inbox(accounts.enterpriseAccounts(e.enterpriseId()), "HAZARD_SIGNED_OFF", "隐患已销号：" + e.number(),
                "经审核，该隐患整改到位，已销号。", link(e.hazardId()), "hazard-signed-off:" + e.hazardId());
    }

    /** The supervisors of the enterprise's industry and of the hazard's own field (a fire hazard: 消防救援 too). */
    Set<UUID> supervisors(String regionCode, String industryCode, String fieldCode) {
        Set<UUID> out = new LinkedHashSet<>(accounts.supervisorAccounts(regionCode, industryCode));
        if (fieldCode != null) {
            out.addAll(accounts.supervisorAccounts(regionCode, fieldCode));
        }
        return out;
    }

    static String link(UUID hazardId) {
        return "/hazards/" + hazardId;
    }
}
