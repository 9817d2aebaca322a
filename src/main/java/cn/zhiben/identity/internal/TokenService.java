package cn.zhiben.identity.internal;

import cn.zhiben.identity.IdentityProperties;
import cn.zhiben.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque bearer tokens: 256 random bits shown once, stored as SHA-256. A token ends at its absolute lifetime, after the
 * idle timeout, on logout, or when the account's security stamp changes (password, role, scope, disabling).
 */
@Service
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** last_used_at is refreshed at most this often, to spare a write per request. */
    private static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final PrincipalFactory principals;
    private final IdentityProperties properties;
    private final Clock clock;

    TokenService(JdbcClient jdbc, UserRepository users, PrincipalFactory principals, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.principals = principals;
        this.properties = properties;
        this.clock = clock;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    @Transactional
    public Issued issue(CurrentUser user, String client) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "zb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.tokenLifetime());
        UUID stamp = users.findById(user.id()).orElseThrow().securityStamp();
        jdbc.sql("""
                insert into idn_api_token (id, user_id, token_hash, created_at, expires_at, last_used_at, client, security_stamp)
                values (:id, :u, :h, :now, :exp, :now, :client, :stamp)""")
                .param("id", UUID.randomUUID()).param("u", user.id()).param("h", hash(token))
                .param("now", Timestamp.from(now)).param("exp", Timestamp.from(expires)).param("client", client)
                .param("stamp", stamp).update();
        return new Issued(token, expires);
    }

    /** The principal behind a token, if the token is still good; touches its idle clock. */
    @Transactional
    public Optional<CurrentUser> resolve(String token) {
        if (token == null || !token.startsWith("zb_") || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        record Row(UUID id, UUID userId, Instant lastUsed, UUID stamp) {
        }
        Optional<Row> row = jdbc.sql("""
                select id, user_id, last_used_at, security_stamp from idn_api_token
                where token_hash = :h and revoked_at is null and expires_at > :now and last_used_at > :idle""")
                .param("h", hash(token)).param("now", Timestamp.from(now))
                .param("idle", Timestamp.from(now.minus(properties.idleTimeout())))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getObject(4, UUID.class)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserAccount> user = users.findById(row.get().userId())
                .filter(UserAccount::enabled)
                .filter(u -> !u.lockedAt(now))
                .filter(u -> u.securityStamp().equals(row.get().stamp()));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().lastUsed().plus(TOUCH_GRANULARITY).isBefore(now)) {
            jdbc.sql("update idn_api_token set last_used_at = :now where id = :id")
                    .param("now", Timestamp.from(now)).param("id", row.get().id()).update();
        }
        return Optional.of(principals.principal(user.get()));
    }

    /**
     * After the holder of this token changed their own password or second factor (a new security stamp), this token
     * carries on with the new stamp; the account's other tokens stay ended.
     */
    @Transactional
    public void rebind(String token, UUID userId) {
        jdbc.sql("""
                update idn_api_token t set security_stamp = u.security_stamp from idn_user u
                where u.id = t.user_id and t.token_hash = :h and t.user_id = :u and t.revoked_at is null""")
                .param("h", hash(token)).param("u", userId).update();
    }

    @Transactional
    public boolean revoke(String token) {
        return jdbc.sql("update idn_api_token set revoked_at = :now where token_hash = :h and revoked_at is null")
                .param("now", Timestamp.from(clock.instant())).param("h", hash(token)).update() > 0;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
