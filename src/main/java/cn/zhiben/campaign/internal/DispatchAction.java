package cn.zhiben.campaign.internal;

public enum DispatchAction {
    SEND("发出"),
    ANSWER("答复"),
    RETURN("退回重新答复"),
    CLOSE("办结"),
    MARK_OVERDUE("逾期升级"),
    ATTACH("上传附件");

    private final String label;

    DispatchAction(String label) {
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
