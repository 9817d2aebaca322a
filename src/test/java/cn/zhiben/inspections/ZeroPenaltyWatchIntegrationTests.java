package cn.zhiben.inspections;

import cn.zhiben.standards.StandardsLibrary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Plan item 32 (零处罚、只检查不处罚): in a quarter of its own (2028 Q2, when no other test inspects), a unit whose inspection
 * found a major hazard without any decision is listed, and a unit that decided is not.
 */
class ZeroPenaltyWatchIntegrationTests extends InspectionTestSupport {

    @Autowired
    StandardsLibrary standards;

    private UUID clause(String industry, int n) {
        var list = standards.clausesInForce(industry, Set.of(), today()).stream().filter(c -> c.version().standardCode() != null).toList();
        return list.get((50 + n) % list.size()).id();
    }

    @Test
    void theWatchListsThePlantedUnitWithAMajorHazardAndNoDecisionAndNoOther() throws Exception {
        clock.set(Instant.parse("2028-05-15T02:00:00Z"));
        // 泽州县应急管理局: a major hazard found and decided on
        UUID handled = arrangeAndStart("zezhou-yingji", enterprise("泽州示范巴公煤业"), "zezhou-zf1", "zezhou-zf2");
        JsonNode f1 = ok(postJson(token("zezhou-zf1"), "/api/v1/inspections/" + handled + "/findings", map("grade", "MAJOR",
                "clauseId", clause("mine.coal", 0), "description", "重大事故隐患", "location", "井下")));
        signAndComplete("zezhou-zf1", handled, clause("mine.coal", 0));
        ok(postJson(token("zezhou-yingji"), "/api/v1/enforcement-decisions", map("inspectionId", handled,
                "kind", "RECTIFICATION_ORDER", "measures", List.of("ORDER_RECTIFICATION"), "facts", "限期整改",
                "legalBasis", List.of("SAFELAW-65"), "deadline", today().plusDays(10), "decidedOn", today(),
                "hazardIds", List.of(f1.get("hazardId").asString()))));
        // 市能源局: a major hazard found, nothing decided
        UUID unhandled = arrangeAndStart("nengyuan", enterprise("沁水示范嘉峰煤业"), "nengyuan-zf1", "nengyuan-zf2");
        ok(postJson(token("nengyuan-zf1"), "/api/v1/inspections/" + unhandled + "/findings", map("grade", "MAJOR",
                "clauseId", clause("mine.coal", 1), "description", "重大事故隐患", "location", "井下")));
        signAndComplete("nengyuan-zf1", unhandled, clause("mine.coal", 1));

        JsonNode w = getJson(token("city"), "/api/v1/inspections/zero-penalty?from=2028-04-01&to=2028-06-30");
        List<String> listed = new ArrayList<>();
        w.get("listed").forEach(u -> listed.add(u.get("unitName").asString()));
        assertThat(listed).containsExactly("市能源局");
        JsonNode energy = w.get("listed").get(0);
        assertThat(energy.get("majorFindings").asLong()).isEqualTo(1);
        assertThat(energy.get("unhandledMajor").asLong()).isEqualTo(1);
        assertThat(energy.get("decisions").asLong()).isZero();
        List<String> all = new ArrayList<>();
        w.get("units").forEach(u -> all.add(u.get("unitName").asString()));
        assertThat(all).containsExactlyInAnyOrder("市能源局", "泽州县应急管理局");
        // a lower threshold of inspections lists both as 只检查不处罚 (neither imposed a penalty)
        JsonNode strict = getJson(token("city"), "/api/v1/inspections/zero-penalty?from=2028-04-01&to=2028-06-30&minInspections=1");
        assertThat(strict.get("listed")).hasSize(2);
        // each unit sees only itself; an enterprise not at all
        assertThat(getJson(token("zezhou-yingji"), "/api/v1/inspections/zero-penalty?from=2028-04-01&to=2028-06-30")
                .get("units")).hasSize(1);
        mvc.perform(auth(get("/api/v1/inspections/zero-penalty?from=2028-04-01&to=2028-06-30"), token("qiye")))
                .andExpect(status().isForbidden());
    }
}
