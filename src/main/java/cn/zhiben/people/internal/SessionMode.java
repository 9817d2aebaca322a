package cn.zhiben.people.internal;

/** 线下、线上、线上+线下 (plan item 34 names "线上+线下"). */
public enum SessionMode implements Labels {
    OFFLINE("线下"),
    ONLINE("线上"),
    MIXED("线上+线下");

    private final String label;

    SessionMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
