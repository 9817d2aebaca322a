package cn.zhiben.campaign.internal;

import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.UnitCatalog;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Names of units and regions, looked up once per page or document (not per row), for labels of addressees. */
@Component
public class CampaignNames {

    private final UnitCatalog units;
    private final RegionCatalog regions;

    CampaignNames(UnitCatalog units, RegionCatalog regions) {
        this.units = units;
        this.regions = regions;
    }

    public Snapshot snapshot() {
        Map<UUID, CommitteeUnit> u = new LinkedHashMap<>();
        units.all().forEach(x -> u.put(x.id(), x));
        Map<String, Region> r = new LinkedHashMap<>();
        regions.all().forEach(x -> r.put(x.code(), x));
        return new Snapshot(u, r);
    }

    /** The county-level divisions (各县（市、区）) in the catalog's order. */
    public List<Region> counties() {
        return regions.byLevel(Region.Level.COUNTY);
    }

    public static final class Snapshot {
        private final Map<UUID, CommitteeUnit> units;
        private final Map<String, Region> regions;

        Snapshot(Map<UUID, CommitteeUnit> units, Map<String, Region> regions) {
            this.units = units;
            this.regions = regions;
        }

        public String unit(UUID id) {
            CommitteeUnit u = id == null ? null : units.get(id);
            return u == null ? "—" : u.name();
        }

        public String unitShort(UUID id) {
            CommitteeUnit u = id == null ? null : units.get(id);
            return u == null ? "—" : u.shortName();
        }

        public String region(String code) {
            Region r = code == null ? null : regions.get(code);
            return r == null ? (code == null ? "全市" : code) : r.name();
        }

        /** 市安委办 / 泽州县安委办 / 市应急管理局 / 泽州县·市应急管理局（县级） */
        public String addressee(Addressee a) {
            return switch (a.kind()) {
                case CITY_OFFICE -> "市安委办";
                case COUNTY_OFFICE -> region(a.regionCode()) + "安委办";
                case CITY_UNIT -> unit(a.unitId());
                case COUNTY_UNIT -> region(a.regionCode()) + " " + countyUnitName(units.get(a.unitId()));
            };
        }

        public String addressee(UUID unitId, String regionCode) {
            return addressee(new Addressee(unitId, regionCode));
        }

        /** A county's counterpart of a city unit: 市应急管理局 -> 应急管理局. */
        private static String countyUnitName(CommitteeUnit u) {
            if (u == null) {
                return "—";
            }
            return u.name().startsWith("市") ? u.name().substring(1) : u.name();
        }

        public List<CommitteeUnit> units() {
            return List.copyOf(units.values());
        }

        public int unitOrder(UUID id) {
            CommitteeUnit u = id == null ? null : units.get(id);
            return u == null ? Integer.MAX_VALUE : u.sortOrder();
        }

        public int regionOrder(String code) {
            Region r = code == null ? null : regions.get(code);
            return r == null ? (code == null ? -1 : Integer.MAX_VALUE) : r.sortOrder();
        }
    }
}
