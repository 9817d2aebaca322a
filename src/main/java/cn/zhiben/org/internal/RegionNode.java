package cn.zhiben.org.internal;

import cn.zhiben.org.Region;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A region with its children, as the API and the pages show it.
 *
 * @param divisionCounts for a county: how many of its township-level units are 街道 / 镇 / 乡
 */
public record RegionNode(String code, String name, String fullName, Region.Level level, String divisionType,
                         String parentCode, boolean administrative, int sortOrder, BigDecimal centerLon,
                         BigDecimal centerLat, Map<String, Integer> divisionCounts, List<RegionNode> children) {

    public int childCount() {
        return children.size();
    }

    /** "7 街道、1 镇", for the pages. */
    public String divisionSummary() {
        StringBuilder out = new StringBuilder();
        divisionCounts.forEach((type, n) -> out.append(out.isEmpty() ? "" : "、").append(n).append(' ').append(type));
        return out.toString();
    }
}
