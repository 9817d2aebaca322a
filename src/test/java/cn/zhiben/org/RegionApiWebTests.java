package cn.zhiben.org;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The region API: Jincheng's real NBS codes as a tree and as a list, readable by every signed-in account. */
class RegionApiWebTests extends IntegrationTest {

    private JsonNode getJson(String url, String user) throws Exception {
        return json(mvc.perform(auth(get(url), token(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void flatListHasOneCitySixCountiesWithRealCodesAndSeventySevenTownships() throws Exception {
        JsonNode all = getJson("/api/v1/regions?view=flat", "yingji");
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        all.forEach(r -> byLevel.merge(r.get("level").asString(), 1, Integer::sum));
        assertThat(byLevel).containsEntry("CITY", 1).containsEntry("COUNTY", 6).containsEntry("TOWNSHIP", 77)
                .containsEntry("ZONE", 1);

        Map<String, String> counties = new LinkedHashMap<>();
        getJson("/api/v1/regions?view=flat&level=COUNTY", "zezhou")
                .forEach(r -> counties.put(r.get("code").asString(), r.get("name").asString()));
        assertThat(counties).containsExactly(
                Map.entry("140502", "城区"), Map.entry("140521", "沁水县"), Map.entry("140522", "阳城县"),
                Map.entry("140524", "陵川县"), Map.entry("140525", "泽州县"), Map.entry("140581", "高平市"));
        assertThat(getJson("/api/v1/regions?level=TOWNSHIP", "nancun")).hasSize(77);
        JsonNode city = getJson("/api/v1/regions?level=city", "city");
        assertThat(city).hasSize(1);
        assertThat(city.get(0).get("code").asString()).isEqualTo("140500");
    }

    @Test
    void treeHasTheCityWithCountiesTownshipsAndTheZoneAsNonAdministrativeArea() throws Exception {
        JsonNode roots = getJson("/api/v1/regions", "zhuanjia");
        assertThat(roots).hasSize(1);
        JsonNode city = roots.get(0);
        assertThat(city.get("code").asString()).isEqualTo("140500");
        assertThat(city.get("level").asString()).isEqualTo("CITY");

        Map<String, Integer> townships = new LinkedHashMap<>();
        JsonNode zone = null;
        for (JsonNode child : city.get("children")) {
            if ("ZONE".equals(child.get("level").asString())) {
                zone = child;
            } else {
                assertThat(child.get("level").asString()).isEqualTo("COUNTY");
                assertThat(child.get("parentCode").asString()).isEqualTo("140500");
                child.get("children").forEach(t -> {
                    assertThat(t.get("level").asString()).isEqualTo("TOWNSHIP");
                    assertThat(t.get("code").asString()).startsWith(child.get("code").asString()).hasSize(9);
                    assertThat(t.get("children")).isEmpty();
                });
                townships.put(child.get("name").asString(), child.get("children").size());
            }
        }
        assertThat(townships).containsExactly(Map.entry("城区", 8), Map.entry("沁水县", 12), Map.entry("阳城县", 15),
                Map.entry("陵川县", 11), Map.entry("泽州县", 16), Map.entry("高平市", 15));
        assertThat(zone).isNotNull();
        assertThat(zone.get("code").asString()).isEqualTo("140500-ETDZ");
        assertThat(zone.get("administrative").asBoolean()).isFalse();
        assertThat(zone.get("children")).isEmpty();
    }

    @Test
    void countiesCarryTheirDivisionCounts() throws Exception {
        JsonNode zezhou = getJson("/api/v1/regions/140525", "zezhou");
        assertThat(zezhou.get("name").asString()).isEqualTo("泽州县");
        assertThat(zezhou.get("divisionType").asString()).isEqualTo("县");
        assertThat(zezhou.get("children")).hasSize(16);
        assertThat(zezhou.get("divisionCounts").properties()).hasSize(1);
        assertThat(zezhou.get("divisionCounts").get("镇").asInt()).isEqualTo(16);

        JsonNode chengqu = getJson("/api/v1/regions/140502", "city");
        assertThat(chengqu.get("divisionType").asString()).isEqualTo("市辖区");
        assertThat(chengqu.get("divisionCounts").get("街道").asInt()).isEqualTo(7);
        assertThat(chengqu.get("divisionCounts").get("镇").asInt()).isEqualTo(1);
        assertThat(getJson("/api/v1/regions/140581", "city").get("divisionType").asString()).isEqualTo("县级市");

        JsonNode township = getJson("/api/v1/regions/140525100", "nancun");
        assertThat(township.get("name").asString()).isEqualTo("南村镇");
        assertThat(township.get("parentCode").asString()).isEqualTo("140525");
    }

    @Test
    void unknownRegionIsA404Problem() throws Exception {
        mvc.perform(auth(get("/api/v1/regions/140599"), token("city")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("REGION_NOT_FOUND"));
    }

    @Test
    void badQueryParametersAreA400Problem() throws Exception {
        String token = token("city");
        mvc.perform(auth(get("/api/v1/regions?level=PROVINCE"), token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.errors[0].field").value("level"));
        mvc.perform(auth(get("/api/v1/regions?view=list"), token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(auth(get("/api/v1/regions?view=tree&level=COUNTY"), token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void anonymousCallerIsRejectedButTheSystemAdministratorMayRead() throws Exception {
        mvc.perform(get("/api/v1/regions")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/regions/140525")).andExpect(status().isUnauthorized());
        assertThat(getJson("/api/v1/regions?view=flat", "sysadmin")).hasSize(85);
    }
}
