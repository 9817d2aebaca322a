package cn.zhiben.people.internal;

/** Where an off-the-job retraining case stands. The person is off the post until {@link #RETURNED}. */
public enum RetrainingStatus implements Labels {
    OFF_POST("已离岗待培训"),
    RETRAINING("脱产培训中"),
    EXAM_PASSED("考试合格待复岗"),
    RETURNED("已复岗"),
    CLOSED("已终结");

    private final String label;

    RetrainingStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The person is kept off the post. */
    public boolean open() {
        return this == OFF_POST || this == RETRAINING || this == EXAM_PASSED;
    }
}
