package cn.zhiben.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the campaign module tells the others (the contract agreed before the module exists; add fields, never change
 * them), published in the same transaction through the event publication registry. Listeners must be idempotent.
 * An addressee is a committee unit id plus the county it acts in (null: city level), or a county office (unitId null,
 * regionCode set).
 */
public final class CampaignEvents {

    private CampaignEvents() {
    }

    /** 两级调度: the city or a county office sent a dispatch (调度) or a supervision letter (督办函) to one addressee. */
    public record DispatchSent(UUID dispatchId, UUID addresseeId, String kind, String fromLevel, UUID unitId,
                               String regionCode, LocalDate dueOn, Instant at) {
    }

    /** The addressee answered; onTime = answered on or before dueOn (Asia/Shanghai). */
    public record DispatchAnswered(UUID dispatchId, UUID addresseeId, UUID unitId, String regionCode, boolean onTime,
                                   Instant at) {
    }

    /** Not answered by its due date; escalated once. */
    public record DispatchOverdue(UUID dispatchId, UUID addresseeId, UUID unitId, String regionCode, LocalDate dueOn,
                                  Instant at) {
    }

    /** A unit or county filed a periodic report (monthly progress, year summary, one-off). */
    public record ReportSubmitted(UUID reportId, String kind, String period, UUID unitId, String regionCode,
                                  LocalDate dueOn, boolean onTime, Instant at) {
    }
}
