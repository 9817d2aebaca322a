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

    /** Sends once per (event, number, recipient); a gateway failure is recorded, not thrown, so the inbox still fills. */
    public void sms(String mobile, String recipient, String text, String sourceKey) {
        if (mobile == null || mobile.isBlank()) {
            return;
        }
        String mask = Masking.mobile(mobile);
        boolean already = jdbc.sql("select exists (select 1 from ntf_sms where source_key = :k and mobile_mask = :m and recipient = :r)")
                .param("k", sourceKey).param("m", mask).param("r", recipient).query(Boolean.class).single();
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
                insert into ntf_sms (id, mobile_enc, mobile_mask, recipient, text, gateway, status, detail, source_key, created_at)
                values (:id, :enc, :mask, :r, :t, :g, :s, :d, :k, :at) on conflict do nothing""")
                .param("id", UUID.randomUUID()).param("enc", encryptor.encrypt(mobile)).param("mask", mask)
                .param("r", recipient).param("t", text).param("g", sms.name()).param("s", status).param("d", detail)
                .param("k", sourceKey).param("at", Timestamp.from(clock.instant())).update();
    }
}
