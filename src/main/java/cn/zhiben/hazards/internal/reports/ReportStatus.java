package cn.zhiben.hazards.internal.reports;

/** Where an enterprise's hazard report stands: prepared by the safety department, signed by the principal. */
public enum ReportStatus {
    PREPARED("待主要负责人签署"),
    RETURNED("已退回修改"),
    SUBMITTED("已签署报送");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
