package cn.zhiben.campaign.internal;

import cn.zhiben.hazards.HazardDirectory;
import cn.zhiben.org.IndustryCatalog;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's own hazard figures for an addressee and a period: a county office's county, a unit's industries
 * (the fields it leads or co-operates on under 三管三必须, with their sub-fields) city-wide or in its county, the city
 * office's whole city. A unit that supervises no industry has no figures (not zeros).
 */
@Component
public class FiguresSource {

    private final HazardDirectory hazards;
    private final IndustryCatalog industries;

    FiguresSource(HazardDirectory hazards, IndustryCatalog industries) {
        this.hazards = hazards;
        this.industries = industries;
    }

    public Optional<Figures> of(Addressee a, LocalDate from, LocalDate to) {
        Set<String> fields = null;
        if (a.unitId() != null) {
            fields = industries.supervisedBy(a.unitId());
            if (fields.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(Figures.of(hazards.figures(a.regionCode(), fields, from, to)));
    }

    /** The whole city or one county, all industries. */
    public Figures ofRegion(String regionCodeOrNull, LocalDate from, LocalDate to) {
        return Figures.of(hazards.figures(regionCodeOrNull, null, from, to));
    }
}
