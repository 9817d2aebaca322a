package cn.zhiben.monitoring.internal;

/** What happens to an alarm; the first group are people's verbs, the rest the system's. */
public enum AlarmAction {
    RESPOND("响应", true),
    ANALYSE("研判", true),
    VERIFY("核查", true),
    CLOSE("反馈并关闭", true),
    CONVERT("转为隐患", true),
    RAISE("预警", false),
    RETRIGGER("再次触发", false),
    CONDITION_CLEARED("报警条件解除", false),
    ESCALATE("超时未响应，升级", false);

    private final String label;
    private final boolean human;

    AlarmAction(String label, boolean human) {
        this.label = label;
        this.human = human;
    }

    public String label() {
        return label;
    }

    public boolean human() {
        return human;
    }
}
