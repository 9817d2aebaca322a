package cn.zhiben.hazards;

import cn.zhiben.identity.Accounts;
import cn.zhiben.standards.StandardVersionRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Where a hazard belongs and fire hazards after 2025-11-01 (issue 8): a fire hazard in a coal mine is the fire field's
 * too — visible to and reviewed by 消防救援, not by an unrelated department; GB 35181-2025 has no clauses in the library,
 * so a major fire hazard is determined by expert review (综合判定), while a GB 35181-2017 clause is refused after its end.
 */
class HazardFieldAndDeterminationIntegrationTests extends HazardTestSupport {

    private static final LocalDate AFTER_2025_EDITION = LocalDate.of(2025, 11, 2);

    private StandardVersionRef fire(LocalDate on) {
        return standards.checklist(coalMine(), on).standards().stream().filter(s -> "fire".equals(s.standardCode()))
                .findFirst().orElseThrow();
    }

    private Map<String, Object> fireDetermination(LocalDate foundOn, UUID versionId, List<String> experts) {
        var body = majorSelfReport(coalMine(), coalClause(0));
        body.remove("clauseId");
        body.put("channel", "SUPERVISION");
        body.put("foundOn", foundOn.toString());
        body.put("description", "联合建筑疏散楼梯间防火门损坏过半，火灾自动报警系统不能正常运行");
        body.put("location", "矿区联合建筑");
        body.put("determination", with("versionId", versionId.toString(), "experts", experts,
                "opinion", "依 GB 35181-2025 第6章综合判定要素，判定为重大火灾隐患"));
        return body;
    }

