package cn.zhiben.people.internal;

/** The areas of a 厂(矿)区 that each drill evacuation (晋市安委发〔2024〕6号 四(五)18). */
public enum DrillArea implements Labels {
    OFFICE("办公区域"),
    PRODUCTION("生产区域"),
    LIVING("生活区域");

    private final String label;

    DrillArea(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
