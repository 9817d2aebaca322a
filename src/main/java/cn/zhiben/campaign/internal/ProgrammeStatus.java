package cn.zhiben.campaign.internal;

public enum ProgrammeStatus {
    DRAFT("待核对启用"),
    ACTIVE("实施中"),
    CLOSED("已结束");

    private final String label;

    ProgrammeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
