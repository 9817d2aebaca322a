package cn.zhiben.people.internal;

/** 三违 (an industry convention, no statutory definition: docs/people.md). */
public enum ViolationKind implements Labels {
    COMMAND("违章指挥"),
    OPERATION("违章作业"),
    DISCIPLINE("违反劳动纪律");

    private final String label;

    ViolationKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
