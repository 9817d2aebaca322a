package cn.zhiben.hazards.internal.reports;

/** The verbs of a hazard report, with the words its history shows. */
public enum ReportAction {
    PREPARE("编制报告"),
    SIGN("主要负责人签署报送"),
    RETURN("退回修改");

    private final String label;

    ReportAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
