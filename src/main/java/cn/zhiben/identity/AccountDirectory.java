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

    /**
     * An account as other modules may name it (e.g. an enforcement officer's or an expert's login): who, which role,
     * which unit and county, which enterprise.
     */
    public record Account(UUID id, String username, String displayName, Role role, UUID unitId, String regionCode,
                          UUID enterpriseId, boolean enabled) {
    }

    /** Any account, enabled or not (callers that grant something filter on {@link Account#enabled()}). */
    public java.util.Optional<Account> find(UUID id) {
        return users.findById(id).map(AccountDirectory::account);
    }

    public java.util.Optional<Account> findByUsername(String username) {
        return users.findByUsername(username).map(AccountDirectory::account);
    }

    private static Account account(UserAccount u) {
        return new Account(u.id(), u.username(), u.displayName(), u.role(), u.unitId(), u.regionCode(), u.enterpriseId(),
                u.enabled());
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
     * The enabled accounts that speak for an office: the city office (no unit, no county), a county office (no unit,
     * county), a member unit at city level (unit, no county) or a unit's department in a county (unit, county).
     */
    public List<UUID> officeAccounts(UUID unitId, String countyCode) {
        if (unitId == null) {
            return accountsWithRole(countyCode == null ? Role.CITY_OFFICE : Role.COUNTY_OFFICE, countyCode);
        }
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
