package cn.zhiben.tipoffs.internal;

/** Where a tip-off stands (安全生产法 Art. 73: verify, document, hand over what is not one's own). */
public enum TipoffStatus {
    RECEIVED("待受理"),
    VERIFYING("核查中"),
    CONCLUDED("已核查待答复"),
    CLOSED("已办结"),
    REJECTED("不予受理"),
    TRANSFERRED("已移交其他机关"),
    MERGED("重复举报已并案");

    private final String label;

    TipoffStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean terminal() {
        return this == CLOSED || this == REJECTED || this == TRANSFERRED || this == MERGED;
    }
}
