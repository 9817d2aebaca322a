package cn.zhiben.notifications;

import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.platform.crypto.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

/**
 * Puts messages in users' inboxes and hands text messages to the SMS gateway. Both are keyed by the causing event,
 * so calling again with the same key does nothing (listeners may be re-run after a crash).
 */
@Service
public class Notifier {

    private final JdbcClient jdbc;
    private final SmsGateway sms;
    private final FieldEncryptor encryptor;
    private final Clock clock;

    Notifier(JdbcClient jdbc, SmsGateway sms, FieldEncryptor encryptor, Clock clock) {
        this.jdbc = jdbc;
        this.sms = sms;
        this.encryptor = encryptor;
        this.clock = clock;
    }

    /** @return how many new inbox messages were written */
    public int inbox(Collection<UUID> recipients, String category, String title, String body, String link, String sourceKey) {
        int n = 0;
        for (UUID r : recipients) {
            n += jdbc.sql("""
                    insert into ntf_message (id, recipient_user_id, category, title, body, link, source_key, created_at)
                    values (:id, :r, :c, :t, :b, :l, :k, :at) on conflict (source_key, recipient_user_id) do nothing""")
                    .param("id", UUID.randomUUID()).param("r", r).param("c", category).param("t", title).param("b", body)
                    .param("l", link).param("k", sourceKey).param("at", Timestamp.from(clock.instant())).update();
        }
        return n;
    }

    /**
     * Sends once per (event, number, recipient); a gateway failure is recorded, not thrown, so the inbox still fills.
     * The number and the name are personal data: the log keeps them encrypted, with masked copies to show.
     *
     * @param position what the recipient is to the matter, e.g. 主要负责人 (not personal)
     * @param name     the recipient's name
     */
    public void sms(String mobile, String position, String name, String text, String sourceKey) {
        if (mobile == null || mobile.isBlank()) {
            return;
        }
        String mask = Masking.mobile(mobile);
        String nameMask = Masking.personName(name);
        String recipientMask = position == null || position.isBlank() ? nameMask : position.strip() + " " + nameMask;
        boolean already = jdbc.sql("""
                        select exists (select 1 from ntf_sms where source_key = :k and mobile_mask = :m and recipient_mask = :r)""")
                .param("k", sourceKey).param("m", mask).param("r", recipientMask).query(Boolean.class).single();
        if (already) {
            return;
        }
        String status = "SENT";
        String detail;
        try {
            detail = sms.send(mobile, text);
        } catch (RuntimeException e) {
            status = "FAILED";
            detail = e.getClass().getSimpleName();
        }
        jdbc.sql("""
                insert into ntf_sms (id, mobile_enc, mobile_mask, recipient_position, recipient_name_enc, recipient_mask, text,
                                     gateway, status, detail, source_key, created_at)
                values (:id, :enc, :mask, :position, :nameEnc, :recipientMask, :t, :g, :s, :d, :k, :at) on conflict do nothing""")
                .param("id", UUID.randomUUID()).param("enc", encryptor.encrypt(mobile)).param("mask", mask)
                .param("position", position == null || position.isBlank() ? null : position.strip())
                .param("nameEnc", encryptor.encrypt(name == null || name.isBlank() ? null : name.strip()))
                .param("recipientMask", recipientMask).param("t", text).param("g", sms.name()).param("s", status)
                .param("d", detail).param("k", sourceKey).param("at", Timestamp.from(clock.instant())).update();
    }

    /** As {@link #sms(String, String, String, String, String)}, the recipient given as "职务 姓名" (or a name alone). */
    public void sms(String mobile, String recipient, String text, String sourceKey) {
        String r = recipient == null ? "" : recipient.strip();
        int space = r.lastIndexOf(' ');
        sms(mobile, space < 0 ? null : r.substring(0, space), space < 0 ? r : r.substring(space + 1), text, sourceKey);
    }
}
