package cn.zhiben.notifications;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.support.AccessFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** "inbox-message" of the access table: a message to the account itself; outside: one to another account. Value: id. */
class InboxMessageAccessFixture implements AccessFixture {

    private final Notifier notifier;
    private final JdbcClient jdbc;

    InboxMessageAccessFixture(Notifier notifier, JdbcClient jdbc) {
        this.notifier = notifier;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "inbox-message";
    }

    @Override
    public Optional<Map<String, String>> inside(CurrentUser caller) {
        return Optional.of(Map.of("id", messageTo(caller.id())));
    }

    @Override
    public Optional<Map<String, String>> outside(CurrentUser caller) {
        return Optional.of(Map.of("id", messageTo(userId(caller.username().equals("city") ? "zezhou" : "city"))));
    }

    @Override
    public Map<String, String> any() {
        return Map.of("id", messageTo(userId("city")));
    }

    private UUID userId(String username) {
        return jdbc.sql("select id from idn_user where username = :u").param("u", username).query(UUID.class).single();
    }

    private String messageTo(UUID user) {
        String key = "access-table:" + UUID.randomUUID();
        notifier.inbox(List.of(user), "TEST", "访问表检查", "访问表检查用消息", "/", key);
        return jdbc.sql("select id from ntf_message where source_key = :k").param("k", key).query(UUID.class).single().toString();
    }
}
