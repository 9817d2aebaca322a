package cn.zhiben.hazards;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Where a hazard stands in its closed loop. Major hazards found by an enterprise pass two confirmations (两级确认,
 * 晋市安委发〔2024〕6号 item 6) before they count as reported; those found by supervision or other channels are
 * acknowledged by the enterprise. General hazards go straight to rectification or are fixed on the spot. A listed
 * hazard signed off by its department waits for the listing body to confirm 摘牌.
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
    SIGNED_OFF_PENDING_DELISTING("已审核待确认摘牌", false),
    SIGNED_OFF("已销号", true),
    CLOSED("已整改关闭", true),
    MERGED("已合并", true),
    WITHDRAWN("已撤回", true);

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

    /** Counts as reported (直报): confirmed or acknowledged, not withdrawn or merged away. */
    public boolean reported() {
        return this != PENDING_DEPARTMENT_CONFIRMATION && this != PENDING_PRINCIPAL_CONFIRMATION
                && this != PENDING_ACKNOWLEDGEMENT && this != MERGED && this != WITHDRAWN;
    }

    /** A hazard of its own: not merged into another, not a withdrawn report. Found-figures count only these. */
    public boolean counted() {
        return this != MERGED && this != WITHDRAWN;
    }

    /** Has a rectification deadline running. */
    public boolean deadlineRunning() {
        return this == REPORTED || this == RECTIFYING;
    }

    public static Set<HazardStatus> where(Predicate<HazardStatus> p) {
        return Arrays.stream(values()).filter(p).collect(Collectors.toCollection(() -> EnumSet.noneOf(HazardStatus.class)));
    }

    /** A SQL list of the statuses, e.g. {@code ('SIGNED_OFF', 'CLOSED')}: status sets are built from the enum, never typed. */
    public static String sqlList(Set<HazardStatus> statuses) {
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("empty status set");
        }
        return statuses.stream().sorted().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code h.status not in (…terminal…)} for a column: the open hazards. */
    public static String openSql(String column) {
        return column + " not in " + sqlList(where(HazardStatus::terminal));
    }

    /** {@code h.status not in ('MERGED', 'WITHDRAWN')} for a column: the hazards that count ({@link #counted()}). */
    public static String countedSql(String column) {
        return column + " not in " + sqlList(where(s -> !s.counted()));
    }

    public static String closedSql(String column) {
        return column + " in " + sqlList(where(HazardStatus::terminal));
    }
}
