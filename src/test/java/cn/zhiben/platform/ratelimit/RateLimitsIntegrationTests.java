package cn.zhiben.platform.ratelimit;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The named buckets every module's limits use (logins, public tip-offs): refusal, refill, independence, durability. */
class RateLimitsIntegrationTests extends IntegrationTest {

    @Autowired
    RateLimits limits;
    @Autowired
    PlatformTransactionManager transactionManager;

    private final RateLimits.Rate threePerHour = new RateLimits.Rate(3, Duration.ofHours(1));

    @Test
    void aBucketAllowsItsCapacityThenTellsHowLongUntilItRefillsOneRequest() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String bucket = "test:" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryTake(bucket, threePerHour)).isEmpty();
        }
        Optional<Duration> refused = limits.tryTake(bucket, threePerHour);
        assertThat(refused).hasValue(Duration.ofMinutes(20)); // one of three per hour comes back every 20 minutes
        // another name is another bucket
        assertThat(limits.tryTake("test:" + UUID.randomUUID(), threePerHour)).isEmpty();

        clock.advance(Duration.ofMinutes(20));
        assertThat(limits.tryTake(bucket, threePerHour)).isEmpty();
        assertThat(limits.tryTake(bucket, threePerHour)).isPresent();
    }

    @Test
    void aTakeStaysTakenWhenTheCallersTransactionRollsBack() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String bucket = "test:" + UUID.randomUUID();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                assertThat(limits.tryTake(bucket, threePerHour)).isEmpty();
            }
            status.setRollbackOnly();
        });
        assertThat(limits.tryTake(bucket, threePerHour)).isPresent();
    }
}
