package cn.zhiben.notifications.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** The text messages handed to the gateway, newest first, with masked numbers and names only (the full ones stay encrypted). */
@Component
public class SmsLog {

    private final JdbcClient jdbc;

    SmsLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(Instant at, String recipient, String mobileMask, String text, String gateway, String status,
                        String detail) {
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql("""
                select created_at, recipient_mask, mobile_mask, text, gateway, status, detail
                from ntf_sms order by created_at desc, id limit :n""")
                .param("n", Math.min(Math.max(limit, 1), 500))
                .query((rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }
}
