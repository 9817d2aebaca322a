package cn.zhiben.campaign.internal;

import cn.zhiben.campaign.CampaignProperties;
import cn.zhiben.platform.jobs.ClusterJob;
import cn.zhiben.platform.jobs.JobRun;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The campaign's daily run, every morning Asia/Shanghai, as a platform cluster job (decision 0011: one instance per
 * occurrence, an advisory lock and the ledger {@code platform_job_run}; a morning missed while the platform was down
 * runs once at the next start): opens the reports whose period has come, sends the reminders (3 days before and on the
 * due date) and late notices due today, and escalates dispatches not answered in time. Each report and copy commits
 * on its own and remembers what it was told or escalated for, and messages are keyed by their cause, so a run that is
 * repeated (a failed occurrence, a catch-up) sends nothing twice.
 */
@Component
public class CampaignJobs implements ClusterJob {

    private final CalendarService calendar;
    private final DispatchService dispatches;
    private final CampaignTime time;
    private final String cron;

    CampaignJobs(CalendarService calendar, DispatchService dispatches, CampaignTime time, CampaignProperties properties) {
        this.calendar = calendar;
        this.dispatches = dispatches;
        this.time = time;
        this.cron = properties.jobCron();
    }

    public record Run(int opened, int notices, int overdueDispatches) {
    }

    @Override
    public String name() {
        return "campaign.daily";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public String run(JobRun run) {
        // the business date of a caught-up occurrence is the day it was due: today's notices are those of today
        Run r = runFor(time.today());
        return r.opened() + " report(s) opened, " + r.notices() + " reminder(s)/late notice(s), "
                + r.overdueDispatches() + " dispatch copy(ies) escalated";
    }

    /** The work of one morning for the given business date. */
    public Run runFor(LocalDate today) {
        int opened = calendar.openAll(today);
        int notices = calendar.notify(today);
        int overdue = dispatches.markOverdue(today);
        return new Run(opened, notices, overdue);
    }
}
