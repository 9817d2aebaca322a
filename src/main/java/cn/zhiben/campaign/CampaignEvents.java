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

    /**
     * A measure of 督办交办 was recorded (函告, 通报批评, 约谈, 曝光, 移交, 通报表扬 — {@code kind} is the campaign
     * module's SupervisionKind name), against a unit or county; isPublic: published (三公开). For 四考核 counts.
     */
    public record SupervisionRecorded(UUID supervisionId, String kind, String fromLevel, UUID unitId, String regionCode,
                                      LocalDate decidedOn, boolean isPublic, Instant at) {
    }

    /** An evaluation result was published (a later publication of the same scheme supersedes the earlier one). */
    public record EvaluationPublished(UUID schemeId, int year, int resultNo, String reason, Instant at) {
    }

    /** A task was reported done (by its addressee, or by the office above it from a report received on paper). */
    public record TaskCompleted(UUID taskId, UUID programmeId, int measureNo, UUID unitId, String regionCode,
                                LocalDate dueOn, LocalDate completedOn, boolean onTime, Instant at) {
    }
}
