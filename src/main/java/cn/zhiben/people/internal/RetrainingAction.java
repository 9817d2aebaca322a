package cn.zhiben.people.internal;

/** What happened on a retraining case's timeline. */
public enum RetrainingAction implements Labels {
    RECORD("登记并责令离岗"),
    START_RETRAINING("开始脱产培训"),
    LOG_TRAINING("记录培训学时"),
    EXAM_PASSED("考试合格"),
    EXAM_FAILED("考试不合格"),
    RETURN_TO_POST("恢复上岗"),
    CLOSE("终结");

    private final String label;

    RetrainingAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
