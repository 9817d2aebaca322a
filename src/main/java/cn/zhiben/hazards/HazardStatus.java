package cn.zhiben.hazards;

/**
 * Where a hazard stands in its closed loop. Major hazards found by an enterprise pass two confirmations (两级确认,
 * 晋市安委发〔2024〕6号 item 6) before they count as reported; those found by supervision or other channels are
 * acknowledged by the enterprise. General hazards go straight to rectification or are fixed on the spot.
 */
public enum HazardStatus {
    PENDING_DEPARTMENT_CONFIRMATION("待安全管理部门确认", false),
    PENDING_PRINCIPAL_CONFIRMATION("待主要负责人确认", false),
    PENDING_ACKNOWLEDGEMENT("待企业签收", false),
    REPORTED("待制定整改方案", false),
    RECTIFYING("整改中", false),
    COMPLETED("整改完成待评估", false),
    EVALUATED("已评估待申请销号", false),
    SIGN_OFF_REQUESTED("待审核销号", false),
    SIGNED_OFF("已销号", true),
    CLOSED("已整改关闭", true),
    MERGED("已合并", true);

    private final String label;
    private final boolean terminal;

    HazardStatus(String label, boolean terminal) {
        this.label = label;
        this.terminal = terminal;
    }

    public String label() {
        return label;
    }

    public boolean terminal() {
        return terminal;
    }

    /** Counts as reported (直报): confirmed or acknowledged, not yet gone. */
    public boolean reported() {
        return this != PENDING_DEPARTMENT_CONFIRMATION && this != PENDING_PRINCIPAL_CONFIRMATION
                && this != PENDING_ACKNOWLEDGEMENT && this != MERGED;
    }

    /** Has a rectification deadline running. */
    public boolean deadlineRunning() {
        return this == REPORTED || this == RECTIFYING;
    }
}
