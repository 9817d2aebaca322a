package cn.zhiben.campaign.internal;

public enum SupervisionAction {
    ISSUE("下达"),
    FEEDBACK("反馈整改情况"),
    CLOSE("办结"),
    ATTACH("上传材料");

    private final String label;

    SupervisionAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static String labelOf(String name) {
        try {
            return valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
