package cn.zhiben.identity.internal;

import cn.zhiben.identity.IdentityProperties;
import cn.zhiben.platform.ratelimit.RateLimits;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Rate limits of login and token requests per client address and per username (existing or not), in the platform's
 * token buckets ({@link RateLimits}), so they hold across every instance on the database (issue 9 item 3). Checked
 * before the password, so a flood costs no password hashing. Limits: {@link IdentityProperties.LoginRate}.
 */
@Component
public class LoginThrottle {

    private final RateLimits limits;
    private final RateLimits.Rate perAddress;
    private final RateLimits.Rate perAccount;
    private final UnknownUsernames unknown;
    private final IdentityProperties properties;
    private final Clock clock;
    /** key -> when a refusal for it was last audited: once per period, so a flood cannot flood the audit log. */
    private final Map<String, Instant> audited = new ConcurrentHashMap<>();

    LoginThrottle(RateLimits limits, IdentityProperties properties, UnknownUsernames unknown, Clock clock) {
        this.limits = limits;
        this.properties = properties;
        this.unknown = unknown;
        this.clock = clock;
        IdentityProperties.LoginRate rate = properties.loginRate();
        this.perAddress = new RateLimits.Rate(rate.perAddress(), rate.period());
        this.perAccount = new RateLimits.Rate(rate.perAccount(), rate.period());
    }

    /** A refusal: which limit, and how long until a request is allowed again. */
    public record Refusal(String key, Duration retryAfter) {
    }

    /** Takes one request from the address's bucket, then from the username's; empty when both allowed it. */
    public Optional<Refusal> acquire(String clientAddress, String username) {
        String addressKey = addressKey(clientAddress == null ? "unknown" : clientAddress);
        Optional<Refusal> refused = take(addressKey, perAddress);
        return refused.isPresent() ? refused : take(accountKey(username), perAccount);
    }

    private Optional<Refusal> take(String key, RateLimits.Rate rate) {
        return limits.tryTake(key, rate).map(retry -> new Refusal(key, retry));
    }

    private static String addressKey(String address) {
        return "identity:addr:" + address;
    }

    private static String accountKey(String username) {
        return "identity:user:" + username;
    }

    /** Uses up an address's requests (tests). */
    void drainAddress(String address) {
        limits.drain(addressKey(address), perAddress);
    }

    /** Uses up a username's requests (tests). */
    void drainAccount(String username) {
        limits.drain(accountKey(username), perAccount);
    }

    /** Whether this refusal should be written to the audit log (the first for its key in a period). */
    boolean firstRefusalInPeriod(String key) {
        Instant now = clock.instant();
        Instant before = audited.get(key);
        if (before != null && before.plus(properties.loginRate().period()).isAfter(now)) {
            return false;
        }
        audited.put(key, now);
        return true;
    }

    /** Forgotten unknown usernames, old audit marks (the platform drops expired buckets). Harmless on several instances. */
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    void clean() {
        Instant now = clock.instant();
        unknown.forgetBefore(now.minus(properties.failureWindow()));
        audited.values().removeIf(at -> at.plus(properties.loginRate().period()).isBefore(now));
    }
}
