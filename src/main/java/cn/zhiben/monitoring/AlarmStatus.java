package cn.zhiben.monitoring;

/** Where an alarm stands in its handling: 预警 → 响应 → 研判 → 核查 → 反馈/关闭. */
public enum AlarmStatus {
    RAISED("预警"),
    RESPONDED("响应"),
    ANALYSED("研判"),
    VERIFIED("核查"),
    CLOSED("已关闭");

    private final String label;

    AlarmStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
