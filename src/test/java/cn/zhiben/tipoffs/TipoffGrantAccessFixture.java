package cn.zhiben.tipoffs;

import cn.zhiben.support.UnscopedAccessFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

/**
 * "tipoff-grant": a grant made to be revoked — a township account's grant (harmless: only office accounts may open identities), (re)made before every request
 * (not reusable) and revoked after the run.
 */
class TipoffGrantAccessFixture extends UnscopedAccessFixture {

    private final JdbcClient jdbc;

    TipoffGrantAccessFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "tipoff-grant";
    }

    @Override
    public boolean reusable() {
        return false;
    }

    @Override
    public Map<String, String> any() {
        UUID grantee = jdbc.sql("select id from idn_user where username = 'nancun'").query(UUID.class).single();
        UUID admin = jdbc.sql("select id from idn_user where username = 'secadmin'").query(UUID.class).single();
        jdbc.sql("delete from tip_identity_grant where user_id = :u and revoked_at is not null").param("u", grantee).update();
        jdbc.sql("""
                insert into tip_identity_grant (user_id, username, granted_by, granted_at, note) values (:u, 'nancun', :a, now(), '访问表检查')
                on conflict (user_id) do nothing""").param("u", grantee).param("a", admin).update();
        return Map.of("userId", grantee.toString());
    }

    @Override
    public void finish() {
        jdbc.sql("update tip_identity_grant set revoked_at = now() where username = 'nancun' and revoked_at is null").update();
    }
}
