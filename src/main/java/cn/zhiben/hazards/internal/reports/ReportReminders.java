package cn.zhiben.hazards.internal.reports;

import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Reminds enterprises, in their inbox, that a hazard report is due: on each configured day before the due date
 * (zhiben.hazards.reports.reminder-days, default 7 and 1), once each, while it has not been submitted. A day missed
 * (the platform was down) is not made up with two reminders at once: the latest one due is sent.
 */
@Component
public class ReportReminders {

    private static final Logger log = LoggerFactory.getLogger(ReportReminders.class);
    private final EnterpriseReportRepository reports;
    private final EnterpriseDirectory enterprises;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;
    private final HazardsProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReportReminders(EnterpriseReportRepository reports, EnterpriseDirectory enterprises, AccountDirectory accounts,
                    ApplicationEventPublisher events, HazardsProperties properties, JdbcClient jdbc, Clock clock) {
        this.reports = reports;
        this.enterprises = enterprises;
        this.accounts = accounts;
        this.events = events;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${zhiben.hazards.reports.reminder-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
    public void scheduled() {
        int n = remind();
        if (n > 0) {
            log.info("report reminders: {} enterprise(s) reminded", n);
        }
    }

    /** Sends today's reminders; returns how many enterprises were reminded (0 when run again the same day). */
    @Transactional
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
                boolean first = jdbc.sql("""
                                insert into hz_report_reminder (enterprise_id, period, days_before, sent_at)
                                values (:e, :p, :k, :at) on conflict do nothing""")
                        .param("e", e.id()).param("p", period.code()).param("k", k)
                        .param("at", Timestamp.from(clock.instant())).update() == 1;
                if (first) {
                    events.publishEvent(new HazardEvents.HazardReportDue(e.id(), e.name(), period.code(), period.label(), due,
                            (int) java.time.temporal.ChronoUnit.DAYS.between(today, due)));
                    reminded++;
                }
            }
        }
        return reminded;
    }
}
