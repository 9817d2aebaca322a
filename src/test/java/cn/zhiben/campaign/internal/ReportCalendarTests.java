package cn.zhiben.campaign.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The reporting calendar's rules as tables, each row with its source. */
class ReportCalendarTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ReportCalendar.Rules RULES = new ReportCalendar.Rules(false, 30);

    @ParameterizedTest(name = "{0} filed {1} (Asia/Shanghai) due {2}: on time = {3}")
    @CsvSource({
            // 晋市安委发〔2024〕6号 六(六) "每月1日前报送上月", read by issue 13: the last day of the month is the last day on time
            "2026-11 monthly, 2026-11-30T23:59:59, 2026-11-30, true",
            "2026-11 monthly, 2026-12-01T00:00:00, 2026-11-30, false",
            "2026-02 monthly, 2026-02-28T23:59:59, 2026-02-28, true",
            "2026-02 monthly, 2026-03-01T00:00:00, 2026-02-28, false",
            // "每年12月5日前，报送年度工作总结", read inclusive as issue 13 does
            "2026 year summary, 2026-12-05T18:00:00, 2026-12-05, true",
            "2026 year summary, 2026-12-06T00:00:01, 2026-12-05, false",
            // "2026年11月10日前，报送治本攻坚三年行动评估报告"
            "evaluation report, 2026-11-10T23:59:59, 2026-11-10, true",
    })
    void onTimeIsTheDueDateInShanghaiUpToItsLastSecond(String what, String filedLocal, String due, boolean onTime) {
        Instant filed = LocalDateTime.parse(filedLocal).atZone(SHANGHAI).toInstant();
        assertThat(ReportCalendar.onTime(LocalDate.parse(due), filed)).isEqualTo(onTime);
    }

    @Test
    void midnightInShanghaiIsStillTheDayBeforeInUtcAndIsLate() {
        // 2026-12-01 00:00 in Shanghai is 2026-11-30 16:00 UTC: the UTC date must not decide
        Instant midnight = Instant.parse("2026-11-30T16:00:00Z");
        assertThat(ReportCalendar.onTime(LocalDate.of(2026, 11, 30), midnight)).isFalse();
        assertThat(ReportCalendar.onTime(LocalDate.of(2026, 11, 30), midnight.minusSeconds(1))).isTrue();
    }

    @Test
    void monthlyReportsAreDueOnTheLastDayAndOpenOnTheFirstOfTheirMonth() {
        List<ReportCalendar.Obligation> o = ReportCalendar.obligations(List.of(new ReportCalendar.Schedule(ReportKind.MONTHLY,
                Recurrence.MONTHLY, null, null, Audience.ALL)), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), RULES, Map.of());
        assertThat(o).hasSize(12);
        assertThat(o.get(1)).isEqualTo(new ReportCalendar.Obligation(ReportKind.MONTHLY, "2026-02", LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 2, 1)));
        assertThat(o.get(11).dueOn()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void theOfficeMayReadMonthlyAsDueOnTheFirst() {
        List<ReportCalendar.Obligation> o = ReportCalendar.obligations(List.of(new ReportCalendar.Schedule(ReportKind.MONTHLY,
                        Recurrence.MONTHLY, null, null, Audience.ALL)), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                new ReportCalendar.Rules(true, 30), Map.of());
        assertThat(o.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aHolidayDoesNotMoveADueDateButTheOfficesExceptionDoes() {
        // 2026-09-30 is not moved by the National Day holiday by itself
        ReportCalendar.Schedule monthly = new ReportCalendar.Schedule(ReportKind.MONTHLY, Recurrence.MONTHLY, null, null, Audience.ALL);
        assertThat(ReportCalendar.obligations(List.of(monthly), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), RULES,
                Map.of()).get(0).dueOn()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(ReportCalendar.obligations(List.of(monthly), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), RULES,
                Map.of("MONTHLY/2026-09", LocalDate.of(2026, 10, 9))).get(0).dueOn()).isEqualTo(LocalDate.of(2026, 10, 9));
    }

    @Test
    void yearlyAndOneOffReportsOpenAMonthBeforeAndOnlyInsideTheReportingSpan() {
        List<ReportCalendar.Schedule> s = List.of(
                new ReportCalendar.Schedule(ReportKind.YEAR_SUMMARY, Recurrence.YEARLY, MonthDay.of(12, 5), null, Audience.ALL),
                new ReportCalendar.Schedule(ReportKind.EVALUATION_REPORT, Recurrence.ONCE, null, LocalDate.of(2026, 11, 10), Audience.ALL),
                new ReportCalendar.Schedule(ReportKind.SUB_PLAN, Recurrence.ONCE, null, LocalDate.of(2024, 2, 23), Audience.ALL));
        List<ReportCalendar.Obligation> o = ReportCalendar.obligations(s, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), RULES, Map.of());
        // the 2024 sub-plan filing lies before reporting through the platform began
        assertThat(o).extracting(ReportCalendar.Obligation::kind).containsExactly(ReportKind.YEAR_SUMMARY, ReportKind.EVALUATION_REPORT);
        assertThat(o.get(0)).isEqualTo(new ReportCalendar.Obligation(ReportKind.YEAR_SUMMARY, "2026", LocalDate.of(2026, 12, 5),
                LocalDate.of(2026, 11, 5)));
        assertThat(o.get(1).opensOn()).isEqualTo(LocalDate.of(2026, 10, 11));
    }

    @ParameterizedTest(name = "due {0}, today {1}: {2}")
    @CsvSource({
            // issue 13: reminders 3 days before and on the due date; the day after, the late notice
            "2026-11-30, 2026-11-26, NONE",
            "2026-11-30, 2026-11-27, BEFORE",
            "2026-11-30, 2026-11-29, BEFORE",
            "2026-11-30, 2026-11-30, ON_DUE",
            "2026-11-30, 2026-12-01, LATE",
    })
    void whichNoticeIsDueToday(String due, String today, String notice) {
        Optional<ReportCalendar.Notice> n = ReportCalendar.notice(LocalDate.parse(due), LocalDate.parse(today), 3);
        assertThat(n.map(Enum::name).orElse("NONE")).isEqualTo(notice);
    }
}
