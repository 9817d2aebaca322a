package cn.zhiben.tipoffs.internal;

/** What happened on a tip-off's timeline. */
public enum TipoffAction {
    RECEIVE("登记"),
    ACCEPT("受理并交办"),
    REJECT("不予受理"),
    TRANSFER("移交其他机关"),
    MERGE("重复举报并案"),
    HAND_OVER("转交其他单位"),
    CONCLUDE("核查结论"),
    REGISTER_HAZARD("登记为隐患"),
    FINE_IMPOSED("处罚决定"),
    REPLY("答复举报人"),
    ESCALATE("逾期升级");

    private final String label;

    TipoffAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
