package cn.zhiben.campaign.internal;

import cn.zhiben.platform.PlatformConfiguration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When reports are due, when they open for filing, whether one came on time and which reminder is due today. All dates
 * are Asia/Shanghai local dates; a holiday does not move a due date — only an exception the office sets does.
 * Sources: 晋市安委发〔2024〕6号 六(六) (monthly "每月1日前报送上月", yearly "12月5日前", the evaluation report
 * "2026年11月10日前"), read as issue 13 reads them (see {@link cn.zhiben.campaign.CampaignProperties}).
 */
public final class ReportCalendar {

    private ReportCalendar() {
    }

    public record Schedule(ReportKind kind, Recurrence recurrence, MonthDay monthDay, LocalDate onceOn, Audience audience) {
    }

    public record Obligation(ReportKind kind, String period, LocalDate dueOn, LocalDate opensOn) {
    }

    public record Rules(boolean monthlyDueOnFirst, int openDaysBeforeDue) {
    }

    /**
     * Every report the schedules ask for whose period lies in [reportingFrom, endsOn], with an office's exception
     * (kind + period -> due date) applied. Monthly: period yyyy-MM, due the month's last day (or the next 1st), open
     * from the month's 1st. Yearly and one-off: open {@code openDaysBeforeDue} days before they are due.
     */
    public static List<Obligation> obligations(List<Schedule> schedules, LocalDate reportingFrom, LocalDate endsOn,
                                               Rules rules, Map<String, LocalDate> exceptions) {
        List<Obligation> out = new ArrayList<>();
        for (Schedule s : schedules) {
            switch (s.recurrence()) {
                case MONTHLY -> {
                    for (YearMonth m = YearMonth.from(reportingFrom); !m.isAfter(YearMonth.from(endsOn)); m = m.plusMonths(1)) {
                        LocalDate due = rules.monthlyDueOnFirst() ? m.plusMonths(1).atDay(1) : m.atEndOfMonth();
                        out.add(obligation(s.kind(), m.toString(), due, m.atDay(1), exceptions));
                    }
                }
                case YEARLY -> {
                    for (int y = reportingFrom.getYear(); y <= endsOn.getYear(); y++) {
                        LocalDate due = s.monthDay().atYear(y);
                        if (!due.isBefore(reportingFrom) && !due.isAfter(endsOn)) {
                            out.add(obligation(s.kind(), String.valueOf(y), due, due.minusDays(rules.openDaysBeforeDue()), exceptions));
                        }
                    }
                }
                case ONCE -> {
                    if (!s.onceOn().isBefore(reportingFrom) && !s.onceOn().isAfter(endsOn)) {
                        out.add(obligation(s.kind(), String.valueOf(s.onceOn().getYear()), s.onceOn(),
                                s.onceOn().minusDays(rules.openDaysBeforeDue()), exceptions));
                    }
                }
            }
        }
        return out;
    }

    private static Obligation obligation(ReportKind kind, String period, LocalDate due, LocalDate opens,
                                         Map<String, LocalDate> exceptions) {
        LocalDate moved = exceptions.get(kind.name() + "/" + period);
        LocalDate dueOn = moved != null ? moved : due;
        return new Obligation(kind, period, dueOn, opens.isAfter(dueOn) ? dueOn : opens);
    }

    /** The first and last day a period covers, for the figures a report cites. */
    public static LocalDate[] span(ReportKind kind, String period, LocalDate dueOn) {
        if (period.length() == 7) {
            YearMonth m = YearMonth.parse(period);
            return new LocalDate[]{m.atDay(1), m.atEndOfMonth()};
        }
        int year = Integer.parseInt(period);
        LocalDate end = kind == ReportKind.EVALUATION_REPORT ? dueOn : LocalDate.of(year, 12, 31);
        LocalDate start = kind == ReportKind.EVALUATION_REPORT ? LocalDate.of(2024, 1, 1) : LocalDate.of(year, 1, 1);
        return new LocalDate[]{start, end};
    }

    /** On time: filed on or before the due date, Asia/Shanghai (23:59:59 of the due date is on time, 00:00 after it is not). */
    public static boolean onTime(LocalDate dueOn, Instant filedAt) {
        return !LocalDate.ofInstant(filedAt, PlatformConfiguration.ZONE).isAfter(dueOn);
    }

    /** Which notice an open report's addressee should get today, if any. */
    public enum Notice {
        BEFORE, ON_DUE, LATE
    }

    public static java.util.Optional<Notice> notice(LocalDate dueOn, LocalDate today, int daysBefore) {
        if (today.isAfter(dueOn)) {
            return java.util.Optional.of(Notice.LATE);
        }
        if (today.isEqual(dueOn)) {
            return java.util.Optional.of(Notice.ON_DUE);
        }
        if (!today.isBefore(dueOn.minusDays(daysBefore))) {
            return java.util.Optional.of(Notice.BEFORE);
        }
        return java.util.Optional.empty();
    }
}
