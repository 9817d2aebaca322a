package cn.zhiben.identity.internal;

import cn.zhiben.org.AccountReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

@Component
class AccountReferencesAdapter implements AccountReferences {

    private final JdbcClient jdbc;

    AccountReferencesAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> username(UUID userId) {
        return jdbc.sql("select username from idn_user where id = :id").param("id", userId).query(String.class).optional();
    }

    @Override
    public Optional<UUID> idOf(String username) {
        return jdbc.sql("select id from idn_user where username = :u").param("u", username.strip()).query(UUID.class).optional();
    }
}
