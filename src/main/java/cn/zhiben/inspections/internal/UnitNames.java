package cn.zhiben.inspections.internal;

import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.org.IndustryCatalog;
import org.springframework.stereotype.Component;

import java.util.Set;

/** How a unit is named on pages and documents, and what it may act on (its data scope as an enforcing unit). */
@Component
public class UnitNames {

    private final UnitCatalog units;
    private final RegionCatalog regions;
    private final IndustryCatalog industries;

    UnitNames(UnitCatalog units, RegionCatalog regions, IndustryCatalog industries) {
        this.units = units;
        this.regions = regions;
        this.industries = industries;
    }

    /** 市应急管理局; in 泽州县 the same unit's county branch is 泽州县应急管理局. */
    public String name(UnitRef unit) {
        if (unit == null) {
            return "";
        }
        String name = units.find(unit.unitId()).map(CommitteeUnit::name).orElse("未知单位");
        if (unit.regionCode() == null) {
            return name;
        }
        String county = regions.find(unit.regionCode()).map(Region::name).orElse(unit.regionCode());
        return county + (name.startsWith("市") ? name.substring(1) : name);
    }

    public String regionName(String code) {
        return code == null ? "全市" : regions.find(code).map(Region::name).orElse(code);
    }

    /** The unit's industries (with sub-industries) in its county or city-wide: where it may plan, draw, inspect, decide. */
    public DataScope scope(UnitRef unit) {
        Set<String> supervised = industries.supervisedBy(unit.unitId());
        return unit.regionCode() == null ? DataScope.industries(supervised)
                : DataScope.regionIndustries(unit.regionCode(), supervised);
    }
}
