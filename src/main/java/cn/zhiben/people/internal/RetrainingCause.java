package cn.zhiben.people.internal;

/** Why a person was taken off the post for retraining (晋市安委发〔2024〕6号 四(五)17 逢查必考, 18 三违). */
public enum RetrainingCause implements Labels {
    VIOLATION("三违"),
    SPOT_EXAM("逢查必考不合格");

    private final String label;

    RetrainingCause(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
