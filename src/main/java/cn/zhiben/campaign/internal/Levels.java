package cn.zhiben.campaign.internal;

/** Which levels a measure is carried out at: city units, county offices, or both (市县两级 / 各级). */
public enum Levels {
    CITY("市级"),
    COUNTY("县级"),
    BOTH("市县两级");

    private final String label;

    Levels(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean city() {
        return this != COUNTY;
    }

    public boolean county() {
        return this != CITY;
    }
}
