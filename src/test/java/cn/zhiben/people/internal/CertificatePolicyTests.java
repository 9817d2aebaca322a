package cn.zhiben.people.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificate status from dates alone (特种作业人员安全技术培训考核管理规定 原总局令第30号 Arts. 19, 21, 26 [P]: valid 6 years,
 * 复审 every 3 years, not reviewed in time → invalid; 44号令 Art. 25 [P]: 安全合格证 3 years) and the 60/30/7-day
 * reminders of issue 16.
 */
class CertificatePolicyTests {

    private static final LocalDate ON = LocalDate.of(2026, 12, 3);

    @ParameterizedTest(name = "issued {0}, until {1}, review {2}, revoked {3} → {4}")
    @CsvSource(nullValues = "-", value = {
            // 特种作业: review pending in 3 years, expiry in 6
            "2024-03-10, 2030-03-10, 2027-03-10, -, VALID",            // 97 days to the review
            "2024-01-10, 2030-01-10, 2027-01-31, -, REVIEW_DUE",        // 59 days to the review
            "2023-12-03, 2029-12-03, 2026-12-03, -, REVIEW_DUE",        // the review date itself is still in time
            "2023-12-02, 2029-12-02, 2026-12-02, -, REVIEW_OVERDUE",    // one day late: invalid (Art. 26)
            // reviewed (next review = expiry): the expiry counts
            "2021-01-20, 2027-01-20, 2027-01-20, -, EXPIRING",
            "2020-12-02, 2026-12-02, 2026-12-02, -, EXPIRED",
            "2020-12-03, 2026-12-03, 2026-12-03, -, EXPIRING",          // valid through its last day
            // no expiry at all
            "2022-11-20, -, -, -, VALID",
            // not yet valid, revoked
            "2026-12-04, 2032-12-04, -, -, NOT_YET_VALID",
            "2024-01-10, 2030-01-10, 2027-01-10, 2026-12-03, REVOKED",
            "2024-03-10, 2030-03-10, 2027-03-10, 2026-12-04, VALID",    // revocation takes effect on its date
    })
    void statusComesFromTheDates(LocalDate issued, LocalDate until, LocalDate review, LocalDate revoked, CertificateStatus expected) {
        assertThat(CertificatePolicy.status(new CertificatePolicy.Dates(issued, until, review, revoked), ON, 60)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "deadline in {0} days → stage {1}")
    @CsvSource(nullValues = "-", value = {
            "61, -", "60, 60", "45, 60", "31, 60", "30, 30", "8, 30", "7, 7", "1, 7", "0, 7", "-1, -",
    })
    void theReminderDueIsTheSmallestStageReached(int daysLeft, Integer stage) {
        assertThat(CertificatePolicy.reminderStage(ON.plusDays(daysLeft), ON, List.of(60, 30, 7)))
                .isEqualTo(java.util.Optional.ofNullable(stage));
    }

    @Test
    void theDeadlineIsThePendingReviewBeforeTheExpiry() {
        var d = new CertificatePolicy.Dates(LocalDate.of(2024, 1, 10), LocalDate.of(2030, 1, 10), LocalDate.of(2027, 1, 10), null);
        assertThat(CertificatePolicy.deadline(d)).contains(LocalDate.of(2027, 1, 10));
        assertThat(CertificatePolicy.deadlineKind(d)).isEqualTo("复审");
    }
}
