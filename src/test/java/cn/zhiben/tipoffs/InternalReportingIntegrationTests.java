package cn.zhiben.tipoffs;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 内部吹哨人 (plan item 31): an employee reports to the enterprise through its link, anonymously or by name; the enterprise
 * handles it and records its reward; the department sees that the channel is used — and not who used it.
 */
class InternalReportingIntegrationTests extends TipoffTestSupport {

    private JsonNode employeeReport(String address, String token, Map<String, Object> body) throws Exception {
        JsonNode c = json(mvc.perform(from(get("/api/v1/public/tipoffs/challenge"), address)).andReturn().getResponse().getContentAsString());
        body.put("challenge", c.get("challenge").asString());
        body.put("answer", solve(c.get("challenge").asString(), c.get("bits").asInt()));
        return json(mvc.perform(from(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/api/v1/public/tipoffs/internal/" + token), address).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void anEmployeeReportsToTheEnterpriseWhichRewardsItAndTheDepartmentSeesOnlyFigures() throws Exception {
        String qiye = token("qiye");
        JsonNode channel = json(mvc.perform(auth(get("/api/v1/tipoffs/internal/channel"), qiye)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        String link = channel.get("token").asString();
        // the employee needs no account; the link names the enterprise
        mvc.perform(get("/api/v1/public/tipoffs/internal/" + link)).andExpect(status().isOk())
                .andExpect(jsonPath("$.enterpriseName").value(channel.get("enterpriseName").asString()));
        mvc.perform(get("/api/v1/public/tipoffs/internal/unknown-link")).andExpect(status().isNotFound());
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("anonymous", false);
        named.put("name", "采煤队员工王五六");
        named.put("contact", "13700001111");
        named.put("description", "回风巷瓦斯传感器被遮挡");
        named.put("place", "1302 回风巷");
        employeeReport(freshAddress(), link, named);
        Map<String, Object> anonymous = new LinkedHashMap<>();
        anonymous.put("description", "皮带机保护装置失效");
        employeeReport(freshAddress(), link, anonymous);

        JsonNode reports = json(mvc.perform(auth(get("/api/v1/tipoffs/internal/reports"), qiye)).andReturn().getResponse().getContentAsString());
        JsonNode mine = null;
        for (JsonNode r : reports) {
            if ("回风巷瓦斯传感器被遮挡".equals(r.get("description").asString())) {
                mine = r;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("reporterName").asString()).isEqualTo("采煤队员工王五六"); // the enterprise sees who signed
        String id = mine.get("id").asString();
        // a reward only for a confirmed hazard
        mvc.perform(auth(post("/api/v1/tipoffs/internal/reports/" + id + "/reward"), qiye).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amountFen\":50000,\"rewardedOn\":\"" + today() + "\"}")).andExpect(status().isConflict());
        mvc.perform(auth(post("/api/v1/tipoffs/internal/reports/" + id + "/handling"), qiye).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hazard\":true,\"major\":true,\"note\":\"已停止作业整改\"}")).andExpect(status().isOk());
        mvc.perform(auth(post("/api/v1/tipoffs/internal/reports/" + id + "/reward"), qiye).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amountFen\":500000,\"rewardedOn\":\"" + today() + "\",\"note\":\"重奖\"}")).andExpect(status().isOk());
        // another enterprise neither sees nor handles it
        mvc.perform(auth(post("/api/v1/tipoffs/internal/reports/" + id + "/handling"), token("qiye-huagong"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"hazard\":false,\"note\":\"x\"}")).andExpect(status().isNotFound());
        // departments: figures per enterprise in their scope, never the reporter
        String zezhou = json(mvc.perform(auth(get("/api/v1/tipoffs/internal/indicators"), token("zezhou"))).andReturn().getResponse()
                .getContentAsString()).toString();
        assertThat(zezhou).contains(channel.get("enterpriseName").asString()).doesNotContain("王五六").doesNotContain("13700001111");
        JsonNode row = null;
        for (JsonNode i : json(zezhou)) {
            if (i.get("enterpriseName").asString().equals(channel.get("enterpriseName").asString())) {
                row = i;
            }
        }
        assertThat(row.get("received").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(row.get("major").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(row.get("rewardFen").asLong()).isGreaterThanOrEqualTo(500000);
        // another county's office does not see this enterprise; the enterprise cannot see the department view
        assertThat(mvc.perform(auth(get("/api/v1/tipoffs/internal/indicators"), token("gaoping"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(channel.get("enterpriseName").asString());
        mvc.perform(auth(get("/api/v1/tipoffs/internal/indicators"), qiye)).andExpect(status().isForbidden());
        // the name is sealed at rest
        assertThat(jdbc.sql("select count(*) from tip_internal_report where reporter_sealed like '%王五六%'").query(Long.class).single()).isZero();
    }
}
