package cn.zhiben.inspections;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 双随机一公开 end to end: plan, draw, verify (also without login), public board, refusals, re-draw, 四不两直 secrecy. */
class DrawIntegrationTests extends InspectionTestSupport {

    private UUID activePlan(String unitUser, String kind, List<Object> targets, List<Object> participants) throws Exception {
        String t = token(unitUser);
        UUID plan = UUID.fromString(ok(postJson(t, "/api/v1/inspection-plans", map("name", "测试计划 " + UUID.randomUUID(),
                "kind", kind, "periodFrom", today(), "periodTo", quarterEnd().plusDays(30), "targets", targets,
                "participants", participants))).get("id").asString());
        ok(postJson(t, "/api/v1/inspection-plans/" + plan + "/activate", map("version", 0)));
        return plan;
    }

    @Test
    void aCountyUnitPlansDrawsAndAnyoneCanReRunTheDrawToTheSameResult() throws Exception {
        UUID plan = activePlan("zezhou-yingji", "RANDOM", List.of(map("quota", 2, "selection", "RANDOM")), List.of());
        String t = token("zezhou-yingji");
        UUID draw = UUID.fromString(ok(postJson(t, "/api/v1/draws", map("planId", plan, "witness", "纪检监察组"))).get("id").asString());
        JsonNode d = getJson(t, "/api/v1/draws/" + draw);
        assertThat(d.get("picks")).hasSize(2);
        Set<String> zezhouOfficers = Set.of(officer("zezhou-zf1").toString(), officer("zezhou-zf2").toString(),
                officer("zezhou-zf3").toString(), officer("zezhou-zf4").toString());
        for (JsonNode p : d.get("picks")) {
            assertThat(p.get("officers")).hasSize(2);
            assertThat(p.at("/officers/0/id").asString()).isNotEqualTo(p.at("/officers/1/id").asString());
            p.get("officers").forEach(o -> assertThat(zezhouOfficers).contains(o.get("id").asString()));
            assertThat(p.at("/regionName").asString()).isNotBlank();
            UUID inspection = UUID.fromString(p.get("inspectionId").asString());
            JsonNode x = getJson(t, "/api/v1/inspections/" + inspection);
            assertThat(x.get("status").asString()).isEqualTo("PLANNED");
            assertThat(x.get("drawId").asString()).isEqualTo(draw.toString());
            // the drawn team is told
            UUID member = UUID.fromString(x.at("/officers/0/userId").asString());
            assertThat(jdbc.sql("select count(*) from ntf_message where recipient_user_id = :u and source_key = :k")
                    .param("u", member).param("k", "inspection-assigned:" + inspection).query(Long.class).single()).isEqualTo(1);
        }
        // re-run by the unit, and by anyone without login
        postJson(t, "/api/v1/draws/" + draw + "/verify", map()).andExpect(status().isOk())
                .andExpect(jsonPath("$.matches").value(true)).andExpect(jsonPath("$.inputsIntact").value(true))
                .andExpect(jsonPath("$.resultSha256").value(d.get("resultSha256").asString()));
        mvc.perform(post("/api/v1/public/draws/" + draw + "/verify")).andExpect(status().isOk())
                .andExpect(jsonPath("$.matches").value(true)).andExpect(jsonPath("$.picks").value(2));
        String inputs = mvc.perform(get("/api/v1/public/draws/" + draw + "/inputs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(inputs).contains("ZB-DRAW-1");
        assertThat(cn.zhiben.inspections.internal.InspectionTestAccess.sha256(inputs)).isEqualTo(d.get("inputsSha256").asString());
        // the public board and result, without the internal links
        String board = mvc.perform(get("/api/v1/public/draws")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(board).contains(draw.toString());
        JsonNode pub = json(mvc.perform(get("/api/v1/public/draws/" + draw)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(pub.at("/picks/0/inspectionId").isMissingNode() || pub.at("/picks/0/inspectionId").isNull()).isTrue();
        mvc.perform(get("/public/draws/" + draw)).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("ZB-DRAW-1")));
        mvc.perform(get("/public/draws")).andExpect(status().isOk());
        // a second draw of the same plan is a re-draw
        postJson(t, "/api/v1/draws", map("planId", plan)).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DRAW_EXISTS"));
    }

    @Test
    void aDrawWithAnEmptyCandidateListIsRefusedAndStoresNothing() throws Exception {
        // 烟花爆竹 is supervised by the emergency bureau, but the Zezhou demo has no such enterprise
        UUID plan = activePlan("zezhou-yingji", "RANDOM", List.of(map("industryCode", "fireworks", "quota", 2)), List.of());
        postJson(token("zezhou-yingji"), "/api/v1/draws", map("planId", plan)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("DRAW_NO_CANDIDATES"));
        assertThat(jdbc.sql("select count(*) from insp_draw where plan_id = :p").param("p", plan).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from insp_inspection where plan_id = :p").param("p", plan).query(Long.class).single()).isZero();
    }

    @Test
    void aUnitWithoutTwoOfficersCannotDraw() throws Exception {
        // 市住建局 has enterprises to inspect but no officer on its staff list
        UUID plan = activePlan("zhujian", "RANDOM", List.of(map("quota", 1)), List.of());
        postJson(token("zhujian"), "/api/v1/draws", map("planId", plan)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("DRAW_TOO_FEW_OFFICERS"));
        assertThat(jdbc.sql("select count(*) from insp_draw where plan_id = :p").param("p", plan).query(Long.class).single()).isZero();
    }

    @Test
    void aReDrawNeedsAReasonKeepsTheFirstDrawPublicAndCancelsItsInspections() throws Exception {
        UUID plan = activePlan("zezhou-yingji", "RANDOM", List.of(map("quota", 1)), List.of());
        String t = token("zezhou-yingji");
        UUID first = UUID.fromString(ok(postJson(t, "/api/v1/draws", map("planId", plan))).get("id").asString());
        postJson(t, "/api/v1/draws/" + first + "/redraw", map("reason", " ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("DRAW_REASON_REQUIRED"));
        UUID second = UUID.fromString(ok(postJson(t, "/api/v1/draws/" + first + "/redraw",
                map("reason", "抽中的执法人员因病住院，无法按期检查"))).get("id").asString());
        JsonNode a = getJson(t, "/api/v1/draws/" + first);
        JsonNode b = getJson(t, "/api/v1/draws/" + second);
        assertThat(a.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(a.get("supersededBy").asString()).isEqualTo(second.toString());
        assertThat(b.get("redrawOf").asString()).isEqualTo(first.toString());
        assertThat(b.get("redrawReason").asString()).contains("住院");
        // the first stays on the public board and still verifies
        mvc.perform(post("/api/v1/public/draws/" + first + "/verify")).andExpect(jsonPath("$.matches").value(true));
        assertThat(jdbc.sql("select status from insp_inspection where draw_id = :d").param("d", first).query(String.class).list())
                .containsOnly("CANCELLED");
        assertThat(jdbc.sql("select status from insp_inspection where draw_id = :d").param("d", second).query(String.class).list())
                .containsOnly("PLANNED");
    }

    @Test
    void anUnannouncedDrawStaysSecretUntilTheVisitStarts() throws Exception {
        // a unit with four officers, so an earlier inspection of the enterprise by two of them leaves a team to draw
        UUID plan = activePlan("zezhou-yingji", "UNANNOUNCED", List.of(map("regionCode", "140525", "industryCode", "hazchem.production",
                "quota", 1)), List.of());
        String t = token("zezhou-yingji");
        UUID draw = UUID.fromString(ok(postJson(t, "/api/v1/draws", map("planId", plan))).get("id").asString());
        mvc.perform(get("/api/v1/public/draws/" + draw)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/api/v1/public/draws")).andReturn().getResponse().getContentAsString()).doesNotContain(draw.toString());
        UUID inspection = UUID.fromString(getJson(t, "/api/v1/draws/" + draw).at("/picks/0/inspectionId").asString());
        // the enterprise and the county see nothing
        mvc.perform(auth(get("/api/v1/inspections/" + inspection), token("qiye-huagong"))).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/inspections/" + inspection), token("zezhou"))).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/inspection-plans/" + plan), token("zezhou"))).andExpect(status().isNotFound());
        // the city office sees the plan but not its draw: neither in the plan nor in the plan's list of draws
        String city = token("city");
        assertThat(getJson(city, "/api/v1/inspection-plans/" + plan).get("draws").size()).isZero();
        assertThat(getJson(city, "/api/v1/draws?planId=" + plan).size()).isZero();
        assertThat(getJson(t, "/api/v1/inspection-plans/" + plan).get("draws").size()).isEqualTo(1);
        // the team starts the visit: now it is public and visible
        JsonNode x = getJson(t, "/api/v1/inspections/" + inspection);
        String lead = jdbc.sql("select username from idn_user where id = :u").param("u", UUID.fromString(x.at("/officers/0/userId").asString()))
                .query(String.class).single();
        ok(postJson(token(lead), "/api/v1/inspections/" + inspection + "/start", map("version", x.get("version").asInt())));
        mvc.perform(get("/api/v1/public/draws/" + draw)).andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/inspections/" + inspection), token("qiye-huagong"))).andExpect(status().isOk());
        assertThat(getJson(city, "/api/v1/inspection-plans/" + plan).get("draws").size()).isEqualTo(1);
        assertThat(getJson(city, "/api/v1/draws?planId=" + plan).get(0).get("id").asString()).isEqualTo(draw.toString());
    }

    @Test
    void aJointInspectionIsLedByAnOfficerOfTheOrganisingUnitWithAnOfficerOfTheOther() throws Exception {
        UUID nengyuan = jdbc.sql("select id from org_unit where name = '市能源局'").query(UUID.class).single();
        UUID plan = activePlan("yingji", "JOINT", List.of(map("regionCode", "140525", "industryCode", "mine.coal", "quota", 1)),
                List.of(map("unitId", nengyuan)));
        UUID draw = UUID.fromString(ok(postJson(token("yingji"), "/api/v1/draws", map("planId", plan))).get("id").asString());
        JsonNode p = getJson(token("yingji"), "/api/v1/draws/" + draw).at("/picks/0");
        // any coal mine of 泽州县 (other tests add their own to the shared database)
        assertThat(jdbc.sql("select industry_code || ' ' || region_code from org_enterprise where id = :id")
                .param("id", UUID.fromString(p.get("enterpriseId").asString())).query(String.class).single())
                .matches("mine\\.coal(\\.[a-z_.]+)? 140525\\d*");
        assertThat(Set.of(officer("yingji-zf1").toString(), officer("yingji-zf2").toString())).contains(p.at("/officers/0/id").asString());
        assertThat(Set.of(officer("nengyuan-zf1").toString(), officer("nengyuan-zf2").toString())).contains(p.at("/officers/1/id").asString());
        // both units see it as theirs
        getJson(token("nengyuan"), "/api/v1/inspections/" + p.get("inspectionId").asString());
    }
}
