package cn.zhiben.org;

import java.util.Optional;

/** Whether an enterprise is producing (生产经营状态). */
public enum EnterpriseStatus implements Labelled {
    OPERATING("正常生产"),
    SUSPENDED_FOR_RECTIFICATION("停产整顿"),
    SUSPENDED("停业"),
    CLOSED("关闭取缔"),
    UNDER_CONSTRUCTION("建设中");

    private final String label;

    EnterpriseStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** By code or by Chinese label. */
    public static Optional<EnterpriseStatus> parse(String value) {
        return Labelled.parse(EnterpriseStatus.class, value);
    }
}
