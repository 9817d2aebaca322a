package cn.zhiben.campaign.internal;

public enum RecipientStatus {
    PENDING("待答复"),
    OVERDUE("逾期未答复"),
    ANSWERED("已答复"),
    RETURNED("退回重新答复"),
    CLOSED("已办结");

    private final String label;

    RecipientStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Waiting for the addressee. */
    public boolean awaitingAnswer() {
        return this == PENDING || this == OVERDUE || this == RETURNED;
    }

    public static java.util.List<String> awaitingNames() {
        return java.util.Arrays.stream(values()).filter(RecipientStatus::awaitingAnswer).map(Enum::name).toList();
    }
}
