package cn.zhiben.hazards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the hazards module tells the others, published in the same transaction through the event publication registry.
 * Listeners must be idempotent (an event may be delivered again after a crash). {@code fieldCode} is the field of the
 * standard a hazard was judged against when it differs from the enterprise's industry (a fire hazard in a coal mine):
 * route to the supervisors of both.
 */
public final class HazardEvents {

    private HazardEvents() {
    }

    /** The hazard counts as reported (直报): confirmed at both levels, or acknowledged by the enterprise. */
    public record HazardReported(UUID hazardId, String number, UUID enterpriseId, String regionCode, String industryCode,
                                 Grade grade, Channel channel, LocalDate foundOn, Instant reportedAt, String fieldCode) {
    }

    /** One level of the enterprise's two-level confirmation. */
    public record HazardConfirmed(UUID hazardId, String level, UUID byUserId, Instant at) {
    }

    /** A report not yet confirmed, withdrawn by its reporter. */
    public record HazardWithdrawn(UUID hazardId, String number, UUID enterpriseId, String reason, Instant at) {
    }

    /** An official changed the grade (major ↔ general). */
    public record HazardRegraded(UUID hazardId, String number, UUID enterpriseId, Grade grade, String reason, Instant at) {
    }

    public record RectificationPlanFiled(UUID hazardId, LocalDate deadline, Instant at) {
    }

    public record ExtensionDecided(UUID hazardId, String number, UUID enterpriseId, boolean approved, LocalDate deadline, Instant at) {
    }

    /** Listed for supervision, or raised to a higher level (提级督办). */
    public record HazardListed(UUID hazardId, String number, UUID enterpriseId, String regionCode, String industryCode,
                               ListingLevel level, String documentNumber, LocalDate deadline, Instant at, String fieldCode) {
    }

    /** A 督办提醒 from the city office to the county about a county-listed hazard. */
    public record SupervisionReminded(UUID hazardId, String number, UUID enterpriseId, String regionCode, String industryCode,
                                      String fieldCode, ListingLevel level, String message, Instant at) {
    }

    /** Signed off by the department; the listing body is to confirm 摘牌. */
    public record DelistingAwaited(UUID hazardId, String number, UUID enterpriseId, String regionCode, ListingLevel level,
                                   Instant at) {
    }

    public record HazardDelisted(UUID hazardId, ListingLevel level, Instant at) {
    }

    /** Past its deadline; escalated to the level above the supervising unit. */
    public record HazardOverdue(UUID hazardId, String number, UUID enterpriseId, String regionCode, String industryCode,
                                LocalDate deadline, String escalatedTo, Instant at, String fieldCode) {
    }

    /** A sign-off request not reviewed within the review period; escalated like an overdue rectification. */
    public record HazardReviewOverdue(UUID hazardId, String number, UUID enterpriseId, String regionCode, String industryCode,
                                      LocalDate reviewDueOn, String escalatedTo, Instant at, String fieldCode) {
    }

    /**
     * A step with a deadline of its own (confirmation, acknowledgement, plan, 摘牌 confirmation) not taken in time;
     * escalated like an overdue rectification.
     */
    public record HazardStepOverdue(UUID hazardId, String number, UUID enterpriseId, String regionCode, String industryCode,
                                    String fieldCode, HazardStatus step, LocalDate dueOn, String escalatedTo, Instant at) {
    }

    /** 责任倒查 opened: a hazard found by others that the enterprise's own checks did not find. */
    public record AccountabilityOpened(UUID hazardId, String number, UUID enterpriseId, String regionCode,
                                       String industryCode, String fieldCode, Instant at) {
    }

    /** @param listingLevel the level the hazard was listed at until the sign-off ended it, or null */
    public record HazardSignedOff(UUID hazardId, String number, UUID enterpriseId, ListingLevel listingLevel, Instant at) {
    }

    public record HazardClosed(UUID hazardId, Instant at) {
    }

    public record HazardReopened(UUID hazardId, Instant at) {
    }

    public record HazardMerged(UUID hazardId, UUID intoHazardId, Instant at) {
    }

    /**
     * Demo data only: a demo hazard's story was made today and then moved back {@code days} days, so its timeline reads as
     * it would have happened. Carries when, on the moved timeline, the hazard was reported, listed, had its extension
     * decided and was signed off (null where it was not), so that messages about it can be dated and worded to agree.
     */
    public record DemoHistoryShifted(UUID hazardId, int days, Instant reportedAt, Instant listedAt, Instant extensionDecidedAt,
                                     Instant signedOffAt, Instant at) {
    }
}
