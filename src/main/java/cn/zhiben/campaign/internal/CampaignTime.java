package cn.zhiben.campaign.internal;

import cn.zhiben.platform.PlatformConfiguration;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The campaign's notion of "now", from the injected clock in Asia/Shanghai. The demo data replays a year of work
 * through the real verbs by running each step {@link #at} the moment it happened, so its records, transitions and
 * on-time flags are what they would have been (instead of being rewritten in SQL afterwards).
 */
@Component
public class CampaignTime {

    private final Clock clock;
    private final ThreadLocal<Instant> replaying = new ThreadLocal<>();

    CampaignTime(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        Instant at = replaying.get();
        return at != null ? at : clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), PlatformConfiguration.ZONE);
    }

    /** Runs work as of the given moment on this thread (demo history only). */
    public <T> T at(Instant moment, Supplier<T> work) {
        Instant previous = replaying.get();
        replaying.set(moment);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                replaying.remove();
            } else {
                replaying.set(previous);
            }
        }
    }
}
