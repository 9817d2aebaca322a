package cn.zhiben.identity.internal;

import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
public class UserRepository {

    private static final String SELECT = """
            select id, username, display_name, role, region_code, unit_id, enterprise_id, mobile_enc, password_hash,
                   password_changed_at, must_change_password, totp_secret_enc, totp_enabled, failed_attempts, locked_until,
                   enabled, demo, last_login_at, created_at, created_by, updated_at, security_stamp, version, enterprise_position
            from idn_user""";
    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql(SELECT + " where username = :u").param("u", username).query(UserRepository::map).optional();
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(UserRepository::map).optional();
    }

    public Optional<UserAccount> findByIdForUpdate(UUID id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(UserRepository::map).optional();
    }

    public List<UserAccount> findAll() {
        return jdbc.sql(SELECT + " order by role, username").query(UserRepository::map).list();
    }

    /** The administrator role the account holds or once held (三员: never another one). */
    public Optional<Role> adminRoleHeld(UUID id) {
        return jdbc.sql("select admin_role from idn_user where id = :id and admin_role is not null").param("id", id)
                .query(String.class).optional().map(Role::valueOf);
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from idn_user where username = :u").param("u", username).query(Long.class).single() > 0;
    }

    public void insert(UserAccount u) {
        jdbc.sql("""
                insert into idn_user (id, username, display_name, role, region_code, unit_id, enterprise_id, mobile_enc,
                    password_hash, password_changed_at, must_change_password, totp_secret_enc, totp_enabled, failed_attempts,
                    locked_until, enabled, demo, last_login_at, created_at, created_by, updated_at, security_stamp, version,
                    enterprise_position, admin_role)
                values (:id, :username, :displayName, :role, :regionCode, :unitId, :enterpriseId, :mobileEnc,
                    :passwordHash, :passwordChangedAt, :mustChange, :totpSecret, :totpEnabled, 0,
                    null, :enabled, :demo, null, :createdAt, :createdBy, :createdAt, :stamp, 0, :position, :adminRole)""")
                .param("id", u.id()).param("username", u.username()).param("displayName", u.displayName())
                .param("role", u.role().name()).param("regionCode", u.regionCode()).param("unitId", u.unitId())
                .param("enterpriseId", u.enterpriseId()).param("mobileEnc", u.mobileEnc())
                .param("passwordHash", u.passwordHash()).param("passwordChangedAt", ts(u.passwordChangedAt()))
                .param("mustChange", u.mustChangePassword()).param("totpSecret", u.totpSecretEnc())
                .param("totpEnabled", u.totpEnabled()).param("enabled", u.enabled()).param("demo", u.demo())
                .param("createdAt", ts(u.createdAt())).param("createdBy", u.createdBy())
                .param("stamp", u.securityStamp())
                .param("position", u.enterprisePosition() == null ? null : u.enterprisePosition().name())
                .param("adminRole", u.role().administrator() ? u.role().name() : null)
                .update();
    }

    /**
     * Counts an attempt as failed before its password is checked, and locks the account when it is the last one
     * allowed — one atomic statement, so parallel attempts can never check more passwords than allowed. Empty when the
     * account is locked (nothing is counted then). A successful attempt clears the count ({@link #recordSuccess}).
     */
    public Optional<Integer> reserveAttempt(UUID id, int maxAttempts, Instant lockUntil, Instant windowStart, Instant now) {
        return jdbc.sql("""
                update idn_user set
                    failed_attempts = case when (locked_until is not null and locked_until <= :now)
                        or last_failed_at is null or last_failed_at < :window then 1 else failed_attempts + 1 end,
                    locked_until = case when (case when (locked_until is not null and locked_until <= :now)
                        or last_failed_at is null or last_failed_at < :window then 1 else failed_attempts + 1 end) >= :max
                        then cast(:lockUntil as timestamptz) end,
                    failed_since_login = failed_since_login + 1,
                    last_failed_at = :now
                where id = :id and (locked_until is null or locked_until <= :now)
                returning failed_attempts""")
                .param("id", id).param("max", maxAttempts).param("lockUntil", ts(lockUntil)).param("now", ts(now))
                .param("window", ts(windowStart))
                .query(Integer.class).optional();
    }

    /** Failures since the previous successful login, and when that was. */
    public record PreviousLogin(int failures, Instant at) {
    }

    /**
     * A successful login: the count and the lock are cleared. Returns the failed attempts made since the previous
     * successful login (this one's reserved attempt not included) and its time, for the account's owner to see.
     */
    public PreviousLogin recordSuccess(UUID id, Instant now) {
        return jdbc.sql("""
                update idn_user u set failed_attempts = 0, locked_until = null, failed_since_login = 0, last_login_at = :now
                from (select id, failed_since_login, last_login_at from idn_user where id = :id for update) old
                where u.id = old.id
                returning old.failed_since_login, old.last_login_at""")
                .param("id", id).param("now", ts(now))
                .query((rs, n) -> new PreviousLogin(Math.max(0, rs.getInt(1) - 1), instant(rs, "last_login_at")))
                .single();
    }

    /** When the account's lock ends, if it is locked. */
    public Optional<Instant> lockedUntil(UUID id, Instant now) {
        return jdbc.sql("select locked_until from idn_user where id = :id and locked_until > :now")
                .param("id", id).param("now", ts(now)).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    public void updatePassword(UUID id, String hash, boolean mustChange, Instant now) {
        jdbc.sql("""
                update idn_user set password_hash = :h, password_changed_at = :now, must_change_password = :mc,
                    updated_at = :now, security_stamp = :stamp, version = version + 1 where id = :id""")
                .param("id", id).param("h", hash).param("now", ts(now)).param("mc", mustChange)
                .param("stamp", UUID.randomUUID()).update();
        jdbc.sql("insert into idn_password_history (user_id, password_hash, created_at) values (:id, :h, :now)")
                .param("id", id).param("h", hash).param("now", ts(now)).update();
    }

    /** The initial password goes into the history too, so it cannot be "changed" to itself. */
    public void updatePasswordHistoryOnly(UUID id, String hash, Instant now) {
        jdbc.sql("insert into idn_password_history (user_id, password_hash, created_at) values (:id, :h, :now)")
                .param("id", id).param("h", hash).param("now", ts(now)).update();
    }

    public List<String> recentPasswordHashes(UUID id, int count) {
        return jdbc.sql("select password_hash from idn_password_history where user_id = :id order by seq desc limit :n")
                .param("id", id).param("n", count).query(String.class).list();
    }

    public void updateTotp(UUID id, String secretEnc, boolean enabled, Instant now) {
        jdbc.sql("""
                update idn_user set totp_secret_enc = :s, totp_enabled = :e, updated_at = :now,
                    security_stamp = case when :e <> totp_enabled then :stamp else security_stamp end,
                    version = version + 1 where id = :id""")
                .param("id", id).param("s", secretEnc).param("e", enabled).param("now", ts(now))
                .param("stamp", UUID.randomUUID()).update();
    }

    /** The step of the last TOTP code accepted, so that no code is accepted twice. */
    public void updateTotpLastStep(UUID id, long step) {
        jdbc.sql("update idn_user set totp_last_step = :s where id = :id").param("s", step).param("id", id).update();
    }

    /** Accepts a TOTP step only if it is later than the last one accepted — atomically, so a code opens one login. */
    public boolean acceptTotpStep(UUID id, long step) {
        return jdbc.sql("update idn_user set totp_last_step = :s where id = :id and (totp_last_step is null or totp_last_step < :s)")
                .param("s", step).param("id", id).update() == 1;
    }

    public Long totpLastStep(UUID id) {
        return jdbc.sql("select totp_last_step from idn_user where id = :id").param("id", id).query(Long.class).optional().orElse(null);
    }

    /** Display name, role and scope; a new security stamp ends the account's sessions and tokens when asked. */
    public void updateProfile(UUID id, String displayName, Role role, String regionCode, UUID unitId, UUID enterpriseId,
                              CurrentUser.EnterprisePosition position, boolean rotateStamp, Instant now) {
        jdbc.sql("""
                update idn_user set display_name = :dn, role = :role, region_code = :region, unit_id = :unit,
                    enterprise_id = :ent, enterprise_position = :position, updated_at = :now, version = version + 1,
                    admin_role = coalesce(admin_role, :adminRole),
                    security_stamp = case when :rotate then :stamp else security_stamp end
                where id = :id""")
                .param("id", id).param("dn", displayName).param("role", role.name()).param("region", regionCode)
                .param("adminRole", role.administrator() ? role.name() : null)
                .param("unit", unitId).param("ent", enterpriseId).param("position", position == null ? null : position.name())
                .param("now", ts(now)).param("rotate", rotateStamp)
                .param("stamp", UUID.randomUUID()).update();
    }

    /** Disabling ends every session and token at once (new security stamp). */
    public void updateEnabled(UUID id, boolean enabled, Instant now) {
        jdbc.sql("""
                update idn_user set enabled = :e, updated_at = :now, version = version + 1,
                    security_stamp = case when :e then security_stamp else :stamp end
                where id = :id""")
                .param("id", id).param("e", enabled).param("now", ts(now)).param("stamp", UUID.randomUUID()).update();
    }

    public void unlock(UUID id, Instant now) {
        jdbc.sql("update idn_user set failed_attempts = 0, locked_until = null, updated_at = :now, version = version + 1 where id = :id")
                .param("id", id).param("now", ts(now)).update();
    }

    /** Removes the second factor; the account enrols again (and an administrator outside demo mode must). */
    public void resetTotp(UUID id, Instant now) {
        jdbc.sql("""
                update idn_user set totp_secret_enc = null, totp_enabled = false, totp_last_step = null, updated_at = :now,
                    security_stamp = :stamp, version = version + 1 where id = :id""")
                .param("id", id).param("now", ts(now)).param("stamp", UUID.randomUUID()).update();
    }

    /** One page of accounts matching the filter, by username, and the number of all matches. */
    public Page<UserAccount> search(UserFilter f, Instant now) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.role() != null) {
            where.append(" and role = :role");
            params.put("role", f.role().name());
        }
        if (f.region() != null) {
            if (RegionCodes.isAdministrative(f.region())) {
                where.append(" and region_code like :region");
                params.put("region", RegionCodes.subtreePrefix(f.region()) + "%");
            } else {
                where.append(" and region_code = :region");
                params.put("region", f.region());
            }
        }
        if (f.keyword() != null) {
            where.append(" and (username ilike :kw escape '\\' or display_name ilike :kw escape '\\')");
            params.put("kw", "%" + f.keyword().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.enabled() != null) {
            where.append(" and enabled = :enabled");
            params.put("enabled", f.enabled());
        }
        if (f.locked() != null) {
            where.append(f.locked() ? " and locked_until > :now" : " and (locked_until is null or locked_until <= :now)");
            params.put("now", ts(now));
        }
        long total = jdbc.sql("select count(*) from idn_user" + where).params(params).query(Long.class).single();
        List<UserAccount> items = jdbc.sql(SELECT + where + " order by username limit :limit offset :offset")
                .params(params).param("limit", f.size()).param("offset", (long) f.page() * f.size())
                .query(UserRepository::map).list();
        return new Page<>(items, f.page(), f.size(), total);
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    static UserAccount map(ResultSet rs, int n) throws SQLException {
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("region_code"), rs.getObject("unit_id", UUID.class),
                rs.getObject("enterprise_id", UUID.class), rs.getString("mobile_enc"), rs.getString("password_hash"),
                instant(rs, "password_changed_at"), rs.getBoolean("must_change_password"), rs.getString("totp_secret_enc"),
                rs.getBoolean("totp_enabled"), rs.getInt("failed_attempts"), instant(rs, "locked_until"),
                rs.getBoolean("enabled"), rs.getBoolean("demo"), instant(rs, "last_login_at"), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "updated_at"), rs.getObject("security_stamp", UUID.class),
                rs.getInt("version"), rs.getString("enterprise_position") == null ? null
                        : CurrentUser.EnterprisePosition.valueOf(rs.getString("enterprise_position")));
    }
}
