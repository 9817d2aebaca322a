package cn.zhiben.inspections;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages render for the roles that use them, forms post to the same services, and refusals come back on the page. */
class InspectionPagesWebTests extends InspectionTestSupport {

    @Test
    void everyPageRendersForTheRolesThatUseIt() throws Exception {
        MockHttpSession unit = login("zezhou-yingji");
        for (String path : List.of("/inspections", "/inspections/new", "/inspections/plans", "/inspections/plans/new",
                "/inspections/decisions", "/inspections/officers", "/inspections/experts", "/inspections/self",
                "/inspections/zero-penalty", "/inspections/settings")) {
            mvc.perform(get(path).session(unit)).andExpect(status().isOk());
        }
        MockHttpSession city = login("city");
        for (String path : List.of("/inspections", "/inspections/plans", "/inspections/zero-penalty", "/inspections/self",
                "/inspections/experts", "/inspections/officers")) {
            mvc.perform(get(path).session(city)).andExpect(status().isOk());
        }
        MockHttpSession enterprise = login("qiye");
        mvc.perform(get("/inspections/self").session(enterprise)).andExpect(status().isOk()).andExpect(content().string(containsString("填报自查")));
        mvc.perform(get("/inspections/self/new").session(enterprise)).andExpect(status().isOk());
        mvc.perform(get("/inspections/plans/new").session(enterprise)).andExpect(status().isForbidden());
        mvc.perform(get("/inspections/zero-penalty").session(enterprise)).andExpect(status().isForbidden());
        MockHttpSession expert = login("zhuanjia");
        mvc.perform(get("/inspections/experts").session(expert)).andExpect(status().isOk());
        // the public board without login; the menu entry is there for business users
        mvc.perform(get("/public/draws")).andExpect(status().isOk()).andExpect(content().string(containsString("双随机")));
        mvc.perform(get("/").session(unit)).andExpect(content().string(containsString("/inspections/plans")));
    }

