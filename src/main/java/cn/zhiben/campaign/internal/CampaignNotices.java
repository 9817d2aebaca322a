package cn.zhiben.campaign.internal;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.notifications.Notifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Tells an addressee's accounts about campaign work, in the inbox and — for reminders and escalations — by text
 * message. Every message is keyed by what caused it, so a job run twice sends nothing twice.
 */
@Component
public class CampaignNotices {

    private final Notifier notifier;
    private final AccountDirectory accounts;

    CampaignNotices(Notifier notifier, AccountDirectory accounts) {
        this.notifier = notifier;
        this.accounts = accounts;
    }

    public List<UUID> accountsOf(Addressee a) {
        return accounts.officeAccounts(a.unitId(), a.regionCode());
    }

    /** @return how many inbox messages were new */
    public int inbox(Set<Addressee> to, String category, String title, String body, String link, String key) {
        Set<UUID> recipients = new LinkedHashSet<>();
        to.forEach(a -> recipients.addAll(accountsOf(a)));
        return notifier.inbox(recipients, category, title, body, link, key);
    }

    /** Inbox and a text message to every account of the addressees that has a mobile number. */
    public int inboxAndSms(Set<Addressee> to, String category, String title, String body, String link, String key) {
        Set<UUID> recipients = new LinkedHashSet<>();
        to.forEach(a -> recipients.addAll(accountsOf(a)));
        int n = notifier.inbox(recipients, category, title, body, link, key);
        for (AccountDirectory.Contact c : accounts.contactsForNotification(recipients)) {
            notifier.sms(c.mobile(), c.displayName(), "【治本】" + title + "：" + body, key);
        }
        return n;
    }
}
