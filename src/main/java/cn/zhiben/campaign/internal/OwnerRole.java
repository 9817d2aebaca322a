package cn.zhiben.campaign.internal;

/** How an addressee owns a measure: as the plan names it (牵头, 负责 by its duties, 配合) or by a county's delegation. */
public enum OwnerRole {
    LEAD("牵头"),
    RESPONSIBLE("按职责落实"),
    COOPERATE("配合"),
    DELEGATED("县级分解");

    private final String label;

    OwnerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stronger of two roles, when the mapping names a unit twice (e.g. lead and among @C1). */
    static OwnerRole stronger(OwnerRole a, OwnerRole b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