    @Test
    void theDetailPagesOfPlansDrawsDecisionsExpertsAndSelfInspectionsRender() throws Exception {
        String t = token("zezhou-yingji");
        UUID plan = UUID.fromString(ok(postJson(t, "/api/v1/inspection-plans", map("name", "页面测试计划", "kind", "RANDOM",
                "periodFrom", today(), "periodTo", quarterEnd(), "targets", List.of(map("quota", 1))))).get("id").asString());
        MockHttpSession unit = login("zezhou-yingji");
        mvc.perform(get("/inspections/plans/" + plan).session(unit)).andExpect(status().isOk()).andExpect(content().string(containsString("下达执行")));
        mvc.perform(post("/inspections/plans/" + plan + "/activate").session(unit).with(csrf()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        // a form sent from a page loaded before that change: 409, the page again with the message beside the form
        mvc.perform(post("/inspections/plans/" + plan + "/close").session(unit).with(csrf()).param("version", "0"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("计划已被他人修改，请刷新后重试")));
        String drawUrl = mvc.perform(post("/inspections/plans/" + plan + "/draw").session(unit).with(csrf()).param("witness", "监督员"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID draw = UUID.fromString(drawUrl.substring(drawUrl.lastIndexOf('/') + 1));
        mvc.perform(get("/inspections/draws/" + draw).session(unit)).andExpect(status().isOk())
                .andExpect(content().string(containsString("随机种子"))).andExpect(content().string(containsString("重新抽取")));
        mvc.perform(post("/inspections/draws/" + draw + "/verify").session(unit).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("复核一致")));
        mvc.perform(get("/inspections/draws/" + draw + "/inputs.json").session(unit)).andExpect(status().isOk());
        mvc.perform(get("/public/draws/" + draw)).andExpect(status().isOk()).andExpect(content().string(not(containsString("重新抽取</button>"))));
        mvc.perform(post("/public/draws/" + draw + "/verify").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("复核一致")));
        // a decision on a completed inspection: the form, the decision, its PDF
        UUID id = arrangeAndStart("zezhou-yingji", enterprise("泽州示范巴公煤业"), "zezhou-zf2", "zezhou-zf1");
        UUID clause = clauses("zezhou-zf2", id).get(40);
        signAndComplete("zezhou-zf2", id, clause);
        mvc.perform(get("/inspections/" + id).session(unit)).andExpect(status().isOk()).andExpect(content().string(containsString("作出执法决定")));
        mvc.perform(get("/inspections/" + id + "/record.pdf").session(unit)).andExpect(status().isOk());
        mvc.perform(get("/inspections/decisions/new?inspectionId=" + id).session(unit)).andExpect(status().isOk());
        String decided = mvc.perform(post("/inspections/decisions").session(unit).with(csrf()).param("inspectionId", id.toString())
                        .param("kind", "PENALTY").param("measure", "FINE").param("facts", "未按规定开展隐患排查")
                        .param("basis", "SAFELAW-101").param("fine", "8,000.50").param("priorNoticeOn", today().toString())
                        .param("decidedOn", today().toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID decision = UUID.fromString(decided.substring(decided.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select fine_fen from insp_decision where id = :d").param("d", decision).query(Long.class).single())
                .isEqualTo(800_050L);
        mvc.perform(get("/inspections/decisions/" + decision).session(unit)).andExpect(status().isOk())
                .andExpect(content().string(containsString("8,000.50"))).andExpect(content().string(containsString("捌仟元伍角")));
        mvc.perform(get("/inspections/decisions/" + decision + "/document.pdf").session(unit)).andExpect(status().isOk());
        // without its basis: refused on the page, nothing stored
        mvc.perform(post("/inspections/decisions").session(unit).with(csrf()).param("inspectionId", id.toString())
                        .param("kind", "PENALTY").param("measure", "FINE").param("facts", "x").param("fine", "100")
                        .param("priorNoticeOn", today().toString()).param("decidedOn", today().toString()))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("请引用法律依据")));
        UUID expert = jdbc.sql("select id from insp_expert where demo order by name limit 1").query(UUID.class).single();
        mvc.perform(get("/inspections/experts/" + expert).session(unit)).andExpect(status().isOk());
        UUID self = UUID.fromString(ok(postJson(token("qiye"), "/api/v1/self-inspections", map("level", "WORKSHOP", "ledBy", "科长",
                "items", List.of(map("title", "周检", "result", "PASSED"))))).get("id").asString());
        mvc.perform(get("/inspections/self/" + self).session(login("qiye"))).andExpect(status().isOk());
        mvc.perform(get("/inspections/self/missing?enterpriseId=" + enterprise("泽州示范巴公煤业")).session(unit)).andExpect(status().isOk())
                .andExpect(content().string(containsString("缺失")));
    }

    @Test
    void anOfficerWorksThroughTheRecordPageAndARepeatedFindingFormRegistersOneHazard() throws Exception {
        UUID mine = enterprise("泽州示范巴公煤业");
        MockHttpSession unit = login("zezhou-yingji");
        String created = mvc.perform(post("/inspections").session(unit).with(csrf()).param("enterpriseId", mine.toString())
                        .param("kind", "SPECIAL").param("officerId", officer("zezhou-zf3").toString(), officer("zezhou-zf1").toString())
                        .param("plannedFrom", today().toString()).param("plannedTo", today().plusDays(5).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(created.substring(created.lastIndexOf('/') + 1));
        MockHttpSession officer = login("zezhou-zf3");
        mvc.perform(get("/inspections/" + id).session(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("开始检查")));
        mvc.perform(post("/inspections/" + id + "/start").session(officer).with(csrf()).param("version", "0")
                .param("place", "井下")).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/inspections/" + id).session(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("检查清单"))).andExpect(content().string(containsString("canvas")))
                .andReturn().getResponse().getContentAsString();
        String findingId = page.replaceAll("(?s).*name=\"findingId\" value=\"([0-9a-f-]{36})\".*", "$1");
        // refused: a major hazard without a clause — the page says why, with 400, and keeps the text typed
        mvc.perform(post("/inspections/" + id + "/finding").session(officer).with(csrf()).param("findingId", findingId)
                        .param("grade", "MAJOR").param("description", "巷道支护失效").param("location", "回风巷"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("重大事故隐患须引用判定标准条款")))
                .andExpect(content().string(containsString("巷道支护失效")));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/inspections/" + id + "/finding").session(officer).with(csrf()).param("findingId", findingId)
                    .param("grade", "GENERAL").param("description", "消防器材过期").param("location", "副井口")
                    .param("shutdown", "NONE").param("deadline", today().plusDays(7).toString())).andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("select count(*) from insp_finding where inspection_id = :i").param("i", id).query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/inspections/" + id + "/sign").session(officer).with(csrf()).param("party", "ENTERPRISE")
                .param("signerName", "严巴山").param("png", PNG)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/inspections/" + id + "/complete").session(officer).with(csrf())
                        .param("version", String.valueOf(version("zezhou-zf3", id))).param("summary", "检查完毕"))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("尚未签名")));
        // someone else's inspection page: 404 for an enterprise it does not concern
        mvc.perform(get("/inspections/" + id).session(login("qiye-huagong"))).andExpect(status().isNotFound());
        mvc.perform(get("/inspections/" + id).session(login("qiye"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("开始检查"))));
    }
}
