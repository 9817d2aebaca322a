package cn.zhiben.platform.jobs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Which occurrence a firing or a start-up catch-up belongs to: the latest cron time at or before now, in Asia/Shanghai. */
class JobSchedulerTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "{0} at {1} → {2}")
    @CsvSource({
            // the nightly overdue job, 00:05 Shanghai time
            "0 5 0 * * *,    2026-12-03T10:00:00, 2026-12-03T00:05:00",
            "0 5 0 * * *,    2026-12-03T00:05:00, 2026-12-03T00:05:00",
            "0 5 0 * * *,    2026-12-03T00:04:59, 2026-12-02T00:05:00",
            // down over a long weekend: still only the latest night
            "0 5 0 * * *,    2026-12-07T09:00:00, 2026-12-07T00:05:00",
            // every five minutes
            "0 */5 * * * *,  2026-12-03T10:07:30, 2026-12-03T10:05:00",
            // monthly, the first at 08:00: looks back a month
            "0 0 8 1 * *,    2026-12-20T12:00:00, 2026-12-01T08:00:00",
            // yearly: looks back most of a year
            "0 0 8 1 1 *,    2026-12-20T12:00:00, 2026-01-01T08:00:00"})
    void theOccurrenceIsTheLatestCronTimeAtOrBeforeNow(String cron, LocalDateTime now, LocalDateTime expected) {
        Instant at = now.atZone(SHANGHAI).toInstant();
        assertThat(JobScheduler.latestOccurrence(cron, at)).contains(expected.atZone(SHANGHAI).toInstant());
    }

    @ParameterizedTest
    @CsvSource({"first-half", "second-half"})
    void theLockKeyIsStablePerNameAndDiffersBetweenNames(String name) {
        assertThat(AdvisoryLocks.key(name)).isEqualTo(AdvisoryLocks.key(name));
        assertThat(AdvisoryLocks.key(name)).isNotEqualTo(AdvisoryLocks.key(name + "x"));
    }
}
