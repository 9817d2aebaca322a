package cn.zhiben.org;

/**
 * Positions in the campaign's leading group, in the order Attachment 1 of 晋市安委发〔2024〕6号 lists them.
 * Who holds a position is data the city office maintains, never code.
 */
public enum LeadingGroupPosition {
    LEADER("组长"),
    EXECUTIVE_DEPUTY("常务副组长"),
    DEPUTY("副组长"),
    MEMBER("成员"),
    OFFICE_DIRECTOR("办公室主任");

    private final String label;

    LeadingGroupPosition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