    @Test
    void aComprehensiveDeterminationOfAFireHazardFoundOn2November2025IsAccepted() throws Exception {
        StandardVersionRef edition2025 = fire(AFTER_2025_EDITION);
        assertThat(edition2025.edition()).isEqualTo("GB 35181-2025");
        String fireBrigade = token("zezhou-xiaofang");
        JsonNode created = json(create(fireBrigade, fireDetermination(AFTER_2025_EDITION, edition2025.id(),
                List.of("王某 市消防救援支队 高级工程师", "李某 消防技术服务机构 注册消防工程师", "赵某 县应急管理局 工程师")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING_ACKNOWLEDGEMENT"))
                .andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(created.get("id").asString());
        JsonNode hazard = detail(fireBrigade, id).get("hazard");
        // marked as a determination everywhere: the row, the label, the detail
        assertThat(hazard.get("row").get("determination").asBoolean()).isTrue();
        assertThat(hazard.get("row").get("clauseLabel").asString()).contains("GB 35181-2025").contains("综合判定").contains("3 人");
        assertThat(hazard.get("determination").get("experts")).hasSize(3);
        assertThat(hazard.get("row").get("fieldCode").asString()).isEqualTo("fire");
        String list = mvc.perform(get("/api/v1/hazards").param("keyword", hazard.get("row").get("number").asString())
                        .header("Authorization", "Bearer " + token("zezhou")))
                .andReturn().getResponse().getContentAsString();
        assertThat(json(list).get("rows").get(0).get("determination").asBoolean()).isTrue();

        // the fire field's: the city and county fire departments see it; an unrelated department does not
        mvc.perform(auth(get("/api/v1/hazards/" + id), token("xiaofang"))).andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/hazards/" + id), token("zezhou-xiaofang"))).andExpect(status().isOk());
        var education = Accounts.createReady(mvc, token("secadmin"), "MEMBER_UNIT", null, unitId("市教育局"));
        mvc.perform(auth(get("/api/v1/hazards/" + id), Accounts.token(mvc, education.username(), education.password())))
                .andExpect(status().isNotFound());
        // and still the coal mine's own supervisors'
        mvc.perform(auth(get("/api/v1/hazards/" + id), token("zezhou-nengyuan"))).andExpect(status().isOk());
        // the fire field counts it in the figures other modules read
        assertThat(jdbc.sql("select count(*) from hz_hazard where id = :id and field_code = 'fire'").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aGb35181Of2017ClauseOrEditionOn2November2025IsRefused() throws Exception {
        UUID clause2017 = jdbc.sql("select id from std_clause where id = md5('clause:fire-2017:6.6')::uuid")
                .query(UUID.class).single();
        var body = majorSelfReport(coalMine(), clause2017);
        body.put("foundOn", AFTER_2025_EDITION.toString());
        create(token("qiye"), body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clauseId"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("GB 35181-2017")));
        // the day before the new edition, the same clause was in force
        body.put("foundOn", "2025-10-31");
        create(token("qiye"), body).andExpect(status().isCreated());
        // a determination citing the ended edition is refused as well
        UUID edition2017 = fire(LocalDate.of(2025, 10, 31)).id();
        create(token("zezhou-xiaofang"), fireDetermination(AFTER_2025_EDITION, edition2017,
                List.of("甲", "乙", "丙", "丁", "戊", "己", "庚")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("determinationVersionId"));
    }

    @Test
    void aDeterminationNeedsTheExpertsTheStandardRequiresAndAnOpinion() throws Exception {
        UUID edition2025 = fire(AFTER_2025_EDITION).id();
        var tooFew = fireDetermination(AFTER_2025_EDITION, edition2025, List.of("王某", "李某"));
        ((Map<String, Object>) tooFew.get("determination")).put("opinion", " ");
        JsonNode problem = json(create(token("zezhou-xiaofang"), tooFew).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString());
        assertThat(problem.get("errors").findValuesAsString("field")).contains("determinationExperts", "determinationOpinion");
        assertThat(problem.get("detail").asString()).contains("不少于 3 名专家");
        // GB 35181-2017 asks for an expert panel of at least 7
        UUID edition2017 = fire(LocalDate.of(2025, 6, 1)).id();
        var body = fireDetermination(LocalDate.of(2025, 6, 1), edition2017, List.of("甲", "乙", "丙"));
        create(token("zezhou-xiaofang"), body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不少于 7 名专家")));
    }

    @Test
    void aFireHazardInACoalMineIsReviewedByTheFireBrigadeNotByTheCoalDepartment() throws Exception {
        UUID edition2025 = fire(today()).id();
        var body = fireDetermination(today(), edition2025, List.of("王某", "李某", "赵某"));
        body.put("channel", "SELF_INSPECTION");
        String safety = token("qiye");
        UUID id = UUID.fromString(created(safety, body).get("id").asString());
        act(safety, id, "confirm-department", with("version", version(safety, id))).andExpect(status().isOk());
        String principal = token("qiye-fzr");
        act(principal, id, "confirm-principal", with("version", version(principal, id))).andExpect(status().isOk());
        act(safety, id, "plan", plan(version(safety, id), today().plusDays(20))).andExpect(status().isOk());
        act(safety, id, "complete", with("version", version(safety, id), "summary", "防火门更换，报警系统修复")).andExpect(status().isOk());
        act(safety, id, "evaluation", with("version", version(safety, id), "kind", "SELF", "conclusion", "合格",
                "evaluatedOn", today().toString())).andExpect(status().isOk());
        act(safety, id, "sign-off-request", with("version", version(safety, id))).andExpect(status().isOk());
        String coalLead = token("zezhou-nengyuan");
        act(coalLead, id, "sign-off", with("version", version(coalLead, id), "opinion", "合格"))
                .andExpect(status().isForbidden());
        String fireBrigade = token("zezhou-xiaofang");
        act(fireBrigade, id, "sign-off", with("version", version(fireBrigade, id), "opinion", "现场检查合格"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED_OFF"));
    }

    private String unitId(String name) {
        return jdbc.sql("select id from org_unit where name = :n").param("n", name).query(UUID.class).single().toString();
    }
}
