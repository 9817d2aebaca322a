package cn.zhiben.monitoring;

/** The outcome of the on-site check (核查). */
public enum Verdict {
    TRUE("属实"),
    PARTLY_TRUE("部分属实"),
    FALSE("不属实");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A real alarm may become a hazard. */
    public boolean real() {
        return this != FALSE;
    }
}
