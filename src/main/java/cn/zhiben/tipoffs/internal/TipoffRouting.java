package cn.zhiben.tipoffs.internal;

import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.RegionCodes;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who handles a tip-off: the unit that leads supervision of its industry (三管三必须 — 安全生产法 Art. 10 and the org
 * module's supervisor mapping, walking up to the parent industry when a sub-industry names none), at county level when
 * it happened in a county and at city level otherwise (属地管理; our reading of 安全生产法 Art. 73's "hand over to the
 * competent department").
 */
@Component
public class TipoffRouting {

    private final IndustryCatalog industries;
    private final UnitCatalog units;
    private final RegionCatalog regions;

    TipoffRouting(IndustryCatalog industries, UnitCatalog units, RegionCatalog regions) {
        this.industries = industries;
        this.units = units;
        this.regions = regions;
    }

    public record Suggestion(UUID unitId, String unitName, String unitRegionCode, String reason) {
    }

    public Optional<Suggestion> suggest(String regionCode, String industryCode) {
        Optional<Industry.Supervisor> lead = leadOf(industryCode);
        if (lead.isEmpty()) {
            return Optional.empty();
        }
        String county = countyOf(regionCode);
        String where = county == null ? "市级" : regions.find(county).map(r -> r.name()).orElse(county);
        return Optional.of(new Suggestion(lead.get().unitId(), lead.get().unitName(), county,
                "按行业领域「" + industries.find(industryCode).map(Industry::name).orElse(industryCode) + "」的牵头监管部门（三管三必须）、"
                        + where + "属地"));
    }

    /** The county-level code if the region is inside a county of the city; null for the city itself or unknown. */
    public String countyOf(String regionCode) {
        if (regionCode == null || !RegionCodes.isAdministrative(regionCode)) {
            return null;
        }
        String county = RegionCodes.county(regionCode);
        if (county.endsWith("00")) {
            return null;
        }
        return regions.find(county).isPresent() ? county : null;
    }

    private Optional<Industry.Supervisor> leadOf(String industryCode) {
        String code = industryCode;
        for (int guard = 0; code != null && guard < 10; guard++) {
            Optional<Industry> i = industries.find(code);
            if (i.isEmpty()) {
                return Optional.empty();
            }
            if (i.get().lead().isPresent()) {
                return i.get().lead();
            }
            code = i.get().parentCode();
        }
        return Optional.empty();
    }

    public Optional<CommitteeUnit> unit(UUID id) {
        return units.find(id);
    }

    public List<CommitteeUnit> units() {
        return units.all().stream().filter(CommitteeUnit::active).toList();
    }
}
