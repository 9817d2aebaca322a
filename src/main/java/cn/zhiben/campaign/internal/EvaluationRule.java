package cn.zhiben.campaign.internal;

/**
 * How an evaluation item is scored. The plan asks for 资料审查 and 现场评估 "逐条逐项" (五(四)) but sets no formula:
 * the rules are the platform's offer to the office, which picks one per item (our inference, documented).
 */
public enum EvaluationRule {
    MANUAL("评估组按评分标准直接打分", false),
    DEDUCTION("每发现一处问题扣固定分值，扣完为止", false),
    REPORT_TIMELINESS("按平台记录的按时报送率计分", true),
    TASK_COMPLETION("按平台记录的任务完成率计分", true),
    DISPATCH_TIMELINESS("按平台记录的调度按期答复率计分", true);

    private final String label;
    private final boolean fromData;

    EvaluationRule(String label, boolean fromData) {
        this.label = label;
        this.fromData = fromData;
    }

    public String label() {
        return label;
    }

    /** Computed from the platform's own records (for counties and units; an enterprise is scored by hand). */
    public boolean fromData() {
        return fromData;
    }
}
