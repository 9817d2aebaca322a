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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a username, password and (where enabled) TOTP code (等保 GB/T 22239-2019 8.1.4.1 b: 登录失败处理 — limit
 * failed attempts, lock, end idle sessions). In order: the rate limits per client address and per username; one
 * attempt reserved — counted as failed and, at the limit, locking — atomically before the password is checked, so
 * parallel attempts cannot check more passwords than allowed; the password; then the second factor. Unknown
 * usernames are counted and locked like accounts, so the answers never tell whether an account exists; how many
 * attempts failed is told to the account's owner after a successful login. Every attempt is audited, except that a
 * flood of rate-limited requests is audited once per key and period.
 */
@Service
public class LoginService {

    private final UserRepository users;
    private final UnknownUsernames unknown;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private final FieldEncryptor encryptor;
    private final PrincipalFactory principals;
    private final AuditLog audit;
    private final IdentityProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    /** Compared against when the user does not exist, so both cases take the same time. */
    private final String dummyHash;

    LoginService(UserRepository users, UnknownUsernames unknown, LoginThrottle throttle, PasswordEncoder encoder,
                 FieldEncryptor encryptor, PrincipalFactory principals, AuditLog audit, IdentityProperties properties,
                 Clock clock, PlatformTransactionManager transactions) {
        this.users = users;
        this.unknown = unknown;
        this.throttle = throttle;
        this.encoder = encoder;
        this.encryptor = encryptor;
        this.principals = principals;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    /**
     * A successful login: who, and what the owner should know — failed attempts since the previous successful login
     * and when that was (null for the first login).
     */
    public record LoginResult(CurrentUser user, int failedAttemptsSinceLastLogin, Instant previousLoginAt)
            implements java.io.Serializable {
    }

    /** Password and, where enabled, the TOTP code in one request (the API). */
    public LoginResult authenticate(String username, String password, String totpCode, String channel) {
        return check(username, password, totpCode, channel, false);
    }

    /**
     * The login form's first step: the password. An account with a second factor answers
     * {@link LoginFailure.SecondFactorRequired}, and the form asks for the code ({@link #completeSecondFactor}).
     */
    public LoginResult checkPassword(String username, String password, String channel) {
        return check(username, password, null, channel, true);
    }

    private LoginResult check(String username, String password, String totpCode, String channel, boolean twoSteps) {
        String name = normalize(username);
        acquire(name, null, channel);
        Instant now = clock.instant();
        UserAccount u = users.findByUsername(name).orElse(null);
        Optional<Integer> attempt = u != null ? reserve(u.id(), now) : unknown.reserveAttempt(name,
                properties.maxFailedAttempts(), now.plus(properties.lockDuration()), now.minus(properties.failureWindow()), now);
        if (attempt.isEmpty()) {
            Instant until = u != null ? users.lockedUntil(u.id(), now).orElse(now) : unknown.lockedUntil(name, now).orElse(now);
            throw fail(u, name, channel, LoginFailure.locked(minutesLeft(now, until)));
        }
        if (u == null) {
            matches(password, dummyHash);
            throw failAttempt(null, name, channel, LoginFailure.badCredentials(), attempt.get());
        }
        if (!matches(password, u.passwordHash())) {
            throw failAttempt(u, name, channel, LoginFailure.badCredentials(), attempt.get());
        }
        // only someone who knows the password learns that the account is disabled or has a second factor
        if (!u.enabled()) {
            throw fail(u, name, channel, LoginFailure.disabled());
        }
        if (u.totpEnabled()) {
            if (totpCode == null || totpCode.isBlank()) {
                // still counted until the code is given: otherwise the answer would let anyone test passwords freely
                throw fail(u, name, channel, twoSteps ? new LoginFailure.SecondFactorRequired(u.id(), u.username())
                        : LoginFailure.totpMissing());
            }
            checkCode(u, totpCode, now, channel, attempt.get());
        }
        return succeed(u, now, channel);
    }

    /** The login form's second step: the TOTP code of the account whose password was right in the first step. */
    public LoginResult completeSecondFactor(UUID userId, String totpCode, String channel) {
        UserAccount u = users.findById(userId).orElseThrow(LoginFailure::badCredentials);
        acquire(u.username(), u, channel);
        Instant now = clock.instant();
        Optional<Integer> attempt = reserve(u.id(), now);
        if (attempt.isEmpty()) {
            throw fail(u, u.username(), channel, LoginFailure.locked(minutesLeft(now, users.lockedUntil(u.id(), now).orElse(now))));
        }
        if (!u.enabled()) {
            throw fail(u, u.username(), channel, LoginFailure.disabled());
        }
        if (!u.totpEnabled()) {
            // the factor was removed meanwhile: start again with the password
            throw fail(u, u.username(), channel, LoginFailure.badCredentials());
        }
        checkCode(u, totpCode, now, channel, attempt.get());
        return succeed(u, now, channel);
    }

    private void checkCode(UserAccount u, String code, Instant now, String channel, int attempt) {
        long step = code == null ? -1 : Totp.verify(encryptor.decrypt(u.totpSecretEnc()), code, now);
        // accepted once: a code seen by someone else, or sent twice at once, opens no second login
        if (step < 0 || !users.acceptTotpStep(u.id(), step)) {
            throw failAttempt(u, u.username(), channel, LoginFailure.totpInvalid(), attempt);
        }
    }

    private Optional<Integer> reserve(UUID id, Instant now) {
        return users.reserveAttempt(id, properties.maxFailedAttempts(), now.plus(properties.lockDuration()),
                now.minus(properties.failureWindow()), now);
    }

    private LoginResult succeed(UserAccount u, Instant now, String channel) {
        return transaction.execute(s -> {
            UserRepository.PreviousLogin previous = users.recordSuccess(u.id(), now);
            CurrentUser principal = principals.principal(users.findById(u.id()).orElseThrow());
            audit.record(AuditEntry.success(AuditAction.LOGIN, "user", u.id(), Map.of("channel", channel))
                    .by(new AuditEntry.Actor(u.id(), u.username(), u.role().name(), RequestInfo.clientAddress())));
            return new LoginResult(principal, previous.failures(), previous.at());
        });
    }

    private void acquire(String name, UserAccount u, String channel) {
        Optional<LoginThrottle.Refusal> refused = throttle.acquire(RequestInfo.clientAddress(), name);
        if (refused.isPresent()) {
            LoginFailure failure = LoginFailure.rateLimited(refused.get().retryAfter());
            if (throttle.firstRefusalInPeriod(refused.get().key())) {
                throw fail(u, name, channel, failure);
            }
            throw failure;
        }
    }

    /** Passwords longer than bcrypt's 72 bytes never match (none can be set) and never reach bcrypt. */
    private boolean matches(String password, String hash) {
        if (password == null || PasswordPolicy.tooLong(password)) {
            encoder.matches("", dummyHash);
            return false;
        }
        return encoder.matches(password, hash);
    }

    static String normalize(String username) {
        String n = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    static long minutesLeft(Instant now, Instant until) {
        long seconds = Math.max(0, Duration.between(now, until).getSeconds());
        return Math.max(1, (seconds + 59) / 60);
    }

    /** The attempt failed; if it was the last one allowed, the answer says the name is now locked. */
    private LoginFailure failAttempt(UserAccount u, String username, String channel, LoginFailure failure, int attempt) {
        return fail(u, username, channel, attempt >= properties.maxFailedAttempts()
                ? LoginFailure.lockedNow(failure, properties.maxFailedAttempts(), properties.lockDuration()) : failure);
    }

    private LoginFailure fail(UserAccount u, String username, String channel, LoginFailure failure) {
        audit.recordIndependently(new AuditEntry(AuditAction.LOGIN_FAILED, "user", u == null ? null : u.id().toString(),
                Map.of("channel", channel, "reason", failure.code()), false, failure.getMessage(),
                new AuditEntry.Actor(u == null ? null : u.id(), username, u == null ? null : u.role().name(),
                        RequestInfo.clientAddress())));
        return failure;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void loggedOut(CurrentUser user, String channel) {
        audit.record(AuditEntry.success(AuditAction.LOGOUT, "user", user.id(), Map.of("channel", channel))
                .by(new AuditEntry.Actor(user.id(), user.username(), user.role().name(), RequestInfo.clientAddress())));
    }
}
