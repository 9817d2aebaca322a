package cn.zhiben.inspections;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Plan item 23 (集团公司季查、厂矿月查、车间周查、班组日查): the missing checks of a planted enterprise across a month
 * boundary, with dates taken in Asia/Shanghai — a check at 00:30 on 1 November there is 16:30 on 31 October UTC.
 */
class SelfInspectionCadenceIntegrationTests extends InspectionTestSupport {

    @Test
    void theMissingChecksOfAPlantedEnterpriseFollowTheMonthBoundaryInShanghai() throws Exception {
        clock.set(Instant.parse("2029-12-05T04:00:00Z"));
        String t = token("qiye");
        // 2029-11-01 00:30 in Shanghai: the monthly check counts for November, not October
        ok(postJson(t, "/api/v1/self-inspections", map("level", "ENTERPRISE", "checkedAt", "2029-10-31T16:30:00Z",
                "ledBy", "矿长 严巴山", "items", List.of(map("title", "月度隐患排查", "result", "PASSED")))));
        // 2029-12-01 00:30 in Shanghai: the team check counts for 1 December, not 30 November
        ok(postJson(t, "/api/v1/self-inspections", map("level", "TEAM", "checkedAt", "2029-11-30T16:30:00Z",
                "ledBy", "班长", "items", List.of(map("title", "班前检查", "result", "PASSED")))));
        JsonNode m = getJson(t, "/api/v1/self-inspections/missing?from=2029-10-01&to=2029-12-01");
        Map<String, String> state = new HashMap<>();
        m.get("periods").forEach(p -> state.put(p.at("/period/level").asString() + " " + p.at("/period/start").asString(),
                p.get("state").asString()));
        assertThat(state.get("ENTERPRISE 2029-10-01")).isEqualTo("MISSING");
        assertThat(state.get("ENTERPRISE 2029-11-01")).isEqualTo("DONE");
        assertThat(state.get("ENTERPRISE 2029-12-01")).isEqualTo("PENDING"); // December is still running
        assertThat(state.get("TEAM 2029-11-30")).isEqualTo("MISSING");
        assertThat(state.get("TEAM 2029-12-01")).isEqualTo("DONE");
        assertThat(state.get("TEAM 2029-10-31")).isEqualTo("MISSING");
        assertThat(state).doesNotContainKey("GROUP 2029-10-01"); // no group company check unless the enterprise has one
        // 61 team days (1 Oct – 30 Nov) missing, 1 done; monthly: October missing
        assertThat(m.get("periods").valueStream().filter(p -> p.at("/period/level").asString().equals("TEAM")
                && p.get("state").asString().equals("MISSING")).count()).isEqualTo(61);
        // the county office sees the same gap for the mine
        JsonNode overview = getJson(token("zezhou"), "/api/v1/self-inspections/overview?from=2029-10-01&to=2029-11-30&enterpriseId="
                + enterprise("泽州示范巴公煤业"));
        JsonNode mine = overview.valueStream().filter(r -> r.get("enterpriseName").asString().startsWith("泽州示范巴公煤业"))
                .findFirst().orElseThrow();
        assertThat(mine.at("/counts/ENTERPRISE/0").asLong()).isEqualTo(2); // required
        assertThat(mine.at("/counts/ENTERPRISE/1").asLong()).isEqualTo(1); // done
        assertThat(mine.at("/counts/ENTERPRISE/2").asLong()).isEqualTo(1); // missing
        assertThat(overview.size()).isEqualTo(1); // the enterprise asked for, no other
        // another county's office asking for the mine gets no row, as for any enterprise outside its scope
        assertThat(getJson(token("gaoping"), "/api/v1/self-inspections/overview?from=2029-10-01&to=2029-11-30&enterpriseId="
                + enterprise("泽州示范巴公煤业")).size()).isZero();
    }

    @Test
    void onlyTheEnterpriseRecordsItsChecksAndABadRecordIsRefusedWhole() throws Exception {
        postJson(token("zezhou"), "/api/v1/self-inspections", map("level", "TEAM", "ledBy", "x",
                "items", List.of(map("title", "检查", "result", "PASSED")))).andExpect(status().isForbidden());
        long before = jdbc.sql("select count(*) from insp_self_inspection").query(Long.class).single();
        postJson(token("qiye"), "/api/v1/self-inspections", map("level", "TEAM", "items", List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        postJson(token("qiye"), "/api/v1/self-inspections", map("level", "TEAM", "ledBy", "班长",
                "checkedAt", clock.instant().plusSeconds(3600 * 24), "items", List.of(map("title", "检查", "result", "PASSED"))))
                .andExpect(status().isBadRequest());
        postJson(token("qiye"), "/api/v1/self-inspections", map("level", "NIGHTLY", "ledBy", "班长",
                "items", List.of(map("title", "检查", "result", "PASSED")))).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from insp_self_inspection").query(Long.class).single()).isEqualTo(before);
        // another county's office cannot look at the mine's checks
        org.springframework.test.web.servlet.ResultActions r = mvc.perform(auth(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/self-inspections/missing?enterpriseId=" + enterprise("泽州示范巴公煤业") + "&from=2026-01-01&to=2026-01-31"),
                token("gaoping")));
        r.andExpect(status().isNotFound());
    }
}
