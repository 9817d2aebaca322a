package cn.zhiben.inspections.internal;

/**
 * Kinds of inspection (plan item 32: 四不两直、明查暗访、交叉检查、联合执法; 双随机 for activities without approval;
 * 安全生产法 Art. 62: a yearly plan by 分类分级 — the routine inspections).
 */
public enum PlanKind {
    ROUTINE("例行检查"),
    RANDOM("双随机抽查"),
    SPECIAL("专项检查"),
    /** 不发通知、不打招呼、不听汇报、不用陪同接待，直奔基层、直插现场 (原国家安监总局 2014 [P]): the target is not disclosed before the visit */
    UNANNOUNCED("四不两直"),
    /** officers of one county inspect another county's enterprises, organised by a city-level unit */
    CROSS("交叉检查"),
    /** several units inspect together (安全生产法 Art. 69: joint inspections preferred) */
    JOINT("联合执法");

    private final String label;

    PlanKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean unannounced() {
        return this == UNANNOUNCED;
    }

    public boolean withParticipants() {
        return this == CROSS || this == JOINT;
    }
}
