package cn.zhiben.standards;

/** Whether a clause summary (or a version's metadata) was checked against a source. */
public enum Confidence {
    CONFIRMED("已核实"),
    UNCONFIRMED("未核实");

    private final String label;

    Confidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
