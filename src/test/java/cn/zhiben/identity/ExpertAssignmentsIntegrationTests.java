package cn.zhiben.identity;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The expert role made coherent (issue 9 item 2c): an expert sees, reports on and attaches to only the enterprises
 * assigned to it on the day; assignments are idempotent on their source and managed by the security administrator.
 */
class ExpertAssignmentsIntegrationTests extends IntegrationTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};

    @Autowired
    ExpertAssignments assignments;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
    }

    private UUID enterprise(String username) {
        return jdbc.sql("select enterprise_id from idn_user where username = :u").param("u", username).query(UUID.class).single();
    }

    private Map<String, Object> expertReport(UUID enterprise) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", enterprise.toString());
        m.put("channel", "EXPERT");
        m.put("grade", "GENERAL");
        m.put("description", "专家会诊发现：局部通风机未挂牌管理");
        m.put("location", "3104 掘进工作面");
        m.put("foundOn", today().toString());
        m.put("foundBy", "专家组");
        m.put("deadline", today().plusDays(7).toString());
        return m;
    }

    @Test
    void anExpertWorksOnlyForTheEnterprisesAssignedToItOnTheDay() throws Exception {
        Accounts.Account expert = Accounts.createReady(mvc, token("secadmin"), "EXPERT", null, null);
        UUID mine = enterprise("qiye");
        UUID chemical = enterprise("qiye-huagong");
        String ref = "test:" + UUID.randomUUID();
        // nothing assigned: nothing to see, nowhere to report
        String before = Accounts.token(mvc, expert.username(), expert.password());
        JsonNode list = json(mvc.perform(get("/api/v1/hazards").header("Authorization", "Bearer " + before))
                .andReturn().getResponse().getContentAsString());
        assertThat(list.get("total").asLong()).isZero();
        report(before, mine).andExpect(status().isNotFound());

        assignments.assign(expert.id(), mine, today().minusDays(1), today().plusDays(30), ref);
        assignments.assign(expert.id(), mine, today().minusDays(1), today().plusDays(30), ref);
        assertThat(assignments.enterprisesOf(expert.id(), today())).containsExactly(mine);
        assertThat(jdbc.sql("select count(*) from idn_expert_assignment where source_ref = :r").param("r", ref)
                .query(Long.class).single()).as("idempotent on its source").isEqualTo(1);
        assertThat(assignments.enterprisesOf(expert.id(), today().plusDays(31))).as("the period ends").isEmpty();

        String token = Accounts.token(mvc, expert.username(), expert.password());
        // the expert channel only, for the assigned enterprise only
        var created = report(token, mine).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID hazard = UUID.fromString(json(created).get("id").asString());
        var supervision = expertReport(mine);
        supervision.put("channel", "SUPERVISION");
        postHazard(token, supervision).andExpect(status().isForbidden());
        report(token, chemical).andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/hazards/" + hazard + "/attachments")
                        .file(new MockMultipartFile("file", "照片.png", "image/png", PNG))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated());
        UUID otherHazard = UUID.fromString(json(postHazard(token("zezhou-yingji"), withChannel(expertReport(chemical), "SUPERVISION"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString());
        mvc.perform(multipart("/api/v1/hazards/" + otherHazard + "/attachments")
                        .file(new MockMultipartFile("file", "照片.png", "image/png", PNG))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());

        // revoked: the scope follows at once
        assignments.revoke(ref);
        assignments.revoke(ref);
        assertThat(assignments.enterprisesOf(expert.id(), today())).isEmpty();
        mvc.perform(get("/api/v1/hazards/" + hazard).header("Authorization", "Bearer " + token)).andExpect(status().isNotFound());
    }

    @Test
    void theSecurityAdministratorAssignsAndRevokesOnTheUserPage() throws Exception {
        Accounts.Account expert = Accounts.createReady(mvc, token("secadmin"), "EXPERT", null, null);
        MockHttpSession admin = login("secadmin");
        String uscc = jdbc.sql("select uscc from org_enterprise where id = :id").param("id", enterprise("qiye")).query(String.class).single();
        var r = mvc.perform(post("/admin/users/" + expert.id() + "/expert-assignments").session(admin).with(csrf())
                .param("enterprise", uscc).param("from", today().toString()).param("to", today().plusDays(60).toString()))
                .andReturn().getResponse();
        assertThat(r.getRedirectedUrl()).isEqualTo("/admin/users/" + expert.id() + "#assignments");
        String page = mvc.perform(get("/admin/users/" + expert.id()).session(admin)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("专家指派").contains("泽州示范巴公煤业").contains("有效");
        assertThat(assignments.enterprisesOf(expert.id(), today())).containsExactly(enterprise("qiye"));
        UUID assignment = jdbc.sql("select id from idn_expert_assignment where expert_user_id = :e").param("e", expert.id())
                .query(UUID.class).single();
        mvc.perform(post("/admin/users/" + expert.id() + "/expert-assignments/" + assignment + "/revoke").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(assignments.enterprisesOf(expert.id(), today())).isEmpty();
        // an account that is not an expert gets no assignments, and no one but the security administrator makes them
        assertThat(mvc.perform(post("/admin/users/" + expert.id() + "/expert-assignments").session(login("city")).with(csrf())
                .param("enterprise", uscc).param("from", today().toString()).param("to", today().toString()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        // the demo expert works for the demo coal mine
        UUID zhuanjia = jdbc.sql("select id from idn_user where username = 'zhuanjia'").query(UUID.class).single();
        assertThat(assignments.enterprisesOf(zhuanjia, today())).containsExactly(enterprise("qiye"));
    }

    private org.springframework.test.web.servlet.ResultActions report(String token, UUID enterprise) throws Exception {
        return postHazard(token, expertReport(enterprise));
    }

    private org.springframework.test.web.servlet.ResultActions postHazard(String token, Map<String, Object> body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/hazards")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)));
    }

    private static Map<String, Object> withChannel(Map<String, Object> body, String channel) {
        body.put("channel", channel);
        return body;
    }
}
