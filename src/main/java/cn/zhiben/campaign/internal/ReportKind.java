package cn.zhiben.campaign.internal;

/** What a report is (plan 六(六) and item 1); whether it cites the platform's hazard figures. */
public enum ReportKind {
    MONTHLY("月度工作进展", true),
    YEAR_SUMMARY("年度工作总结", true),
    EVALUATION_REPORT("三年行动评估报告", true),
    SUB_PLAN("行动方案备案", false),
    DUTY_LIST("党政领导干部安全生产职责清单", false),
    ANNUAL_TASK_LIST("年度任务清单", false);

    private final String label;
    private final boolean figures;

    ReportKind(String label, boolean figures) {
        this.label = label;
        this.figures = figures;
    }

    public String label() {
        return label;
    }

    public boolean figures() {
        return figures;
    }

    /** Filed for the record (备案) rather than read: the office's acceptance is called 备案. */
    public boolean filing() {
        return this == SUB_PLAN || this == DUTY_LIST || this == ANNUAL_TASK_LIST;
    }
}
