package cn.zhiben.people.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Certificate status, deadlines and reminders from dates alone.
 * <ul>
 * <li>特种作业操作证 valid 6 years, 复审 every 3 years; a certificate not reviewed in time becomes invalid
 * (特种作业人员安全技术培训考核管理规定 原总局令第30号 Arts. 19, 21, 26 [P]).</li>
 * <li>安全生产知识和管理能力考核合格证 valid 3 years (安全生产培训管理办法 原总局令第44号 Art. 25 [P]).</li>
 * <li>Reminders 60/30/7 days before the deadline (issue 16); the 30号令 Art. 22 review application is due within the 60
 * days before the review date, hence the first reminder.</li>
 * </ul>
 */
public final class CertificatePolicy {

    private CertificatePolicy() {
    }

    /** The dates that decide a certificate's status. validUntil null: does not expire; nextReviewOn null: no review. */
    public record Dates(LocalDate issuedOn, LocalDate validUntil, LocalDate nextReviewOn, LocalDate revokedOn) {
    }

    public static CertificateStatus status(Dates d, LocalDate on, int expiringDays) {
        if (d.revokedOn() != null && !d.revokedOn().isAfter(on)) {
            return CertificateStatus.REVOKED;
        }
        if (d.issuedOn().isAfter(on)) {
            return CertificateStatus.NOT_YET_VALID;
        }
        if (d.validUntil() != null && d.validUntil().isBefore(on)) {
            return CertificateStatus.EXPIRED;
        }
        if (reviewPending(d) && d.nextReviewOn().isBefore(on)) {
            return CertificateStatus.REVIEW_OVERDUE;
        }
        Optional<LocalDate> deadline = deadline(d);
        if (deadline.isPresent() && ChronoUnit.DAYS.between(on, deadline.get()) <= expiringDays) {
            return reviewPending(d) && deadline.get().equals(d.nextReviewOn()) ? CertificateStatus.REVIEW_DUE
                    : CertificateStatus.EXPIRING;
        }
        return CertificateStatus.VALID;
    }

    /** A review date before the expiry date still has to be kept; one on or after it is the renewal itself. */
    private static boolean reviewPending(Dates d) {
        return d.nextReviewOn() != null && (d.validUntil() == null || d.nextReviewOn().isBefore(d.validUntil()));
    }

    /** The next date by which something must be done: the review date if one is pending, else the expiry. */
    public static Optional<LocalDate> deadline(Dates d) {
        if (reviewPending(d)) {
            return Optional.of(d.nextReviewOn());
        }
        return Optional.ofNullable(d.validUntil());
    }

    /** What the deadline is, for messages. */
    public static String deadlineKind(Dates d) {
        return reviewPending(d) ? "复审" : "有效期届满";
    }

    /**
     * The reminder due on a date: the smallest of the stages (days before the deadline) the date has reached, so that a
     * certificate registered 20 days before its deadline gets the 30-day reminder once, not the 60-day one late.
     * Empty after the deadline (then it is an expiry) and before the first stage.
     */
    public static Optional<Integer> reminderStage(LocalDate deadline, LocalDate on, List<Integer> stages) {
        long left = ChronoUnit.DAYS.between(on, deadline);
        if (left < 0) {
            return Optional.empty();
        }
        return stages.stream().filter(s -> left <= s).min(Integer::compare);
    }
}
