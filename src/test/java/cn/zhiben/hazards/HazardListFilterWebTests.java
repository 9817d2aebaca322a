package cn.zhiben.hazards;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class HazardListFilterWebTests extends HazardTestSupport {

    @Test
    void filtersCombineAndSeveralStatusesMayBeAsked() throws Exception {
        UUID reported = reported(coalClause(20));
        String county = token("zezhou");
        JsonNode page = json(mvc.perform(auth(get("/api/v1/hazards"), county).param("grade", "MAJOR").param("industry", "mine")
                        .param("status", "REPORTED", "RECTIFYING").param("region", "140525").param("size", "200")
                        .param("sort", "UPDATED_DESC"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.get("rows").findValuesAsString("id")).contains(reported.toString());
        page.get("rows").forEach(r -> {
            assertThat(r.get("grade").asString()).isEqualTo("MAJOR");
            assertThat(r.get("status").asString()).isIn("REPORTED", "RECTIFYING");
            assertThat(r.get("industryCode").asString()).startsWith("mine");
        });
        JsonNode none = json(mvc.perform(auth(get("/api/v1/hazards"), county).param("status", "SIGNED_OFF")
                .param("keyword", "no-such-enterprise-" + UUID.randomUUID())).andReturn().getResponse().getContentAsString());
        assertThat(none.get("total").asLong()).isZero();
    }

    @Test
    void aWrongFilterValueIsA400NamingTheParameter() throws Exception {
        mvc.perform(auth(get("/api/v1/hazards"), token("zezhou")).param("grade", "HUGE"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("grade"));
        mvc.perform(auth(get("/api/v1/hazards"), token("zezhou")).param("foundFrom", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("foundFrom"));
        mvc.perform(auth(get("/api/v1/hazards"), token("zezhou")).param("size", "1000"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PAGING"));
    }
}
