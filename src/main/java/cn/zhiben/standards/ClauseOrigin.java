package cn.zhiben.standards;

/** Where a clause comes from: the published standard itself, or a local clause or correction approved by the city office. */
public enum ClauseOrigin {
    STANDARD("标准条款"),
    LOCAL("本地条款");

    private final String label;

    ClauseOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
