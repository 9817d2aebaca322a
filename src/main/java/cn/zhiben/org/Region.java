package cn.zhiben.org;

import java.math.BigDecimal;

/**
 * A region: the city, a county-level division, a township-level unit (NBS codes), or a management area such as the
 * development zone, which is not an administrative division.
 */
public record Region(String code, String name, String fullName, Level level, String divisionType, String parentCode,
                     boolean administrative, int sortOrder, BigDecimal centerLon, BigDecimal centerLat) {

    public enum Level {
        CITY, COUNTY, TOWNSHIP, ZONE
    }
}
