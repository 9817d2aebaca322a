package cn.zhiben.campaign.internal;

/** Who owes a scheduled report: every party of the programme, or the county offices only. */
public enum Audience {
    ALL("各县（市、区）和市安委会各成员单位"),
    COUNTIES("各县（市、区）安委办");

    private final String label;

    Audience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
