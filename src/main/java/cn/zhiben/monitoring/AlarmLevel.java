package cn.zhiben.monitoring;

/** The four warning colours (四色预警: 红/橙/黄/蓝 — 重大/较大/一般/低; domain reference 4.3, S16 [V]). */
public enum AlarmLevel {
    RED("红色", "red"),
    ORANGE("橙色", "orange"),
    YELLOW("黄色", "amber"),
    BLUE("蓝色", "blue");

    private final String label;
    private final String css;

    AlarmLevel(String label, String css) {
        this.label = label;
        this.css = css;
    }

    public String label() {
        return label;
    }

    public String css() {
        return css;
    }

    /** Higher comes first: RED > ORANGE > YELLOW > BLUE. */
    public boolean above(AlarmLevel other) {
        return ordinal() < other.ordinal();
    }
}
