package cn.zhiben.people.internal;

/** What a training institution trains (AQ 8011-2023 sets separate conditions for the first two). */
public enum InstitutionKind implements Labels {
    SPECIAL_OPERATION("特种作业人员培训"),
    PRINCIPAL_MANAGER("主要负责人和安全生产管理人员培训"),
    OTHER("其他从业人员培训");

    private final String label;

    InstitutionKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
