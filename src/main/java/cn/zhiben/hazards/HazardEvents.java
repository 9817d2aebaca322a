package cn.zhiben.hazards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the hazards module tells the others, published in the same transaction through the event publication registry.
 * Listeners must be idempotent (an event may be delivered again after a crash).
 */
public final class HazardEvents {

    private HazardEvents() {
    }

    /** The hazard counts as reported (直报): confirmed at both levels, or acknowledged by the enterprise. */
    public record HazardReported(UUID hazardId, String number, UUID enterpriseId, String regionCode, String industryCode,
                                 Grade grade, Channel channel, LocalDate foundOn, Instant reportedAt) {
    }

    /** One level of the enterprise's two-level confirmation. */
    public record HazardConfirmed(UUID hazardId, String level, UUID byUserId, Instant at) {
    }

    public record RectificationPlanFiled(UUID hazardId, LocalDate deadline, Instant at) {
    }

    public record ExtensionDecided(UUID hazardId, String number, UUID enterpriseId, boolean approved, LocalDate deadline, Instant at) {
    }

    public record HazardListed(UUID hazardId, String number, UUID enterpriseId, String regionCode, String industryCode,
                               ListingLevel level, String documentNumber, LocalDate deadline, Instant at) {
    }

    public record HazardDelisted(UUID hazardId, ListingLevel level, Instant at) {
    }

    /** Past its deadline; escalated to the level above the supervising unit. */
    public record HazardOverdue(UUID hazardId, String number, UUID enterpriseId, String regionCode, String industryCode,
                                LocalDate deadline, String escalatedTo, Instant at) {
    }

    /** A sign-off request not reviewed within the review period; escalated like an overdue rectification. */
    public record HazardReviewOverdue(UUID hazardId, String number, UUID enterpriseId, String regionCode, String industryCode,
                                      LocalDate reviewDueOn, String escalatedTo, Instant at) {
    }

    public record HazardSignedOff(UUID hazardId, String number, UUID enterpriseId, ListingLevel listingLevel, Instant at) {
    }

    public record HazardClosed(UUID hazardId, Instant at) {
    }

    public record HazardReopened(UUID hazardId, Instant at) {
    }

    public record HazardMerged(UUID hazardId, UUID intoHazardId, Instant at) {
    }

    /**
     * An enterprise's quarterly or annual hazard report (令第16号 Art. 14) is due in {@code daysBefore} days and has not
     * been submitted: its accounts are reminded. Published once per enterprise, period and reminder day.
     */
    public record HazardReportDue(UUID enterpriseId, String enterpriseName, String period, String periodLabel,
                                  LocalDate dueOn, int daysBefore) {
    }

    /**
     * A past hazard loaded from an office's ledger (history import), in the state the ledger records. Nothing about it
     * is news: it is not a report, listing or sign-off happening now, so nobody is notified; read models count it.
     */
    public record HazardImported(UUID hazardId, String number, UUID enterpriseId, String regionCode, String industryCode,
                                 Grade grade, Channel channel, LocalDate foundOn, HazardStatus status,
                                 ListingLevel listingLevel, LocalDate signedOffOn, Instant at) {
    }
}
