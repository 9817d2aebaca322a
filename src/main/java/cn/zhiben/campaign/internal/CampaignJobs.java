package cn.zhiben.campaign.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The campaign's daily run, every morning Asia/Shanghai: opens the reports whose period has come, sends the
 * reminders and late notices due today and escalates dispatches not answered in time. Every step is idempotent (each
 * report and copy remembers what it was told, messages are keyed by their cause), so running it twice — or on two
 * instances until the shared job lock replaces this plain {@code @Scheduled} — sends nothing twice.
 */
@Component
public class CampaignJobs {

    private static final Logger log = LoggerFactory.getLogger(CampaignJobs.class);
    private final CalendarService calendar;
    private final DispatchService dispatches;
    private final CampaignTime time;

    CampaignJobs(CalendarService calendar, DispatchService dispatches, CampaignTime time) {
        this.calendar = calendar;
        this.dispatches = dispatches;
        this.time = time;
    }

    public record Run(int opened, int notices, int overdueDispatches) {
    }

    @Scheduled(cron = "${zhiben.campaign.job-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
    public void daily() {
        Run r = runFor(time.today());
        if (r.opened() + r.notices() + r.overdueDispatches() > 0) {
            log.info("campaign daily run: {} reports opened, {} reminders/late notices, {} dispatches escalated",
                    r.opened(), r.notices(), r.overdueDispatches());
        }
    }

    public Run runFor(LocalDate today) {
        int opened = calendar.openAll(today);
        int notices = calendar.notify(today);
        int overdue = dispatches.markOverdue(today);
        return new Run(opened, notices, overdue);
    }
}
