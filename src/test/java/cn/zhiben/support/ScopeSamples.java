package cn.zhiben.support;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;
import java.util.UUID;

/**
 * Enterprises inside and outside an account's data scope, for access fixtures whose objects belong to an enterprise
 * (hazards, checklists, …): demo enterprises first, so the same ones are picked on every run.
 */
public final class ScopeSamples {

    private ScopeSamples() {
    }

    public static Optional<UUID> enterpriseInside(JdbcClient jdbc, CurrentUser user) {
        return pick(jdbc, user.scope(), false);
    }

    /** Empty when the account sees every enterprise. */
    public static Optional<UUID> enterpriseOutside(JdbcClient jdbc, CurrentUser user) {
        return pick(jdbc, user.scope(), true);
    }

    /** The enterprise of an enterprise account (the demo ones: qiye, qiye-huagong, …). */
    public static UUID enterpriseOf(JdbcClient jdbc, String username) {
        return jdbc.sql("select enterprise_id from idn_user where username = :u").param("u", username).query(UUID.class).single();
    }

    private static Optional<UUID> pick(JdbcClient jdbc, DataScope scope, boolean outside) {
        DataScope.Sql s = scope.toSql("e.id", "e.region_code", "e.zone_code", "e.industry_code");
        String where = outside ? "not (" + s.where() + ")" : s.where();
        return jdbc.sql("select e.id from org_enterprise e where " + where + " order by e.demo desc, e.name, e.id limit 1")
                .params(s.params()).query(UUID.class).optional();
    }
}
