package cn.zhiben.hazards;

/** How a hazard was found (plan item 25: 企业自查上报、督导检查发现、群众举报查实 … 全量汇总). */
public enum Channel {
    SELF_INSPECTION("企业自查"),
    SUPERVISION("部门检查"),
    TIP_OFF("群众举报查实"),
    EXPERT("专家/第三方服务机构"),
    MONITORING("监测预警转办"),
    ASSIGNED("上级交办");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Found by someone other than the enterprise itself: the enterprise acknowledges instead of confirming. */
    public boolean external() {
        return this != SELF_INSPECTION;
    }
}
