package cn.zhiben.inspections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the inspections module tells the others (the contract agreed before the module exists; add fields, never change
 * them), published in the same transaction through the event publication registry. Listeners must be idempotent.
 * A unit is a committee unit id plus the county it acts in (null: city level), as accounts carry them.
 */
public final class InspectionEvents {

    private InspectionEvents() {
    }

    /** Enforcement measures of a decision (安全生产法 Arts. 65, 93–115; 行政处罚法 Art. 9). */
    public enum Measure {
        ORDER_RECTIFICATION("责令限期整改"),
        SUSPEND_PRODUCTION("责令停产停业整顿"),
        SUSPEND_PARTIAL("责令局部停产停业"),
        LICENCE_SUSPENDED("暂扣许可证照"),
        LICENCE_REVOKED("吊销许可证照"),
        CLOSURE("关闭取缔"),
        FINE("罚款"),
        CONFISCATION("没收违法所得"),
        TRANSFER_TO_JUSTICE("移送司法机关（行刑衔接）");

        private final String label;

        Measure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An inspection's on-site record was completed and signed. */
    public record InspectionCompleted(UUID inspectionId, String documentNumber, UUID unitId, String unitRegionCode,
                                      UUID enterpriseId, String regionCode, String industryCode, String kind,
                                      LocalDate inspectedOn, int findings, int majorFindings, Instant at) {
    }

    /** A finding of an inspection became a hazard through the hazards module. */
    public record FindingMade(UUID findingId, UUID inspectionId, UUID unitId, String unitRegionCode, UUID enterpriseId,
                              String regionCode, String industryCode, boolean major, UUID hazardId, Instant at) {
    }

    /**
     * An enforcement decision was issued. Fines in fen: on the enterprise, and on persons (一案双罚: the principal or
     * other responsible persons), so a reward computed from "the fine actually imposed" can use either or both.
     */
    public record DecisionIssued(UUID decisionId, String documentNumber, UUID unitId, String unitRegionCode,
                                 UUID enterpriseId, String regionCode, String industryCode, UUID inspectionId,
                                 List<UUID> hazardIds, Set<Measure> measures, long enterpriseFineFen, long personFineFen,
                                 LocalDate decidedOn, Instant at) {
    }

    /** A decision ordered production to stop (whole or part) from a date; monitoring watches electricity from then. */
    public record ShutdownOrdered(UUID decisionId, UUID enterpriseId, boolean partial, LocalDate from, Instant at) {
    }

    /** Production may resume after the department's review (安全生产法 Art. 65(3)). */
    public record ShutdownLifted(UUID decisionId, UUID enterpriseId, LocalDate on, Instant at) {
    }

    /** A re-inspection (复查) of an inspection's findings or a decision's order. */
    public record ReinspectionDone(UUID reinspectionId, UUID inspectionId, UUID decisionId, UUID enterpriseId,
                                   boolean passed, LocalDate on, Instant at) {
    }
}
