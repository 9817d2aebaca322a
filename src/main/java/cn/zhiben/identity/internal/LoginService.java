package cn.zhiben.identity.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.identity.IdentityProperties;
import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.RequestInfo;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a username, password and (where enabled) TOTP code; counts failures and locks the account after too many
 * (等保 level 3: 登录失败处理). Every attempt is audited.
 */
@Service
public class LoginService {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final FieldEncryptor encryptor;
    private final PrincipalFactory principals;
    private final AuditLog audit;
    private final IdentityProperties properties;
    private final Clock clock;
    /** Compared against when the user does not exist, so both cases take the same time. */
    private final String dummyHash;

    LoginService(UserRepository users, PasswordEncoder encoder, FieldEncryptor encryptor, PrincipalFactory principals,
                 AuditLog audit, IdentityProperties properties, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.encryptor = encryptor;
        this.principals = principals;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = encoder.encode(java.util.UUID.randomUUID().toString());
    }

    /** Failures are committed even though the exception propagates. */
    @Transactional(noRollbackFor = LoginFailure.class)
    public CurrentUser authenticate(String username, String password, String totpCode, String channel) {
        Instant now = clock.instant();
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        UserAccount u = users.findByUsername(name).orElse(null);
        if (u == null) {
            encoder.matches(password == null ? "" : password, dummyHash);
            fail(null, name, channel, LoginFailure.badCredentials());
        }
        // a locked account is refused before its password is even compared, so guessing cannot go on during the lock
        if (u.lockedAt(now)) {
            fail(u, name, channel, LoginFailure.locked(minutesLeft(now, u.lockedUntil())));
        }
        if (password == null || !encoder.matches(password, u.passwordHash())) {
            failCounted(u, channel, LoginFailure.badCredentials(), now);
        }
        // only someone who knows the password learns that the account is disabled
        if (!u.enabled()) {
            fail(u, name, channel, LoginFailure.disabled());
        }
        if (u.totpEnabled()) {
            if (totpCode == null || totpCode.isBlank()) {
                // counted too: otherwise the answer would let anyone test passwords without limit
                failCounted(u, channel, LoginFailure.totpMissing(), now);
            }
            long step = Totp.verify(encryptor.decrypt(u.totpSecretEnc()), totpCode, now);
            Long last = users.totpLastStep(u.id());
            if (step < 0 || (last != null && step <= last)) {
                failCounted(u, channel, LoginFailure.totpInvalid(), now);
            }
            users.updateTotpLastStep(u.id(), step);
        }
        users.recordSuccess(u.id(), now);
        CurrentUser principal = principals.principal(u);
        audit.record(AuditEntry.success(AuditAction.LOGIN, "user", u.id(), Map.of("channel", channel))
                .by(new AuditEntry.Actor(u.id(), u.username(), u.role().name(), RequestInfo.clientAddress())));
        return principal;
    }

    static long minutesLeft(Instant now, Instant until) {
        long seconds = Math.max(0, Duration.between(now, until).getSeconds());
        return Math.max(1, (seconds + 59) / 60);
    }

    private void failCounted(UserAccount u, String channel, LoginFailure failure, Instant now) {
        users.recordFailure(u.id(), properties.maxFailedAttempts(), now.plus(properties.lockDuration()), now);
        UserAccount after = users.findById(u.id()).orElseThrow();
        if (after.lockedAt(now)) {
            fail(u, u.username(), channel, new LoginFailure("ACCOUNT_LOCKED",
                    failure.getMessage() + "；连续失败 " + properties.maxFailedAttempts() + " 次，账号已锁定 "
                            + properties.lockDuration().toMinutes() + " 分钟"));
        }
        int left = properties.maxFailedAttempts() - after.failedAttempts();
        fail(u, u.username(), channel, new LoginFailure(failure.code(), failure.getMessage() + "（再失败 " + left + " 次将锁定账号）"));
    }

    private void fail(UserAccount u, String username, String channel, LoginFailure failure) {
        audit.record(new AuditEntry(AuditAction.LOGIN_FAILED, "user", u == null ? null : u.id().toString(),
                Map.of("channel", channel, "reason", failure.code()), false, failure.getMessage(),
                new AuditEntry.Actor(u == null ? null : u.id(), username, u == null ? null : u.role().name(),
                        RequestInfo.clientAddress())));
        throw failure;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void loggedOut(CurrentUser user, String channel) {
        audit.record(AuditEntry.success(AuditAction.LOGOUT, "user", user.id(), Map.of("channel", channel))
                .by(new AuditEntry.Actor(user.id(), user.username(), user.role().name(), RequestInfo.clientAddress())));
    }
}
