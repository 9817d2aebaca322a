package cn.zhiben.people.internal;

/**
 * 用工形式. The plan (item 17) brings outsourced, dispatched and flexible workers into the enterprise's own training
 * and checks; 安全生产法 Arts. 28 and 61 treat dispatched workers like the enterprise's own staff.
 */
public enum EmploymentType implements Labels {
    OWN("自有职工"),
    DISPATCHED("劳务派遣"),
    OUTSOURCED("外包外租"),
    FLEXIBLE("灵活用工"),
    INTERN("实习学生");

    private final String label;

    EmploymentType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
