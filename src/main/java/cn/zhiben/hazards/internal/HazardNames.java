package cn.zhiben.hazards.internal;

import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of the region and industry codes a hazard carries. Hazards keep codes (what was true when judged); people read
 * names. A {@link Snapshot} loads both catalogues once, so a page or an export of many rows asks the database twice.
 */
@Component
public class HazardNames {

    private final RegionCatalog regions;
    private final IndustryCatalog industries;

    HazardNames(RegionCatalog regions, IndustryCatalog industries) {
        this.regions = regions;
        this.industries = industries;
    }

    public Snapshot snapshot() {
        return new Snapshot(regions.all(), industries.all());
    }

    public static final class Snapshot {

        private final Map<String, Region> regions = new HashMap<>();
        private final Map<String, Industry> industries = new HashMap<>();
        private final List<Region> regionList;
        private final List<Industry> industryList;

        Snapshot(List<Region> regionList, List<Industry> industryList) {
            this.regionList = regionList;
            this.industryList = industryList;
            regionList.forEach(r -> regions.put(r.code(), r));
            industryList.forEach(i -> industries.put(i.code(), i));
        }

        /** "泽州县南村镇": county and township, without the city every hazard shares; the code itself if unknown. */
        public String region(String code) {
            Region r = code == null ? null : regions.get(code);
            if (r == null) {
                return code == null ? "" : code;
            }
            if (r.level() == Region.Level.TOWNSHIP) {
                Region county = regions.get(r.parentCode());
                return county == null ? r.name() : county.name() + r.name();
            }
            return r.name();
        }

        public String industry(String code) {
            Industry i = code == null ? null : industries.get(code);
            return i == null ? (code == null ? "" : code) : i.name();
        }

        public List<Region> regions() {
            return regionList;
        }

        public List<Industry> industries() {
            return industryList;
        }
    }
}
