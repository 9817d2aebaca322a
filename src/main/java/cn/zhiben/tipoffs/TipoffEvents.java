package cn.zhiben.tipoffs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the tipoffs module tells the others (analytics), published in the same transaction. Never carries anything about
 * the reporter. Listeners must be idempotent.
 */
public final class TipoffEvents {

    private TipoffEvents() {
    }

    /** A tip-off was received (online, hotline, letter or visit). */
    public record TipoffReceived(UUID tipoffId, String number, String channel, String category, String regionCode,
                                 LocalDate receivedOn, Instant at) {
    }

    /** Triage: accepted and routed to a unit, not accepted, handed over outside the platform, or merged as a duplicate. */
    public record TipoffTriaged(UUID tipoffId, String outcome, UUID unitId, String unitRegionCode, Instant at) {
    }

    /** Verification concluded: TRUE, PARTLY_TRUE or FALSE. */
    public record TipoffConcluded(UUID tipoffId, String finding, UUID unitId, String unitRegionCode, String regionCode,
                                  String industryCode, UUID enterpriseId, LocalDate concludedOn, Instant at) {
    }

    /** A verified tip-off became a hazard (channel 群众举报查实). */
    public record TipoffHazardRegistered(UUID tipoffId, UUID hazardId, Instant at) {
    }

    /** A reward was paid. */
    public record RewardPaid(UUID rewardId, UUID tipoffId, UUID unitId, String unitRegionCode, long amountFen, LocalDate paidOn,
                             Instant at) {
    }
}
