package cn.zhiben.campaign.internal;

public enum ReportStatus {
    DUE("待报送"),
    SUBMITTED("已报送"),
    RETURNED("退回修改"),
    ACCEPTED("已审阅");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still owed by the addressee. */
    public boolean open() {
        return this == DUE || this == RETURNED;
    }

    public static java.util.List<String> openNames() {
        return java.util.Arrays.stream(values()).filter(ReportStatus::open).map(Enum::name).toList();
    }
}
