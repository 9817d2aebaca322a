package cn.zhiben.org;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The leading group: the city office maintains it, everyone else only reads it, every change is audited. */
class LeadingGroupWebTests extends IntegrationTest {

    /** Every fixture of this class carries the marker in its name, so it can be removed afterwards. */
    private final String marker = "测试" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeFixtures() {
        jdbc.sql("delete from org_leading_group_member where person_name like :m").param("m", marker + "%").update();
    }

    private UUID unit(String name) {
        return jdbc.sql("select id from org_unit where name = :n").param("n", name).query(UUID.class).single();
    }

    private int stored() {
        return jdbc.sql("select count(*) from org_leading_group_member where person_name like :m")
                .param("m", marker + "%").query(Integer.class).single();
    }

    private int audited(String action, String id) {
        return jdbc.sql("""
                select count(*) from audit_log where entity_type = 'org_leading_group_member' and entity_id = :id
                and action = :a and actor_username = 'city' and result = 'SUCCESS'""")
                .param("id", id).param("a", action).query(Integer.class).single();
    }

    private static String body(String name, String title, String position, UUID unit) {
        return "{\"personName\":" + (name == null ? "null" : "\"" + name + "\"") + ",\"jobTitle\":\"" + title
                + "\",\"position\":" + (position == null ? "null" : "\"" + position + "\"")
                + ",\"unitId\":" + (unit == null ? "null" : "\"" + unit + "\"") + "}";
    }

    private String create(String token, String name, String position, UUID unit) throws Exception {
        String response = mvc.perform(auth(post("/api/v1/leading-group"), token).contentType(MediaType.APPLICATION_JSON)
                        .content(body(name, "市政府副秘书长", position, unit)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json(response).get("id").asString();
    }

    @Test
    void cityOfficeAddsEditsAndRemovesAMemberAndEachStepIsAudited() throws Exception {
        String city = token("city");
        UUID emergency = unit("市应急管理局");
        String response = mvc.perform(auth(post("/api/v1/leading-group"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body(marker + "甲", "市安委办主任、市应急局局长", "OFFICE_DIRECTOR", emergency)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.position").value("OFFICE_DIRECTOR"))
                .andExpect(jsonPath("$.positionLabel").value("办公室主任"))
                .andExpect(jsonPath("$.unitName").value("市应急管理局"))
                .andReturn().getResponse().getContentAsString();
        String id = json(response).get("id").asString();
        assertThat(audited("CREATE", id)).isEqualTo(1);

        // every signed-in account reads the group
        JsonNode list = json(mvc.perform(auth(get("/api/v1/leading-group"), token("zezhou")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list.findValuesAsString("id")).contains(id);

        mvc.perform(auth(put("/api/v1/leading-group/" + id), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body(marker + "乙", "市委常委、常务副市长", "EXECUTIVE_DEPUTY", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personName").value(marker + "乙"))
                .andExpect(jsonPath("$.positionLabel").value("常务副组长"))
                .andExpect(jsonPath("$.unitId").doesNotExist());
        assertThat(audited("UPDATE", id)).isEqualTo(1);
        String changes = jdbc.sql("select changes from audit_log where entity_id = :id and action = 'UPDATE'")
                .param("id", id).query(String.class).single();
        assertThat(changes).contains("办公室主任", "常务副组长", marker + "甲", marker + "乙");

        mvc.perform(auth(delete("/api/v1/leading-group/" + id), city)).andExpect(status().isNoContent());
        assertThat(stored()).isZero();
        assertThat(audited("DELETE", id)).isEqualTo(1);
        mvc.perform(auth(get("/api/v1/leading-group/" + id), city))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("LEADING_GROUP_MEMBER_NOT_FOUND"));
    }

    @Test
    void membersAreOrderedByPositionAsInAttachmentOne() throws Exception {
        String city = token("city");
        create(city, marker + "成员", "MEMBER", null);
        create(city, marker + "组长", "LEADER", null);
        create(city, marker + "副组长", "DEPUTY", null);
        JsonNode list = json(mvc.perform(auth(get("/api/v1/leading-group"), city))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        java.util.List<String> mine = new java.util.ArrayList<>();
        list.forEach(m -> {
            if (m.get("personName").asString().startsWith(marker)) {
                mine.add(m.get("positionLabel").asString());
            }
        });
        assertThat(mine).containsExactly("组长", "副组长", "成员");
    }

    @Test
    void memberUnitCountyAndAdministratorCannotChangeTheGroup() throws Exception {
        String id = create(token("city"), marker + "丙", "MEMBER", null);
        for (String user : new String[]{"yingji", "zezhou", "zezhou-yingji", "sysadmin"}) {
            String t = token(user);
            mvc.perform(auth(post("/api/v1/leading-group"), t).contentType(MediaType.APPLICATION_JSON)
                            .content(body(marker + "丁", "成员", "MEMBER", null)))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
            mvc.perform(auth(put("/api/v1/leading-group/" + id), t).contentType(MediaType.APPLICATION_JSON)
                            .content(body(marker + "丁", "成员", "MEMBER", null)))
                    .andExpect(status().isForbidden());
            mvc.perform(auth(delete("/api/v1/leading-group/" + id), t)).andExpect(status().isForbidden());
        }
        assertThat(stored()).isEqualTo(1);
        assertThat(jdbc.sql("select person_name from org_leading_group_member where id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single()).isEqualTo(marker + "丙");
        mvc.perform(get("/api/v1/leading-group")).andExpect(status().isUnauthorized());
    }

    @Test
    void invalidInputIsRefusedWithAProblemAndNothingIsStored() throws Exception {
        String city = token("city");
        mvc.perform(auth(post("/api/v1/leading-group"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body("  ", "成员", "MEMBER", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("personName"))
                .andExpect(jsonPath("$.errors[0].message").value("姓名不能为空"));
        mvc.perform(auth(post("/api/v1/leading-group"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body(marker + "戊", "成员", "MEMBER", UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNIT_NOT_FOUND"))
                .andExpect(jsonPath("$.errors[0].field").value("unitId"));
        mvc.perform(auth(post("/api/v1/leading-group"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body(marker + "戊", "成员", null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("position"));
        mvc.perform(auth(post("/api/v1/leading-group"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body(marker + "戊", "成员", "CHAIRMAN", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD_VALUE"));
        mvc.perform(auth(post("/api/v1/leading-group"), city).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personName\":\"" + marker + "庚\",\"jobTitle\":\"成员\",\"position\":\"MEMBER\",\"userId\":\""
                                + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ACCOUNT_NOT_FOUND"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
        assertThat(stored()).isZero();

        String id = create(city, marker + "己", "MEMBER", null);
        mvc.perform(auth(put("/api/v1/leading-group/" + id), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body(marker + "己", "成员", "MEMBER", UUID.randomUUID())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNIT_NOT_FOUND"));
        assertThat(jdbc.sql("select unit_id from org_leading_group_member where id = :id").param("id", UUID.fromString(id))
                .query(UUID.class).optional()).isEmpty();
        assertThat(audited("UPDATE", id)).isZero();
        mvc.perform(auth(put("/api/v1/leading-group/" + UUID.randomUUID()), city).contentType(MediaType.APPLICATION_JSON)
                        .content(body(marker + "己", "成员", "MEMBER", null)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("LEADING_GROUP_MEMBER_NOT_FOUND"));
        mvc.perform(auth(delete("/api/v1/leading-group/" + UUID.randomUUID()), city))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("LEADING_GROUP_MEMBER_NOT_FOUND"));
    }
}
