package cn.zhiben.standards.internal;

import cn.zhiben.platform.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A local clause (ADD) or a correction of a national clause (CORRECT) drafted by a member unit with a document
 * number and reason (新问题、新风险、新标准). It is not used until the city office approves it; its state changes only
 * through the verbs below, each leaving a transition row.
 */
public record LocalChange(UUID id, Kind kind, Status status, UUID versionId, UUID targetClauseId, String clauseNo,
                          String categoryCode, String summary, List<String> industryCodes, String specialOperation,
                          String docNo, String reason, LocalDate effectiveFrom, LocalDate effectiveTo,
                          UUID draftedById, String draftedBy, UUID unitId, String unitName, Instant draftedAt,
                          String decidedBy, Instant decidedAt, String decisionNote, UUID clauseId) {

    public LocalChange {
        industryCodes = List.copyOf(industryCodes);
    }

    public enum Kind {
        ADD("新增本地条款"),
        CORRECT("修正条款");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        PENDING("待审批"),
        APPROVED("已批准"),
        REJECTED("已退回"),
        WITHDRAWN("已撤回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Status approve() {
        return move(Status.APPROVED, "批准");
    }

    public Status reject() {
        return move(Status.REJECTED, "退回");
    }

    public Status withdraw() {
        return move(Status.WITHDRAWN, "撤回");
    }

    private Status move(Status to, String verb) {
        if (status != Status.PENDING) {
            throw ProblemException.conflict("ILLEGAL_TRANSITION", "该本地条款" + status.label() + "，不能再" + verb);
        }
        return to;
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    /** A row of the change's history: who moved it from which state to which, when and why. */
    public record Transition(long id, UUID changeId, Status from, Status to, UUID actorId, String actor, Instant at,
                             String reason) {

        /** The time in the business zone, for display. */
        public String atText() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(at.atZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
        }
    }
}
