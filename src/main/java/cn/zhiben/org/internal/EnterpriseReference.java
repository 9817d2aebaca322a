package cn.zhiben.org.internal;

import cn.zhiben.org.Industry;
import cn.zhiben.org.Region;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the regions and industries an enterprise refers to, loaded once per request or import job, which
 * resolves what users type (codes or names) and derives the supervising units of an industry.
 */
public final class EnterpriseReference {

    private final Map<String, Region> regions = new LinkedHashMap<>();
    private final Map<String, Industry> industries = new LinkedHashMap<>();
    private final Map<String, List<Region>> regionsByName = new LinkedHashMap<>();
    private final Map<String, List<Industry>> industriesByName = new LinkedHashMap<>();
    private final String cityName;

    public EnterpriseReference(List<Region> regionList, List<Industry> industryList) {
        regionList.forEach(r -> regions.put(r.code(), r));
        industryList.forEach(i -> industries.put(i.code(), i));
        cityName = regionList.stream().filter(r -> r.level() == Region.Level.CITY).map(Region::name).findFirst().orElse("");
        for (Region r : regionList) {
            for (String n : List.of(r.name(), r.fullName(), displayName(r))) {
                List<Region> list = regionsByName.computeIfAbsent(n, k -> new ArrayList<>());
                if (!list.contains(r)) {
                    list.add(r);
                }
            }
        }
        for (Industry i : industryList) {
            industriesByName.computeIfAbsent(i.name(), k -> new ArrayList<>()).add(i);
        }
    }

    /** What a resolution found, or why it found nothing. */
    public record Resolved<T>(T value, String error) {
        static <T> Resolved<T> of(T value) {
            return new Resolved<>(value, null);
        }

        static <T> Resolved<T> fail(String error) {
            return new Resolved<>(null, error);
        }

        public boolean found() {
            return value != null;
        }
    }

    public Optional<Region> region(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(regions.get(code));
    }

    public Optional<Industry> industry(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(industries.get(code));
    }

    /** A region by code, by "code name", or by an unambiguous name ("南村镇", "泽州县南村镇", "晋城市泽州县南村镇"). */
    public Resolved<Region> resolveRegion(String input) {
        String v = input.trim();
        Region byCode = regions.get(leadingToken(v));
        if (byCode != null) {
            return Resolved.of(byCode);
        }
        List<Region> byName = regionsByName.getOrDefault(v, List.of());
        if (byName.size() == 1) {
            return Resolved.of(byName.get(0));
        }
        if (byName.size() > 1) {
            return Resolved.fail("“" + v + "”对应多个区划（" + String.join("、", byName.stream().map(this::displayName).toList())
                    + "），请写明所属县（市、区）或填写区划代码");
        }
        return Resolved.fail("未找到区划“" + v + "”");
    }

    /** An industry by code, by "code name" or by name. */
    public Resolved<Industry> resolveIndustry(String input) {
        String v = input.trim();
        Industry byCode = industries.get(leadingToken(v));
        if (byCode != null) {
            return Resolved.of(byCode);
        }
        List<Industry> byName = industriesByName.getOrDefault(v, List.of());
        if (byName.size() == 1) {
            return Resolved.of(byName.get(0));
        }
        if (byName.size() > 1) {
            return Resolved.fail("行业名称“" + v + "”不唯一，请填写行业代码");
        }
        return Resolved.fail("未找到行业领域“" + v + "”");
    }

    private static String leadingToken(String v) {
        int space = v.indexOf(' ');
        return space > 0 ? v.substring(0, space) : v;
    }

    /** "泽州县南村镇": the full name without the city, which is the same for every enterprise. */
    public String displayName(Region r) {
        if (r.level() == Region.Level.CITY || r.level() == Region.Level.ZONE) {
            return r.name();
        }
        String full = r.fullName();
        return !cityName.isEmpty() && full.startsWith(cityName) && full.length() > cityName.length()
                ? full.substring(cityName.length()) : full;
    }

    public String regionName(String code) {
        return region(code).map(this::displayName).orElse(code);
    }

    public String industryName(String code) {
        return industry(code).map(Industry::name).orElse(code);
    }

