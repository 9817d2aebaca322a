package cn.zhiben.hazards;

/**
 * Which government lists a hazard for supervision (挂牌督办), highest first. A province-level listing (省级挂牌) is recorded
 * by the city office on the province's behalf; it is reviewed at city level and decided by the city office.
 */
public enum ListingLevel {
    PROVINCE("省级挂牌督办", "省级", 3),
    CITY("市级挂牌督办", "市级", 2),
    COUNTY("县级挂牌督办", "县级", 1);

    private final String label;
    private final String shortLabel;
    private final int rank;

    ListingLevel(String label, String shortLabel, int rank) {
        this.label = label;
        this.shortLabel = shortLabel;
        this.rank = rank;
    }

    public String label() {
        return label;
    }

    /** "市级" */
    public String shortLabel() {
        return shortLabel;
    }

    public int rank() {
        return rank;
    }

    public boolean above(ListingLevel other) {
        return other == null || rank > other.rank;
    }

    /** The level of government that reviews and decides on the platform: a province listing is handled by the city. */
    public ListingLevel acting() {
        return this == PROVINCE ? CITY : this;
    }
}
