package cn.zhiben.campaign.internal;

import cn.zhiben.campaign.CampaignProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The reporting calendar at work: opens each programme's reports when their period comes (idempotent: a report that
 * exists is left alone), and sends the reminders — 3 days before and on the due date, once each — and the late notice
 * the day after, to the addressee's accounts by inbox and text message (and the late notice also to the city office).
 */
@Service
public class CalendarService {

    private final ProgrammeRepository programmes;
    private final ReportRepository reports;
    private final CampaignNotices notices;
    private final CampaignNames names;
    private final CampaignProperties properties;
    private final CampaignTime time;
    private final TransactionTemplate perItem;

    CalendarService(ProgrammeRepository programmes, ReportRepository reports, CampaignNotices notices, CampaignNames names,
                    CampaignProperties properties, CampaignTime time, PlatformTransactionManager transactions) {
        this.perItem = new TransactionTemplate(transactions);
        this.programmes = programmes;
        this.reports = reports;
        this.notices = notices;
        this.names = names;
        this.properties = properties;
        this.time = time;
    }

    ReportCalendar.Rules rules() {
        return new ReportCalendar.Rules(properties.monthlyDueOnFirst(), properties.openDaysBeforeDue());
    }

    /** Every obligation of the programme, opened or not yet (the calendar the office sees). */
    public List<ReportCalendar.Obligation> obligations(Programme p) {
        Map<String, LocalDate> exceptions = new HashMap<>();
        programmes.exceptions(p.id()).forEach(e -> exceptions.put(e.kind().name() + "/" + e.period(), e.dueOn()));
        List<ReportCalendar.Schedule> schedules = programmes.schedules(p.id()).stream()
                .filter(ProgrammeRepository.ScheduleRow::active).map(ProgrammeRepository.ScheduleRow::schedule).toList();
        return ReportCalendar.obligations(schedules, p.reportingFrom(), p.endsOn(), rules(), exceptions);
    }

    /** Opens the reports whose time has come for every active party; @return how many were new. */
    @Transactional
    public int open(Programme p, LocalDate today) {
        if (p.status() != ProgrammeStatus.ACTIVE) {
            return 0;
        }
        Map<ReportKind, Audience> audience = new HashMap<>();
        programmes.schedules(p.id()).forEach(s -> audience.put(s.kind(), s.audience()));
        List<Addressee> parties = programmes.parties(p.id()).stream().filter(ProgrammeRepository.Party::active)
                .map(ProgrammeRepository.Party::addressee).toList();
        Instant now = time.now();
        // every day's run finds the earlier periods open: skip them without a round trip each
        Set<String> existing = reports.keys(p.id());
        int opened = 0;
        for (ReportCalendar.Obligation o : obligations(p)) {
            if (o.opensOn().isAfter(today)) {
                continue;
            }
            for (Addressee a : parties) {
                if (audience.get(o.kind()) == Audience.COUNTIES && a.kind() != Addressee.Kind.COUNTY_OFFICE) {
                    continue;
                }
                if (existing.contains(ReportRepository.key(o.kind(), o.period(), a))) {
                    continue;
                }
                if (reports.insert(Report.opened(p.id(), o.kind(), o.period(), a, o.dueOn()), now)) {
                    opened++;
                }
            }
        }
        return opened;
    }

    /** Opens the reports due for every active programme, each programme in its own transaction; @return how many were new. */
    public int openAll(LocalDate today) {
        int n = 0;
        for (Programme p : programmes.active()) {
            Integer opened = perItem.execute(s -> open(p, today));
            n += opened == null ? 0 : opened;
        }
        return n;
    }

    /**
     * Sends the reminders and late notices due today, each report in its own transaction (a report remembers which
     * notice it got, so a second run sends nothing twice); @return how many reports got one.
     */
    public int notify(LocalDate today) {
        CampaignNames.Snapshot n = names.snapshot();
        Instant now = time.now();
        int sent = 0;
        int failed = 0;
        for (UUID id : reports.noticeCandidates(today, properties.remindDaysBefore())) {
            try {
                if (Boolean.TRUE.equals(perItem.execute(s -> notify(id, today, now, n)))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                failed++;
                org.slf4j.LoggerFactory.getLogger(CalendarService.class).error("campaign report {}: notice failed", id, e);
            }
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " report notice(s) failed (" + sent + " sent); see the log");
        }
        return sent;
    }

    private boolean notify(UUID id, LocalDate today, Instant now, CampaignNames.Snapshot n) {
        Report r = reports.findUnscopedForUpdate(id).orElse(null);
        if (r == null || !r.status().open()) {
            return false;
        }
        ReportCalendar.Notice notice = ReportCalendar.notice(r.dueOn(), today, properties.remindDaysBefore()).orElse(null);
        if (notice == null) {
            return false;
        }
        String what = r.kind().label() + "（" + period(r) + "）";
        String key = "cmp-report-" + notice.name().toLowerCase() + ":" + r.id() + ":" + r.dueOn();
        String link = "/campaign/reports/" + r.id();
        switch (notice) {
            case BEFORE -> notices.inboxAndSms(Set.of(r.addressee()), "CAMPAIGN_REMINDER", "待报送：" + what,
                    "请于 " + r.dueOn() + " 前报送（还有 " + (r.dueOn().toEpochDay() - today.toEpochDay()) + " 天）。", link, key);
            case ON_DUE -> notices.inboxAndSms(Set.of(r.addressee()), "CAMPAIGN_REMINDER", "今日到期：" + what,
                    "今天（" + r.dueOn() + "）是报送期限，请及时报送。", link, key);
            case LATE -> {
                notices.inboxAndSms(Set.of(r.addressee()), "CAMPAIGN_LATE", "逾期未报：" + what,
                        "报送期限 " + r.dueOn() + " 已过，请尽快报送。", link, key);
                notices.inbox(Set.of(Addressee.CITY_OFFICE), "CAMPAIGN_LATE", "逾期未报：" + n.addressee(r.addressee()),
                        what + "报送期限 " + r.dueOn() + " 已过，尚未报送。", link, key);
            }
        }
        reports.markNotified(r.id(), notice, now);
        return true;
    }

    static String period(Report r) {
        return period(r.kind(), r.period());
    }

    public static String period(ReportKind kind, String period) {
        if (period.length() == 7) {
            return period.substring(0, 4) + "年" + Integer.parseInt(period.substring(5)) + "月";
        }
        return period + "年";
    }
}
