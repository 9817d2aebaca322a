package cn.zhiben.platform;

import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DataScopeTests {

    private final UUID enterprise = UUID.randomUUID();

    @Test
    void regionSubtreeIsACodePrefix() {
        assertThat(RegionCodes.subtreePrefix("140500")).isEqualTo("1405");
        assertThat(RegionCodes.subtreePrefix("140525")).isEqualTo("140525");
        assertThat(RegionCodes.subtreePrefix("140525100")).isEqualTo("140525100");
        assertThat(RegionCodes.contains("140525", "140525100")).isTrue();
        assertThat(RegionCodes.contains("140525", "140581101")).isFalse();
        assertThat(RegionCodes.contains("140500", "140581101")).isTrue();
    }

    @Test
    void countyScopeCoversOnlyItsCounty() {
        DataScope zezhou = DataScope.region("140525");
        assertThat(zezhou.covers(enterprise, "140525100", null, "mine.coal")).isTrue();
        assertThat(zezhou.covers(enterprise, "140581101", null, "mine.coal")).isFalse();
    }

    @Test
    void countyUnitNeedsRegionAndIndustry() {
        DataScope unit = DataScope.regionIndustries("140525", Set.of("hazchem", "hazchem.production"));
        assertThat(unit.covers(enterprise, "140525100", null, "hazchem.production")).isTrue();
        assertThat(unit.covers(enterprise, "140525100", null, "mine.coal")).isFalse();
        assertThat(unit.covers(enterprise, "140581101", null, "hazchem.production")).isFalse();
    }

    @Test
    void managementAreaScopeMatchesTheZone() {
        DataScope zone = DataScope.region("140500-ETDZ");
        assertThat(zone.covers(enterprise, "140502009", "140500-ETDZ", "indtrade.machinery")).isTrue();
        assertThat(zone.covers(enterprise, "140502009", null, "indtrade.machinery")).isFalse();
    }

    @Test
    void enterpriseScopeIsThatEnterpriseOnly() {
        DataScope own = DataScope.enterprise(enterprise);
        assertThat(own.covers(enterprise, "140525100", null, "mine.coal")).isTrue();
        assertThat(own.covers(UUID.randomUUID(), "140525100", null, "mine.coal")).isFalse();
    }

    @Test
    void administratorsSeeNoBusinessData() {
        assertThat(DataScope.none().covers(enterprise, "140525100", null, "mine.coal")).isFalse();
        assertThat(DataScope.none().toSql("e.id", "e.region_code", "e.zone_code", "e.industry_code").where()).isEqualTo("false");
    }

    @Test
    void sqlConditionCarriesEveryRestriction() {
        DataScope.Sql sql = DataScope.regionIndustries("140525", Set.of("mine.coal"))
                .toSql("e.id", "e.region_code", "e.zone_code", "e.industry_code");
        assertThat(sql.where()).contains("e.region_code like :scopeRegion").contains("e.industry_code in (:scopeIndustries)");
        assertThat(sql.params()).containsEntry("scopeRegion", "140525%");
        assertThat(DataScope.industries(Set.of()).toSql("e.id", "r", "z", "i").where()).isEqualTo("false");
    }
}
