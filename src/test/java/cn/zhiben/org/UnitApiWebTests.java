package cn.zhiben.org;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The member units of Attachment 2, in their four categories, each with the industries it supervises. */
class UnitApiWebTests extends IntegrationTest {

    private JsonNode groups(String query) throws Exception {
        return json(mvc.perform(auth(get("/api/v1/units" + query), token("zezhou"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static List<JsonNode> units(JsonNode groups) {
        List<JsonNode> out = new ArrayList<>();
        groups.forEach(g -> g.get("units").forEach(out::add));
        return out;
    }

    @Test
    void attachmentTwoHasTwentyEightEightTwentyTwoAndTwentyOneUnits() throws Exception {
        JsonNode groups = groups("");
        assertThat(groups).hasSize(4);
        List<Integer> counts = new ArrayList<>();
        groups.forEach(g -> {
            counts.add(g.get("count").asInt());
            assertThat(g.get("units")).hasSize(g.get("count").asInt());
        });
        assertThat(counts).containsExactly(28, 8, 22, 21);
        assertThat(units(groups)).hasSize(79);
        assertThat(groups.get(0).get("name").asString()).isEqualTo("负有安全生产监督管理职责的部门");
        assertThat(groups.get(3).get("name").asString()).isEqualTo("驻市相关单位、市属各国有企业");
    }

    @Test
    void categoryFilterReturnsOnlyThatCategory() throws Exception {
        JsonNode second = groups("?category=2");
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("category").asInt()).isEqualTo(2);
        assertThat(second.get(0).get("units")).hasSize(8);
        units(second).forEach(u -> assertThat(u.get("category").asInt()).isEqualTo(2));
        mvc.perform(auth(get("/api/v1/units?category=5"), token("city")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(auth(get("/api/v1/units?category=x"), token("city")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void pageBreakAndSpacingArtefactsOfTheSourceAreFixed() throws Exception {
        List<String> names = units(groups("")).stream().map(u -> u.get("name").asString()).toList();
        assertThat(names).filteredOn("晋城市融媒体中心"::equals).hasSize(1);
        assertThat(names).noneMatch(n -> n.contains("中心中心"));
        assertThat(names).noneMatch(n -> n.chars().anyMatch(Character::isWhitespace) || n.contains("\u3000"));
        assertThat(names).noneMatch(n -> n.equals("中心"));
        assertThat(names).contains("国家粮食和物资储备局山西局254处").doesNotHaveDuplicates();
    }

    @Test
    void eachUnitListsTheIndustriesItLeadsAndCooperatesOn() throws Exception {
        List<JsonNode> all = units(groups(""));
        JsonNode energy = all.stream().filter(u -> u.get("name").asString().equals("市能源局")).findFirst().orElseThrow();
        List<String> leads = new ArrayList<>();
        energy.get("leads").forEach(i -> leads.add(i.get("code").asString()));
        List<String> cooperates = new ArrayList<>();
        energy.get("cooperates").forEach(i -> cooperates.add(i.get("code").asString()));
        assertThat(leads).contains("mine.coal", "mine.cbm", "pipeline", "power");
        assertThat(cooperates).contains("mine", "construction").doesNotContainAnyElementsOf(leads);

        JsonNode fire = all.stream().filter(u -> u.get("name").asString().equals("市消防救援支队")).findFirst().orElseThrow();
        assertThat(fire.get("leads").get(0).get("code").asString()).isEqualTo("fire");
        assertThat(fire.get("leads").get(0).get("name").asString()).isEqualTo("消防");

        // a unit without supervisory duties has empty lists, not missing ones
        JsonNode court = all.stream().filter(u -> u.get("name").asString().equals("市人民法院")).findFirst().orElseThrow();
        assertThat(court.get("leads")).isEmpty();
        assertThat(court.get("cooperates")).isEmpty();

        JsonNode one = json(mvc.perform(auth(get("/api/v1/units/" + energy.get("id").asString()), token("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(one.get("leads")).hasSize(energy.get("leads").size());
    }

    @Test
    void unknownUnitIsA404AndAnonymousCallerIsRejected() throws Exception {
        mvc.perform(auth(get("/api/v1/units/" + UUID.randomUUID()), token("city")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("UNIT_NOT_FOUND"));
        mvc.perform(get("/api/v1/units")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/units/" + UUID.randomUUID())).andExpect(status().isUnauthorized());
    }
}
