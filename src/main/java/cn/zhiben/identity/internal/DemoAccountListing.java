package cn.zhiben.identity.internal;

import cn.zhiben.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/** The demo accounts as the login page lists them in demo mode: those that exist and are enabled, in the README's order. */
@Component
public class DemoAccountListing {

    private final JdbcClient jdbc;

    DemoAccountListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Listed(String username, String roleLabel, String displayName) {
    }

    public List<Listed> listed() {
        List<String> order = DemoAccounts.SPECS.stream().map(DemoAccounts.Spec::username).toList();
        return jdbc.sql("select username, role, display_name from idn_user where demo and enabled and username in (:names)")
                .param("names", order)
                .query((rs, n) -> new Listed(rs.getString(1), Role.valueOf(rs.getString(2)).label(), rs.getString(3)))
                .list().stream().sorted(Comparator.comparingInt(l -> order.indexOf(l.username()))).toList();
    }

    /** The published password of every demo account. */
    public String password() {
        return DemoAccounts.PASSWORD;
    }
}
