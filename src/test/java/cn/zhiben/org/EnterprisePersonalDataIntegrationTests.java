package cn.zhiben.org;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Mobile numbers: encrypted at rest, masked in lists and details, in full only for PII_READ, and every such view audited. */
class EnterprisePersonalDataIntegrationTests extends EnterpriseTestSupport {

    @Test
    void listAndDetailShowMaskedNumbersOnly() throws Exception {
        JsonNode e = createAsCity("晋城隐私", ZEZHOU_NANCUN, "indtrade.machinery");
        String id = e.get("id").asString();
        String detail = mvc.perform(auth(get("/api/v1/enterprises/" + id), tokenOf("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("139****5678").contains("136****5432").doesNotContain("13912345678").doesNotContain("13698765432");
        String list = mvc.perform(auth(get("/api/v1/enterprises").param("keyword", e.get("name").asString()), tokenOf("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("139****5678").doesNotContain("13912345678").doesNotContain("13698765432");
    }

    @Test
    void theDatabaseHoldsCiphertextNotTheNumber() throws Exception {
        JsonNode e = createAsCity("晋城密文", ZEZHOU_NANCUN, "indtrade.machinery");
        var row = jdbc.sql("select principal_mobile_enc, principal_mobile_mask, controller_mobile_enc from org_enterprise where id = :id")
                .param("id", UUID.fromString(e.get("id").asString()))
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        assertThat(row[0]).startsWith("v1:").doesNotContain("13912345678").doesNotContain("5678");
        assertThat(row[1]).isEqualTo("139****5678");
        assertThat(row[2]).startsWith("v1:").doesNotContain("13698765432");
        String dump = jdbc.sql("select row_to_json(e)::text from org_enterprise e where id = :id")
                .param("id", UUID.fromString(e.get("id").asString())).query(String.class).single();
        assertThat(dump).doesNotContain("13912345678").doesNotContain("13698765432");
    }

    @Test
    void contactsShowFullNumbersToPiiReadersAndAuditEveryView() throws Exception {
        JsonNode e = createAsCity("晋城联系", ZEZHOU_NANCUN, "indtrade.machinery");
        String id = e.get("id").asString();
        long before = views(id);
        mvc.perform(auth(get("/api/v1/enterprises/" + id + "/contacts"), tokenOf("zezhou")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.principalMobile").value("13912345678"))
                .andExpect(jsonPath("$.controllerMobile").value("13698765432"));
        mvc.perform(auth(get("/api/v1/enterprises/" + id + "/contacts"), tokenOf("zezhou"))).andExpect(status().isOk());
        assertThat(views(id)).isEqualTo(before + 2);
        String entry = jdbc.sql("""
                        select actor_username || ' ' || coalesce(changes, '') from audit_log
                        where action = 'VIEW_PERSONAL_DATA' and entity_id = :id order by seq desc limit 1""")
                .param("id", id).query(String.class).single();
        assertThat(entry).startsWith("zezhou ").contains("principalMobile").doesNotContain("13912345678");
    }

    @Test
    void contactsNeedPiiReadAndScope() throws Exception {
        JsonNode e = createAsCity("晋城联系二", ZEZHOU_NANCUN, "indtrade.machinery");
        String id = e.get("id").asString();
        long before = views(id);
        // 专家 has no PII_READ
        mvc.perform(auth(get("/api/v1/enterprises/" + id + "/contacts"), tokenOf("zhuanjia"))).andExpect(status().isForbidden());
        // another county: not found, and nothing disclosed
        mvc.perform(auth(get("/api/v1/enterprises/" + id + "/contacts"), tokenOf("gaoping")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.principalMobile").doesNotExist());
        assertThat(views(id)).isEqualTo(before);
    }

    private long views(String id) {
        return countWhere("select count(*) from audit_log where action = 'VIEW_PERSONAL_DATA' and entity_id = ?", id);
    }
}
