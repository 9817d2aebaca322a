package cn.zhiben.hazards;

/** Which government lists a hazard for supervision (挂牌督办); sign-off then needs a review at that level. */
public enum ListingLevel {
    CITY("市级挂牌督办"),
    COUNTY("县级挂牌督办");

    private final String label;

    ListingLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
