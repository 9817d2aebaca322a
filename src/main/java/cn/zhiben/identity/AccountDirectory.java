package cn.zhiben.identity;

import cn.zhiben.identity.internal.PrincipalFactory;
import cn.zhiben.identity.internal.UserAccount;
import cn.zhiben.identity.internal.UserRepository;
import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Accounts as other modules need them: which to tell about something (notifications; enabled accounts only), and
 * acting as one ({@link #runAs}, for demo data made through the real verbs).
 */
@Service
public class AccountDirectory {

    private final JdbcClient jdbc;
    private final IndustryCatalog industries;
    private final UserRepository users;
    private final PrincipalFactory principals;
    private final FieldEncryptor encryptor;

    AccountDirectory(JdbcClient jdbc, IndustryCatalog industries, UserRepository users, PrincipalFactory principals,
                     FieldEncryptor encryptor) {
        this.jdbc = jdbc;
        this.industries = industries;
        this.users = users;
        this.principals = principals;
        this.encryptor = encryptor;
    }

    /**
     * Runs work as this enabled account — its principal, scope and rights, as after a login — and restores the caller's
     * security context afterwards. For demo data, which is made through the same verbs people use.
     */
    public <T> T runAs(String username, Supplier<T> work) {
        UserAccount account = users.findByUsername(username).filter(UserAccount::enabled)
                .orElseThrow(() -> new IllegalStateException("no enabled account " + username));
        CurrentUser principal = principals.principal(account);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                PrincipalFactory.authorities(principal)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The enterprise's own accounts. */
    public List<UUID> enterpriseAccounts(UUID enterpriseId) {
        return jdbc.sql("select id from idn_user where enabled and role = 'ENTERPRISE' and enterprise_id = :e order by username")
                .param("e", enterpriseId).query(UUID.class).list();
    }

    /**
     * The supervising departments of an enterprise at this place and of this industry (三管三必须): member-unit accounts
     * of every unit that leads or co-operates on the industry or one of its parents, and the county-unit accounts of
     * those units in the enterprise's county.
     */
    public List<UUID> supervisorAccounts(String regionCode, String industryCode) {
        Set<UUID> units = new LinkedHashSet<>();
        for (String code : ancestry(industryCode)) {
            industries.find(code).ifPresent(i -> i.supervisors().stream().map(Industry.Supervisor::unitId).forEach(units::add));
        }
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id from idn_user where enabled and unit_id in (:units)
                  and (role = 'MEMBER_UNIT' or (role = 'COUNTY_UNIT' and region_code = :county))
                order by username""")
                .param("units", List.copyOf(units)).param("county", RegionCodes.county(regionCode))
                .query(UUID.class).list();
    }

    /** Accounts of these roles; for a county-level role, only those of the given county. */
    public List<UUID> accountsWithRole(Role role, String countyCode) {
        return jdbc.sql("select id from idn_user where enabled and role = :r and (:county::text is null or region_code = :county) order by username")
                .param("r", role.name()).param("county", countyCode).query(UUID.class).list();
    }

    /**
     * The enabled accounts that speak for an addressee of the campaign module: a member unit's accounts (unit, no
     * county), a county department's (unit, county), or a county office's (no unit, county).
     */
    public List<UUID> addresseeAccounts(UUID unitId, String countyCode) {
        if (unitId == null && countyCode == null) {
            return accountsWithRole(Role.CITY_OFFICE, null);
        }
        if (unitId == null) {
            return accountsWithRole(Role.COUNTY_OFFICE, countyCode);
        }
        return unitAccounts(unitId, countyCode);
    }

    /** A unit's own accounts: its city-level member-unit accounts (county null) or its accounts in one county. */
    public List<UUID> unitAccounts(UUID unitId, String countyCode) {
        return jdbc.sql("""
                select id from idn_user where enabled and unit_id = :u
                  and ((:county::text is null and role = 'MEMBER_UNIT') or (role = 'COUNTY_UNIT' and region_code = :county))
                order by username""")
                .param("u", unitId).param("county", countyCode).query(UUID.class).list();
    }

    /** An account's name and decrypted mobile number, for sending a text message only (never for display). */
    public record Contact(UUID userId, String displayName, String mobile) {
    }

    public List<Contact> contactsForNotification(java.util.Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, display_name, mobile_enc from idn_user where id in (:ids) and mobile_enc is not null order by username")
                .param("ids", List.copyOf(userIds))
                .query((rs, n) -> new Contact(rs.getObject(1, UUID.class), rs.getString(2), encryptor.decrypt(rs.getString(3))))
                .list();
    }

    /** An enabled account by user name, as other modules need it for grants of their own. */
    public record Account(UUID id, String username, String displayName, Role role) {
    }

    public java.util.Optional<Account> findAccount(String username) {
        return jdbc.sql("select id, username, display_name, role from idn_user where enabled and username = :u")
                .param("u", username)
                .query((rs, n) -> new Account(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4))))
                .optional();
    }

    /** mine.coal -> [mine.coal, mine] */
    static List<String> ancestry(String industryCode) {
        List<String> out = new ArrayList<>();
        String c = industryCode;
        while (c != null && !c.isEmpty()) {
            out.add(c);
            int dot = c.lastIndexOf('.');
            c = dot < 0 ? null : c.substring(0, dot);
        }
        return out;
    }
}
