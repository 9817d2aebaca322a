package cn.zhiben.hazards.internal.reports;

import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 令第16号 Art. 14 [P]: quarterly reports by the 15th of the month after the quarter, annual ones by 31 January. */
class ReportPeriodTests {

    static final HazardsProperties.Reports RULES = HazardsProperties.Reports.defaults();

    @ParameterizedTest(name = "{0} runs {1}…{2}, due {3}")
    @CsvSource(textBlock = """
            2026Q1, 2026-01-01, 2026-03-31, 2026-04-15, 2026年第一季度
            2026Q2, 2026-04-01, 2026-06-30, 2026-07-15, 2026年第二季度
            2026Q3, 2026-07-01, 2026-09-30, 2026-10-15, 2026年第三季度
            2026Q4, 2026-10-01, 2026-12-31, 2027-01-15, 2026年第四季度
            2026,   2026-01-01, 2026-12-31, 2027-01-31, 2026年度
            """)
    void aPeriodIsDueOnItsDayAfterItEnds(String code, LocalDate from, LocalDate to, LocalDate due, String label) {
        ReportPeriod p = ReportPeriod.parse(code);
        assertThat(p.from()).isEqualTo(from);
        assertThat(p.to()).isEqualTo(to);
        assertThat(p.dueOn(RULES)).isEqualTo(due);
        assertThat(p.label()).isEqualTo(label);
        assertThat(ReportPeriod.parse(p.code())).isEqualTo(p);
    }

    /** Days are counted in Asia/Shanghai: 23:59 on the 15th there is on time, 00:01 on the 16th late. */
    @ParameterizedTest(name = "signed {0}: late {1}")
    @CsvSource(textBlock = """
            2026-10-14T16:00:00Z, false
            2026-10-15T15:59:59Z, false
            2026-10-15T16:00:00Z, true
            2026-10-15T16:01:00Z, true
            2026-10-16T10:00:00Z, true
            """)
    void submittedOnTheFifteenthIsOnTimeAndOnTheSixteenthLate(Instant signedAt, boolean late) {
        assertThat(ReportPeriod.parse("2026Q3").late(signedAt, RULES)).isEqualTo(late);
    }

    @Test
    void theDueDaysAreSettings() {
        var rules = new HazardsProperties.Reports(10, 2, 28, List.of(3), "2026Q3", "-");
        assertThat(ReportPeriod.parse("2026Q3").dueOn(rules)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(ReportPeriod.parse("2026").dueOn(rules)).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void theCollectedPeriodsStartAtTheFirstOneAndEndWithTheLastEnded() {
        assertThat(ReportPeriod.ended(RULES, LocalDate.of(2026, 12, 3))).extracting(ReportPeriod::code).containsExactly("2026Q3");
        assertThat(ReportPeriod.ended(RULES, LocalDate.of(2027, 1, 1))).extracting(ReportPeriod::code)
                .containsExactly("2026", "2026Q4", "2026Q3");
        assertThat(ReportPeriod.parse("2026Q4").ended(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(ReportPeriod.parse("2026Q2").before(ReportPeriod.parse("2026Q3"))).isTrue();
        assertThat(ReportPeriod.parse("2026").before(ReportPeriod.parse("2026Q3"))).isFalse();
    }

    @Test
    void aPeriodCodeIsAQuarterOrAYear() {
        assertThat(ReportPeriod.parse("2026-q2")).isEqualTo(ReportPeriod.quarter(2026, 2));
        assertThatThrownBy(() -> ReportPeriod.parse("2026Q5")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ReportPeriod.parse("二〇二六")).isInstanceOf(ProblemException.class);
    }
}
