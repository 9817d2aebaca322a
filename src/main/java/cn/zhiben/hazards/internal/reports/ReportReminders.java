package cn.zhiben.hazards.internal.reports;

import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.jobs.ClusterJob;
import cn.zhiben.platform.jobs.JobRun;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Reminds enterprises, in their inbox, that a hazard report is due: on each configured day before the due date
 * (zhiben.hazards.reports.reminder-days, default 7 and 1), once each, while it has not been submitted. A day missed
 * (the platform was down) is not made up with two reminders at once: the latest one due is sent. A cluster job: one
 * instance per day, caught up at the next start if the platform was down, one transaction per enterprise.
 */
@Component
public class ReportReminders implements ClusterJob {

    private final EnterpriseReportRepository reports;
    private final EnterpriseDirectory enterprises;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;
    private final HazardsProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    ReportReminders(EnterpriseReportRepository reports, EnterpriseDirectory enterprises, AccountDirectory accounts,
                    ApplicationEventPublisher events, HazardsProperties properties, JdbcClient jdbc, Clock clock,
                    PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.reports = reports;
        this.enterprises = enterprises;
        this.accounts = accounts;
        this.events = events;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "hazards.report-reminders";
    }

    @Override
    public String cron() {
        return properties.reports().reminderCron();
    }

    @Override
    public String run(JobRun run) {
        return remind() + " enterprise(s) reminded of a hazard report due";
    }

    /** Sends today's reminders; returns how many enterprises were reminded (0 when run again the same day). */
    public int remind() {
        HazardsProperties.Reports rules = properties.reports();
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        List<Integer> days = rules.reminderDays().stream().filter(d -> d > 0).sorted().toList();
        int reminded = 0;
        for (ReportPeriod period : ReportPeriod.ended(rules, today)) {
            LocalDate due = period.dueOn(rules);
            if (today.isAfter(due)) {
                continue;
            }
            Integer k = days.stream().filter(d -> !today.isBefore(due.minusDays(d))).findFirst().orElse(null);
            if (k == null) {
                continue;
            }
            List<EnterpriseRef> owing = enterprises.notClosed(DataScope.city());
            Set<java.util.UUID> submitted = reports.submitted(period, owing.stream().map(EnterpriseRef::id).toList());
            for (EnterpriseRef e : owing) {
                if (submitted.contains(e.id()) || accounts.enterpriseAccounts(e.id()).isEmpty()) {
                    continue;
                }
                int daysBefore = (int) java.time.temporal.ChronoUnit.DAYS.between(today, due);
                // the reminder's row and its event commit together: once each, even if the job runs again
                Boolean first = tx.execute(status -> {
                    boolean inserted = jdbc.sql("""
                                    insert into hz_report_reminder (enterprise_id, period, days_before, sent_at)
                                    values (:e, :p, :k, :at) on conflict do nothing""")
                            .param("e", e.id()).param("p", period.code()).param("k", k)
                            .param("at", Timestamp.from(clock.instant())).update() == 1;
                    if (inserted) {
                        events.publishEvent(new HazardEvents.HazardReportDue(e.id(), e.name(), period.code(), period.label(),
                                due, daysBefore));
                    }
                    return inserted;
                });
                if (Boolean.TRUE.equals(first)) {
                    reminded++;
                }
            }
        }
        return reminded;
    }
}