    /** The county-level region of a township (or itself). */
    public Optional<Region> county(String code) {
        Region r = regions.get(code);
        while (r != null && r.level() == Region.Level.TOWNSHIP) {
            r = regions.get(r.parentCode());
        }
        return r != null && r.level() == Region.Level.COUNTY ? Optional.of(r) : Optional.empty();
    }

    /**
     * The units that supervise an industry under 三管三必须: its own lead and co-operating units, or, when the
     * mapping names none for it, those of the nearest parent industry.
     */
    public List<Industry.Supervisor> supervisors(String industryCode) {
        Industry i = industries.get(industryCode);
        while (i != null) {
            if (!i.supervisors().isEmpty()) {
                return i.supervisors().stream()
                        .sorted(Comparator.comparing((Industry.Supervisor s) -> s.role() != Industry.Role.LEAD))
                        .toList();
            }
            i = i.parentCode() == null ? null : industries.get(i.parentCode());
        }
        return List.of();
    }

    public List<Region> counties() {
        return regions.values().stream().filter(r -> r.level() == Region.Level.COUNTY).toList();
    }

    public List<Region> townships(String countyCode) {
        return regions.values().stream().filter(r -> r.level() == Region.Level.TOWNSHIP && countyCode.equals(r.parentCode())).toList();
    }

    public List<Region> townships() {
        return regions.values().stream().filter(r -> r.level() == Region.Level.TOWNSHIP).toList();
    }

    /** A region in a filter: its code and its name, indented under its county. */
    public record RegionOption(String code, String label) {
    }

    /**
     * The regions a user of this scope may filter by (issue 10 item 11): the whole city's for a city-wide scope; a
     * county and its townships for a county; a township alone; a management area alone; none for one enterprise.
     */
    public List<RegionOption> regionOptions(cn.zhiben.platform.security.DataScope scope) {
        List<RegionOption> out = new ArrayList<>();
        if (!scope.business() || scope.enterpriseId() != null) {
            return out;
        }
        for (Region c : counties()) {
            boolean county = scope.coversRegion(c.code(), null);
            if (county) {
                out.add(new RegionOption(c.code(), c.name()));
            }
            for (Region t : townships(c.code())) {
                if (scope.coversRegion(t.code(), null)) {
                    out.add(new RegionOption(t.code(), county ? "　" + t.name() : displayName(t)));
                }
            }
        }
        for (Region z : zones()) {
            if (scope.regionCode() == null || scope.regionCode().equals(z.code())) {
                out.add(new RegionOption(z.code(), z.name()));
            }
        }
        return out;
    }

    public List<Region> zones() {
        return regions.values().stream().filter(r -> r.level() == Region.Level.ZONE).toList();
    }

    /** Industries in tree order, with their depth (0 = top level), for selects. */
    public List<IndustryOption> industryTree(boolean assignableOnly) {
        List<IndustryOption> out = new ArrayList<>();
        addChildren(null, 0, assignableOnly, out);
        return out;
    }

    private void addChildren(String parent, int depth, boolean assignableOnly, List<IndustryOption> out) {
        for (Industry i : industries.values()) {
            if (java.util.Objects.equals(i.parentCode(), parent) && i.active()) {
                if (!assignableOnly || i.assignable()) {
                    out.add(new IndustryOption(i.code(), i.name(), depth, i.assignable()));
                }
                addChildren(i.code(), depth + 1, assignableOnly, out);
            }
        }
    }

    public record IndustryOption(String code, String name, int depth, boolean assignable) {
        public String indented() {
            return "　".repeat(depth) + name;
        }
    }

    /** Centres of the county-level regions that have one: where the city's enterprises can be. */
    List<double[]> countyCentres() {
        List<double[]> out = new ArrayList<>();
        for (Region r : regions.values()) {
            BigDecimal lon = r.centerLon();
            BigDecimal lat = r.centerLat();
            if (r.level() == Region.Level.COUNTY && lon != null && lat != null) {
                out.add(new double[]{lon.doubleValue(), lat.doubleValue()});
            }
        }
        return out;
    }
}
