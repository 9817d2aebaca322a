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

import static cn.zhiben.notifications.internal.HazardMessages.Audience.ENTERPRISE;
import static cn.zhiben.notifications.internal.HazardMessages.Audience.REGULATOR;

/**
 * Tells people about hazards. Runs after the hazard's transaction committed, from the event publication registry, so a
 * crash only delays a message; every message is keyed by its event, so a re-run sends nothing twice.
 */
@Component
class HazardNotifications {

    private final Notifier notifier;
    private final AccountDirectory accounts;
    private final EnterpriseDirectory enterprises;
    private final DemoMessageDates demoDates;

    HazardNotifications(Notifier notifier, AccountDirectory accounts, EnterpriseDirectory enterprises, DemoMessageDates demoDates) {
        this.notifier = notifier;
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.demoDates = demoDates;
    }

    /**
     * A major hazard reported: the enterprise's principal responsible person and actual controller (by SMS) and the
     * supervising departments (by inbox) are told — plan item 25, 安全生产法 Art. 41. Each audience has its own wording.
     */
    @ApplicationModuleListener
    void on(HazardEvents.HazardReported e) {
        String key = "hazard-reported:" + e.hazardId();
        String name = enterpriseName(e.enterpriseId());
        send(accounts.enterpriseAccounts(e.enterpriseId()), "HAZARD", HazardMessages.reported(e, name, ENTERPRISE), e.hazardId(), key);
        send(supervisors(e.regionCode(), e.industryCode(), e.fieldCode()), "HAZARD", HazardMessages.reported(e, name, REGULATOR),
                e.hazardId(), key);
        if (e.grade() == Grade.MAJOR) {
            enterprises.contactsForNotification(e.enterpriseId()).ifPresent(c -> {
                String text = HazardMessages.reportedSms(e, name);
                notifier.sms(c.principalMobile(), "主要负责人", c.principalName(), text, key);
                if (c.controllerMobile() != null) {
                    notifier.sms(c.controllerMobile(), "实际控制人", c.controllerName(), text, key);
                }
            });
        }
        demoDates.redate(e.hazardId());
    }

    /** Overdue: escalated to the level above — the city office and the city-level supervising departments. */
    @ApplicationModuleListener
    void on(HazardEvents.HazardOverdue e) {
        String key = "hazard-overdue:" + e.hazardId() + ":" + e.deadline();
        String name = enterpriseName(e.enterpriseId());
        send(accounts.enterpriseAccounts(e.enterpriseId()), "HAZARD_OVERDUE", HazardMessages.overdue(e, name, ENTERPRISE), e.hazardId(), key);
        send(escalation(e.regionCode(), e.industryCode(), e.fieldCode()), "HAZARD_OVERDUE", HazardMessages.overdue(e, name, REGULATOR),
                e.hazardId(), key);
    }

    /** A sign-off request not reviewed in time: the reviewers, and the level above them, as for an overdue hazard. */
    @ApplicationModuleListener
    void on(HazardEvents.HazardReviewOverdue e) {
        String key = "hazard-review-overdue:" + e.hazardId() + ":" + e.reviewDueOn();
        String name = enterpriseName(e.enterpriseId());
        send(accounts.enterpriseAccounts(e.enterpriseId()), "HAZARD_REVIEW_OVERDUE", HazardMessages.reviewOverdue(e, name, ENTERPRISE),
                e.hazardId(), key);
        send(escalation(e.regionCode(), e.industryCode(), e.fieldCode()), "HAZARD_REVIEW_OVERDUE",
                HazardMessages.reviewOverdue(e, name, REGULATOR), e.hazardId(), key);
    }

    /**
     * Which regulators hear of an escalation: the city office, the supervising units and the county office. The
     * enterprise is told separately, in its own words.
     */
    Set<UUID> escalation(String regionCode, String industryCode, String fieldCode) {
        Set<UUID> recipients = new LinkedHashSet<>(accounts.accountsWithRole(Role.CITY_OFFICE, null));
        recipients.addAll(supervisors(regionCode, industryCode, fieldCode));
        recipients.addAll(accounts.accountsWithRole(Role.COUNTY_OFFICE, RegionCodes.county(regionCode)));
        return recipients;
    }

    /** 挂牌督办: the enterprise, its supervisors and the county office. */
    @ApplicationModuleListener
    void on(HazardEvents.HazardListed e) {
        String key = "hazard-listed:" + e.hazardId() + ":" + e.at();
        String name = enterpriseName(e.enterpriseId());
        send(accounts.enterpriseAccounts(e.enterpriseId()), "HAZARD_LISTED", HazardMessages.listed(e, name, ENTERPRISE), e.hazardId(), key);
        Set<UUID> regulators = supervisors(e.regionCode(), e.industryCode(), e.fieldCode());
        regulators.addAll(accounts.accountsWithRole(Role.COUNTY_OFFICE, RegionCodes.county(e.regionCode())));
        send(regulators, "HAZARD_LISTED", HazardMessages.listed(e, name, REGULATOR), e.hazardId(), key);
        demoDates.redate(e.hazardId());
    }

    @ApplicationModuleListener
    void on(HazardEvents.ExtensionDecided e) {
        send(accounts.enterpriseAccounts(e.enterpriseId()), "HAZARD_EXTENSION", HazardMessages.extensionDecided(e), e.hazardId(),
                "hazard-extension:" + e.hazardId() + ":" + e.at());
        demoDates.redate(e.hazardId());
    }

    @ApplicationModuleListener
    void on(HazardEvents.HazardSignedOff e) {
        send(accounts.enterpriseAccounts(e.enterpriseId()), "HAZARD_SIGNED_OFF", HazardMessages.signedOff(e), e.hazardId(),
                "hazard-signed-off:" + e.hazardId());
        demoDates.redate(e.hazardId());
    }

    private void send(java.util.Collection<UUID> recipients, String category, HazardMessages.Message m, UUID hazardId, String key) {
        notifier.inbox(recipients, category, m.title(), m.body(), link(hazardId), key);
    }

    private String enterpriseName(UUID enterpriseId) {
        return enterprises.find(enterpriseId).map(x -> x.name()).orElse("企业");
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
