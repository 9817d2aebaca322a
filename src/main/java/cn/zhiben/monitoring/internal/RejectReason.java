package cn.zhiben.monitoring.internal;

/** Why a reading (or a whole upload) was not taken in. */
public enum RejectReason {
    MALFORMED("格式错误"),
    UNKNOWN_POINT("测点不存在或已停用"),
    FOREIGN_POINT("测点不属于该设备"),
    OUT_OF_RANGE("超出测量范围"),
    TIMESTAMP_OUT_OF_WINDOW("时间超出允许范围"),
    BAD_CREDENTIALS("设备认证失败"),
    FOREIGN_TOPIC("主题与设备不符");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
