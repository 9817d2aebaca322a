package cn.zhiben.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed logins for usernames that do not exist, counted and locked exactly like accounts' (same limit, window and
 * lock), so that no answer — nor the lock after the fifth failure — tells whether an account exists.
 */
@Repository
class UnknownUsernames {

    private final JdbcClient jdbc;

    UnknownUsernames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** As {@link UserRepository#reserveAttempt}: the failures counted with this one, empty while locked. */
    Optional<Integer> reserveAttempt(String username, int maxAttempts, Instant lockUntil, Instant windowStart, Instant now) {
        return jdbc.sql("""
                insert into idn_login_unknown as x (username, failed_attempts, locked_until, updated_at)
                values (:u, 1, case when 1 >= :max then cast(:lockUntil as timestamptz) end, :now)
                on conflict (username) do update set
                    failed_attempts = case when (x.locked_until is not null and x.locked_until <= :now)
                        or x.updated_at < :window then 1 else x.failed_attempts + 1 end,
                    locked_until = case when (case when (x.locked_until is not null and x.locked_until <= :now)
                        or x.updated_at < :window then 1 else x.failed_attempts + 1 end) >= :max then cast(:lockUntil as timestamptz) end,
                    updated_at = :now
                where x.locked_until is null or x.locked_until <= :now
                returning failed_attempts""")
                .param("u", username).param("max", maxAttempts).param("lockUntil", Timestamp.from(lockUntil))
                .param("now", Timestamp.from(now)).param("window", Timestamp.from(windowStart))
                .query(Integer.class).optional();
    }

    Optional<Instant> lockedUntil(String username, Instant now) {
        return jdbc.sql("select locked_until from idn_login_unknown where username = :u and locked_until > :now")
                .param("u", username).param("now", Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /** Forgets names whose last failure is older than the window (their count would start again anyway). */
    int forgetBefore(Instant windowStart) {
        return jdbc.sql("delete from idn_login_unknown where updated_at < :w and (locked_until is null or locked_until < :w)")
                .param("w", Timestamp.from(windowStart)).update();
    }
}
