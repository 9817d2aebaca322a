package cn.zhiben.people.internal;

/** Kinds of drill: the plan's evacuation drill, and the plan kinds of 生产安全事故应急预案管理办法 (88号令) Art. 33. */
public enum DrillKind implements Labels {
    EVACUATION("疏散逃生演练"),
    COMPREHENSIVE("综合应急预案演练"),
    SPECIAL("专项应急预案演练"),
    ON_SITE("现场处置方案演练");

    private final String label;

    DrillKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
