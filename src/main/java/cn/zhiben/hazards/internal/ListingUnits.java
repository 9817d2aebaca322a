package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.Region;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.security.RegionCodes;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The departments a listing may name as 督办单位 (issue 10 item 4): those of the listing's level with supervisory duties
 * (category 1) — for a county listing the county's counterparts of the city departments (市应急管理局 → 泽州县应急管理局;
 * a 支队 is a 大队 in a county; vertical agencies without county offices are left out) — the lead of the hazard's field
 * first and preselected, then its other supervisors, then the rest. The county name rule is our inference from how
 * Jincheng's county departments are named.
 */
@Component
public class ListingUnits {

    private final UnitCatalog units;
    private final IndustryCatalog industries;
    private final RegionCatalog regions;
    private final Callers callers;

    ListingUnits(UnitCatalog units, IndustryCatalog industries, RegionCatalog regions, Callers callers) {
        this.units = units;
        this.industries = industries;
        this.regions = regions;
        this.callers = callers;
    }

    /** @param lead the department leading the hazard's field (preselected); supervisor: it supervises the field */
    public record Option(UUID unitId, String name, boolean lead, boolean supervisor) {
    }

    public List<Option> options(ListingLevel level, String regionCode, String field) {
        Optional<UUID> lead = callers.signOffUnit(field);
        Set<UUID> supervisors = new HashSet<>();
        for (String c = field; c != null; c = parent(c)) {
            industries.find(c).ifPresent(i -> i.supervisors().stream().map(Industry.Supervisor::unitId).forEach(supervisors::add));
        }
        String county = level == ListingLevel.COUNTY ? regions.find(RegionCodes.county(regionCode)).map(Region::name).orElse(null) : null;
        List<Option> out = new ArrayList<>();
        for (CommitteeUnit u : units.all()) {
            if (u.category() != 1 || !u.active()) {
                continue;
            }
            String name = u.name();
            if (level == ListingLevel.COUNTY) {
                if (county == null || !name.startsWith("市")) {
                    continue;
                }
                name = county + name.substring(1).replace("支队", "大队");
            }
            out.add(new Option(u.id(), name, lead.map(u.id()::equals).orElse(false), supervisors.contains(u.id())));
        }
        out.sort(Comparator.comparing((Option o) -> !o.lead()).thenComparing(o -> !o.supervisor()));
        return out;
    }

    /** The name a unit goes by at that level and place (for showing a recorded 督办单位). */
    public Optional<String> name(UUID unitId, ListingLevel level, String regionCode) {
        return units.find(unitId).map(u -> {
            if (level == ListingLevel.COUNTY && u.name().startsWith("市")) {
                String county = regions.find(RegionCodes.county(regionCode)).map(Region::name).orElse("");
                return county + u.name().substring(1).replace("支队", "大队");
            }
            return u.name();
        });
    }

    private static String parent(String code) {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? null : code.substring(0, dot);
    }
}
