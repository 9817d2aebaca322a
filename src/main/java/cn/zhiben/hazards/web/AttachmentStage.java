package cn.zhiben.hazards.web;

/** What an uploaded file documents, chosen on upload (the API takes any UPPER_SNAKE stage; the pages offer these). */
public enum AttachmentStage {
    FOUND("发现取证"),
    PLAN("整改方案"),
    PROGRESS("整改过程"),
    COMPLETION("整改完成"),
    EVALUATION("评估报告"),
    REVIEW("审核验收"),
    EVIDENCE("证据材料"),
    OTHER("其他");

    private final String label;

    AttachmentStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The category a new file most likely belongs to, from the hazard's state (issue 10 item 8). */
    static AttachmentStage defaultFor(cn.zhiben.hazards.HazardStatus status) {
        return switch (status) {
            case PENDING_DEPARTMENT_CONFIRMATION, PENDING_PRINCIPAL_CONFIRMATION, PENDING_ACKNOWLEDGEMENT, REPORTED -> FOUND;
            case RECTIFYING -> PROGRESS;
            case COMPLETED -> COMPLETION;
            case EVALUATED -> EVALUATION;
            case SIGN_OFF_REQUESTED, SIGNED_OFF_PENDING_DELISTING, SIGNED_OFF -> REVIEW;
            case CLOSED, MERGED, WITHDRAWN -> OTHER;
        };
    }

    static String labelOf(String stage) {
        for (AttachmentStage s : values()) {
            if (s.name().equals(stage)) {
                return s.label;
            }
        }
        return stage;
    }
}
