package cn.zhiben.notifications;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user's own messages: only ever the caller's. */
@Service
public class Inbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Message(UUID id, String category, String title, String body, String link, Instant createdAt, Instant readAt) {
    }

    public List<Message> messages(UUID userId, boolean unreadOnly, int limit) {
        return jdbc.sql("select * from ntf_message where recipient_user_id = :u" + (unreadOnly ? " and read_at is null" : "")
                        + " order by created_at desc, id limit :n")
                .param("u", userId).param("n", Math.min(Math.max(limit, 1), 200))
                .query((rs, i) -> new Message(rs.getObject("id", UUID.class), rs.getString("category"), rs.getString("title"),
                        rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    public long unread(UUID userId) {
        return jdbc.sql("select count(*) from ntf_message where recipient_user_id = :u and read_at is null")
                .param("u", userId).query(Long.class).single();
    }

    /** One of the user's own messages; someone else's is absent, like a missing one. */
    public java.util.Optional<Message> message(UUID userId, UUID messageId) {
        return jdbc.sql("select * from ntf_message where id = :id and recipient_user_id = :u")
                .param("id", messageId).param("u", userId)
                .query((rs, i) -> new Message(rs.getObject("id", UUID.class), rs.getString("category"), rs.getString("title"),
                        rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
                .optional();
    }

    /** Marks all of the user's unread messages read; returns how many. */
    public int markAllRead(UUID userId) {
        return jdbc.sql("update ntf_message set read_at = :at where recipient_user_id = :u and read_at is null")
                .param("at", Timestamp.from(clock.instant())).param("u", userId).update();
    }

    /** Marks one of the caller's messages read; someone else's message is a 404, like a missing one. */
    public void markRead(UUID userId, UUID messageId) {
        int n = jdbc.sql("update ntf_message set read_at = coalesce(read_at, :at) where id = :id and recipient_user_id = :u")
                .param("at", Timestamp.from(clock.instant())).param("id", messageId).param("u", userId).update();
        if (n == 0) {
            throw ProblemException.notFound("MESSAGE_NOT_FOUND", "消息不存在");
        }
    }
}
