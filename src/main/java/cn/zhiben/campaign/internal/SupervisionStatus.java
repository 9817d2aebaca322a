package cn.zhiben.campaign.internal;

public enum SupervisionStatus {
    ISSUED("已下达"),
    FEEDBACK_GIVEN("已反馈整改"),
    CLOSED("已办结");

    private final String label;

    SupervisionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
