package cn.zhiben.identity.internal;

import cn.zhiben.identity.IdentityProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Rate limits of login and token requests per client address and per username (existing or not), as token buckets
 * in PostgreSQL (Bucket4j), so they hold across every instance on the database (issue 9 item 3). Checked before the
 * password, so a flood costs no password hashing. Limits: {@link IdentityProperties.LoginRate}.
 */
@Component
public class LoginThrottle {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration perAccount;
    private final UnknownUsernames unknown;
    private final IdentityProperties properties;
    private final Clock clock;
    /** key -> when a refusal for it was last audited: once per period, so a flood cannot flood the audit log. */
    private final Map<String, Instant> audited = new ConcurrentHashMap<>();

    LoginThrottle(DataSource dataSource, IdentityProperties properties, UnknownUsernames unknown, Clock clock) {
        this.properties = properties;
        this.unknown = unknown;
        this.clock = clock;
        IdentityProperties.LoginRate rate = properties.loginRate();
        this.perAddress = limit(rate.perAddress(), rate.period());
        this.perAccount = limit(rate.perAccount(), rate.period());
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("idn_rate_limit").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                // the platform's clock, so that tests can let time pass
                .clientClock(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    private static BucketConfiguration limit(int capacity, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }

    /** A refusal: which limit, and how long until a request is allowed again. */
    public record Refusal(String key, Duration retryAfter) {
    }

    /** Takes one request from the address's bucket, then from the username's; empty when both allowed it. */
    public Optional<Refusal> acquire(String clientAddress, String username) {
        String addressKey = "addr:" + (clientAddress == null ? "unknown" : clientAddress);
        Optional<Refusal> refused = take(bucket(addressKey, perAddress), addressKey);
        if (refused.isPresent()) {
            return refused;
        }
        String userKey = "user:" + username;
        return take(bucket(userKey, perAccount), userKey);
    }

    BucketProxy bucket(String key, BucketConfiguration configuration) {
        return buckets.builder().build(key, () -> configuration);
    }

    BucketProxy addressBucket(String address) {
        return bucket("addr:" + address, perAddress);
    }

    BucketProxy accountBucket(String username) {
        return bucket("user:" + username, perAccount);
    }

    private static Optional<Refusal> take(BucketProxy bucket, String key) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return Optional.of(new Refusal(key, Duration.ofSeconds(seconds)));
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

    /** Expired buckets, forgotten unknown usernames, old audit marks. Harmless on several instances at once. */
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    void clean() {
        while (buckets.removeExpired(1000) >= 1000) {
            // a large backlog after an attack: keep going in batches
        }
        Instant now = clock.instant();
        unknown.forgetBefore(now.minus(properties.failureWindow()));
        audited.values().removeIf(at -> at.plus(properties.loginRate().period()).isBefore(now));
    }
}
