package cn.zhiben.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Named token buckets in PostgreSQL (Bucket4j, select-for-update), so a limit holds across every instance on the
 * database. Each take commits on its own connection, outside the caller's transaction: a request that is refused or
 * fails later still used its token. Bucket names are the caller's, prefixed by its module ("identity:addr:…").
 */
@Component
public class RateLimits {

    /** {@code capacity} requests per {@code period}, refilled evenly over the period. */
    public record Rate(int capacity, Duration period) {
        public Rate {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("rate " + capacity + " per " + period);
            }
        }

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                    .build();
        }
    }

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    RateLimits(DataSource dataSource, Clock clock) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("platform_rate_limit").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
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
                // a bucket is forgotten a minute after it would be full again
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one request from the bucket; empty when allowed, else how long until one is (at least a second). */
    public Optional<Duration> tryTake(String bucket, Rate rate) {
        ConsumptionProbe probe = bucket(bucket, rate).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return Optional.of(Duration.ofSeconds(seconds));
    }

    /** Uses up every request left in the bucket (tests, and a caller that wants to block a key for a period). */
    public void drain(String bucket, Rate rate) {
        bucket(bucket, rate).tryConsumeAsMuchAsPossible();
    }

    private BucketProxy bucket(String name, Rate rate) {
        return buckets.builder().build(name, rate::configuration);
    }

    /** Expired buckets. Harmless on several instances at once. */
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    void removeExpired() {
        while (buckets.removeExpired(1000) >= 1000) {
            // a large backlog after an attack: keep going in batches
        }
    }
}
