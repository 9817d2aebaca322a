package cn.zhiben.people.internal;

/** What a person is at an enterprise; one person may be several (a principal is often the fire-safety responsible). */
public enum PersonRole implements Labels {
    PRINCIPAL("主要负责人"),
    /** 消防安全责任人: the plan trains them in hospitals, heritage units and commercial complexes (item 15) */
    FIRE_SAFETY_RESPONSIBLE("消防安全责任人"),
    SAFETY_MANAGER("安全生产管理人员"),
    TEAM_LEADER("班组长"),
    SPECIAL_OPERATOR("特种作业人员"),
    SPECIAL_EQUIPMENT_OPERATOR("特种设备作业人员"),
    FIRE_SYSTEM_OPERATOR("自动消防系统操作人员"),
    WORKER("其他从业人员");

    private final String label;

    PersonRole(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
