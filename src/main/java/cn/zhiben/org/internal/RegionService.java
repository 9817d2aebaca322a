package cn.zhiben.org.internal;

import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The region reference data as a tree or a list. Readable by every signed-in user: it is public information. */
@Service
public class RegionService {

    /** How township-level units are counted on the pages, in this order. */
    private static final List<String> TOWNSHIP_TYPES = List.of("街道", "镇", "乡");

    private final RegionCatalog regions;

    RegionService(RegionCatalog regions) {
        this.regions = regions;
    }

    /** The roots (the city) with counties, townships and management areas below them. */
    public List<RegionNode> tree() {
        List<Region> all = regions.all();
        Map<String, List<Region>> byParent = new LinkedHashMap<>();
        all.forEach(r -> byParent.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r));
        return byParent.getOrDefault(null, List.of()).stream().map(r -> node(r, byParent)).toList();
    }

    public List<Region> flat(Region.Level level) {
        return level == null ? regions.all() : regions.byLevel(level);
    }

    /** One region with its direct children. */
    public RegionNode one(String code) {
        Region region = regions.find(code).orElseThrow(() ->
                ProblemException.notFound("REGION_NOT_FOUND", "行政区划代码 " + code + " 不存在"));
        Map<String, List<Region>> byParent = new LinkedHashMap<>();
        byParent.put(region.code(), regions.children(region.code()));
        return node(region, byParent);
    }

    public static Region.Level parseLevel(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        try {
            return Region.Level.valueOf(level.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                    "参数 level 只能是 CITY、COUNTY、TOWNSHIP、ZONE 之一",
                    List.of(new ProblemException.FieldProblem("level", "只能是 CITY、COUNTY、TOWNSHIP、ZONE 之一")));
        }
    }

    private static RegionNode node(Region r, Map<String, List<Region>> byParent) {
        List<RegionNode> children = byParent.getOrDefault(r.code(), List.of()).stream()
                .sorted(Comparator.comparingInt(Region::sortOrder).thenComparing(Region::code))
                .map(c -> node(c, byParent)).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String type : TOWNSHIP_TYPES) {
            int n = (int) children.stream()
                    .filter(c -> c.level() == Region.Level.TOWNSHIP && type.equals(c.divisionType())).count();
            if (n > 0) {
                counts.put(type, n);
            }
        }
        return new RegionNode(r.code(), r.name(), r.fullName(), r.level(), r.divisionType(), r.parentCode(),
                r.administrative(), r.sortOrder(), r.centerLon(), r.centerLat(), counts, children);
    }
}
