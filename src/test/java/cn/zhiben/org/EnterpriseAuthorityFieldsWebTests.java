package cn.zhiben.org;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 9 item 2: the standardization grade and the operating status of an enterprise are decided by the authorities
 * (《企业安全生产标准化建设定级办法》 grading; 《安全生产法》 Art. 65, 113 suspension and closure), so an enterprise account
 * keeps them as they are, through the API and the page alike; its supervisors change them. And an enterprise account
 * cannot register enterprises: refused before its input is even read.
 */
class EnterpriseAuthorityFieldsWebTests extends EnterpriseTestSupport {

    private UUID own() {
        return jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
    }

    private String stored(UUID id) {
        return jdbc.sql("select status || '/' || standardization_grade from org_enterprise where id = :id").param("id", id)
                .query(String.class).single();
    }

    private JsonNode read(String token, UUID id) throws Exception {
        return json(mvc.perform(auth(get("/api/v1/enterprises/" + id), token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void anEnterpriseCannotSetItsOwnGradeOrStatusButItsSupervisorCan() throws Exception {
        UUID own = own();
        String qiye = tokenOf("qiye");
        String before = stored(own);
        JsonNode mine = read(qiye, own);
        String otherStatus = mine.get("status").asString().equals("CLOSED") ? "OPERATING" : "CLOSED";
        String otherGrade = mine.get("standardizationGrade").asString().equals("GRADE_1") ? "GRADE_3" : "GRADE_1";

        mvc.perform(auth(put("/api/v1/enterprises/" + own), qiye).contentType(MediaType.APPLICATION_JSON)
                        .content(EnterpriseScopeIntegrationTests.updateBody(mine, b -> b.put("status", otherStatus)).toString()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ENTERPRISE_FIELD_LOCKED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("生产经营状态")))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(auth(put("/api/v1/enterprises/" + own), qiye).contentType(MediaType.APPLICATION_JSON)
                        .content(EnterpriseScopeIntegrationTests.updateBody(mine, b -> b.put("standardizationGrade", otherGrade)).toString()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ENTERPRISE_FIELD_LOCKED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("标准化等级")));
        // a Chinese label that names another value is a change as well
        mvc.perform(auth(put("/api/v1/enterprises/" + own), qiye).contentType(MediaType.APPLICATION_JSON)
                        .content(EnterpriseScopeIntegrationTests.updateBody(mine, b -> b.put("status", "关闭取缔")).toString()))
                .andExpect(status().isForbidden());
        assertThat(stored(own)).isEqualTo(before);

        // sending them back unchanged (code or label) or leaving them out is an ordinary edit of its own record
        ObjectNode same = EnterpriseScopeIntegrationTests.updateBody(mine, b -> b.put("status", mine.get("statusLabel").asString()));
        JsonNode edited = json(mvc.perform(auth(put("/api/v1/enterprises/" + own), qiye).contentType(MediaType.APPLICATION_JSON)
                .content(same.toString())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        ObjectNode without = EnterpriseScopeIntegrationTests.updateBody(edited, b -> {
            b.remove("status");
            b.remove("standardizationGrade");
        });
        JsonNode again = json(mvc.perform(auth(put("/api/v1/enterprises/" + own), qiye).contentType(MediaType.APPLICATION_JSON)
                .content(without.toString())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(stored(own)).isEqualTo(before);

        // the county office that supervises it can
        String zezhou = tokenOf("zezhou");
        JsonNode graded = json(mvc.perform(auth(put("/api/v1/enterprises/" + own), zezhou).contentType(MediaType.APPLICATION_JSON)
                        .content(EnterpriseScopeIntegrationTests.updateBody(again, b -> b.put("standardizationGrade", otherGrade)).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(graded.get("standardizationGrade").asString()).isEqualTo(otherGrade);
        // leave the demo enterprise as it was
        mvc.perform(auth(put("/api/v1/enterprises/" + own), zezhou).contentType(MediaType.APPLICATION_JSON)
                        .content(EnterpriseScopeIntegrationTests.updateBody(graded,
                                b -> b.put("standardizationGrade", mine.get("standardizationGrade").asString())).toString()))
                .andExpect(status().isOk());
        assertThat(stored(own)).isEqualTo(before);
    }

    @Test
    void thePageFormShowsGradeAndStatusAsSetByTheAuthoritiesAndRefusesAForgedChange() throws Exception {
        UUID own = own();
        String before = stored(own);
        MockHttpSession session = login("qiye");
        String form = mvc.perform(get("/org/enterprises/" + own + "/edit").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).containsPattern("name=\"status\"[^>]*disabled").containsPattern("name=\"standardizationGrade\"[^>]*disabled")
                .contains("生产经营状态和标准化等级（由监管部门认定）");

        JsonNode mine = read(tokenOf("qiye"), own);
        String page = mvc.perform(post("/org/enterprises/" + own).session(session).with(csrf())
                        .param("name", mine.get("name").asString()).param("scale", mine.get("scale").asString())
                        .param("status", "CLOSED".equals(mine.get("status").asString()) ? "OPERATING" : "CLOSED")
                        .param("address", "表单伪造的状态").param("principalName", mine.get("principalName").asString())
                        .param("version", mine.get("version").asString()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("有 1 处需要修改");
        assertThat(stored(own)).isEqualTo(before);
    }

    @Test
    void anEnterpriseAccountIsRefusedRegistrationBeforeItsInputIsRead() throws Exception {
        mvc.perform(auth(post("/api/v1/enterprises"), tokenOf("qiye")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ENTERPRISE_CREATE_FORBIDDEN"));
        MockHttpSession session = login("qiye");
        mvc.perform(get("/org/enterprises/new").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/org/enterprises").session(session).with(csrf())).andExpect(status().isForbidden());
        // a county office gets the validation instead: it may register enterprises in its county
        mvc.perform(auth(post("/api/v1/enterprises"), tokenOf("zezhou")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
    }
}
