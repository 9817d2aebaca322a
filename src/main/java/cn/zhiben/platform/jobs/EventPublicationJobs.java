package cn.zhiben.platform.jobs;

import cn.zhiben.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spring Modulith's event publication log, kept right with several instances (issue 9 part 7, decision 0011):
 * completed publications are deleted after a retention period, and incomplete ones are resubmitted by one instance
 * (not by every instance at its start, which would re-run what another is processing right now).
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationJobs {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationJobs.class);

    /** Nightly: completed event publications and old job ledger rows. */
    @Bean
    ClusterJob platformHousekeeping(CompletedEventPublications completed, JobLedger ledger, PlatformProperties properties, Clock clock) {
        PlatformProperties.Jobs settings = properties.jobs();
        return ClusterJob.of("platform.housekeeping", "0 30 3 * * *", true, run -> {
            completed.deletePublicationsOlderThan(settings.completedEventsRetention());
            int runs = ledger.deleteRunsBefore(clock.instant().minus(settings.jobRunRetention()));
            return "completed event publications older than " + settings.completedEventsRetention()
                    + " deleted; " + runs + " old job ledger rows deleted";
        });
    }

    /** Every five minutes: publications left incomplete are handed to their listeners again, up to a limit. */
    @Bean
    ClusterJob eventResubmission(IncompleteEventPublications incomplete, PlatformProperties properties, Clock clock) {
        PlatformProperties.Jobs settings = properties.jobs();
        return ClusterJob.of("platform.event-resubmission", "0 */5 * * * *", false, run -> {
            Instant before = clock.instant().minus(settings.resubmitEventsAfter());
            AtomicInteger given = new AtomicInteger();
            AtomicInteger exhausted = new AtomicInteger();
            incomplete.resubmitIncompletePublications(p -> {
                if (!p.getPublicationDate().isBefore(before)) {
                    return false;
                }
                if (p.getCompletionAttempts() >= settings.maxEventAttempts()) {
                    exhausted.incrementAndGet();
                    return false;
                }
                given.incrementAndGet();
                return true;
            });
            if (exhausted.get() > 0) {
                log.error("{} event publication(s) still fail after {} attempts; they need an operator (table event_publication)",
                        exhausted.get(), settings.maxEventAttempts());
            }
            return given.get() + " incomplete event publication(s) resubmitted, " + exhausted.get() + " given up";
        });
    }
}
