package cn.zhiben.campaign;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 总结评估 end to end: scheme, self-assessment, scoring with reasons, ranking, a frozen result and its correction. */
class EvaluationIntegrationTests extends CampaignTestSupport {

    private UUID scheme(UUID programme, int year) throws Exception {
        Map<String, Object> body = map("programmeId", programme.toString(), "year", year, "title", "测试评估 " + year,
                "selfDueOn", year + "-11-30",
                "items", List.of(
                        map("title", "党政领导干部安全生产责任落实", "maxPoints", 40, "rule", "MANUAL", "evidenceRequired", "职责清单、年度任务清单备案回执"),
                        map("title", "重大事故隐患动态清零", "maxPoints", 30, "rule", "DEDUCTION", "deductionPoints", 5,
                                "evidenceRequired", "隐患台账、销号材料"),
                        map("title", "按时报送", "maxPoints", 30, "rule", "REPORT_TIMELINESS", "evidenceRequired", "平台报送记录")),
                "targets", List.of(map("group", "COUNTY", "regionCode", "140525"), map("group", "COUNTY", "regionCode", "140581"),
                        map("group", "UNIT", "unitId", unit("市应急管理局").toString())));
        JsonNode created = json(call("city", "POST", "/api/v1/campaign/evaluations", body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        return UUID.fromString(created.get("id").asString());
    }

    private UUID target(UUID scheme, String region, UUID unit) {
        return jdbc.sql("select id from cmp_eval_target where scheme_id = :s and region_code is not distinct from :r and unit_id is not distinct from cast(:u as uuid)")
                .param("s", scheme).param("r", region).param("u", unit == null ? null : unit.toString()).query(UUID.class).single();
    }

    private List<UUID> items(UUID scheme) {
        return jdbc.sql("select id from cmp_eval_item where scheme_id = :s order by no").param("s", scheme).query(UUID.class).list();
    }

    private void score(UUID scheme, UUID target, Object manual, Object deficiencies, String reason) throws Exception {
        List<UUID> i = items(scheme);
        call("city", "PUT", "/api/v1/campaign/evaluations/" + scheme + "/targets/" + target + "/scores", map("entries", List.of(
                map("itemId", i.get(0).toString(), "points", manual, "reason", reason, "method", "DOCUMENT_REVIEW"),
                map("itemId", i.get(1).toString(), "deficiencies", deficiencies, "reason", reason, "method", "ON_SITE"),
                map("itemId", i.get(2).toString())))).andExpect(status().isOk());
    }

    @Test
    void theWorkTeamScoresRanksAndPublishesAndAPublishedResultIsOnlySupersededWithAReason() throws Exception {
        UUID programme = activeProgramme(2039);
        clock.set(at(2039, 11, 2, 9, 0, 0));
        UUID s = scheme(programme, 2039);
        call("city", "POST", "/api/v1/campaign/evaluations/" + s + "/open", null).andExpect(status().isOk());
        UUID zezhou = target(s, "140525", null);
        UUID gaoping = target(s, "140581", null);
        UUID yingji = target(s, null, unit("市应急管理局"));
        List<UUID> items = items(s);

        // self-assessment by the county itself, not by another county
        Map<String, Object> self = map("entries", List.of(map("itemId", items.get(0).toString(), "points", 38, "explanation", "清单已备案"),
                map("itemId", items.get(1).toString(), "points", 30, "explanation", "存量隐患清零"),
                map("itemId", items.get(2).toString(), "points", 30, "explanation", "全部按时报送")));
        call("gaoping", "PUT", "/api/v1/campaign/evaluations/" + s + "/targets/" + zezhou + "/self", self).andExpect(status().isNotFound());
        call("zezhou", "PUT", "/api/v1/campaign/evaluations/" + s + "/targets/" + zezhou + "/self", self).andExpect(status().isOk());
        call("zezhou", "POST", "/api/v1/campaign/evaluations/" + s + "/targets/" + zezhou + "/self/submit", null).andExpect(status().isOk());
        call("zezhou", "PUT", "/api/v1/campaign/evaluations/" + s + "/targets/" + zezhou + "/self", self)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("EVALUATION_SELF_SUBMITTED"));

        // a lost point without a reason is refused, and nothing is stored
        List<UUID> i = items;
        call("city", "PUT", "/api/v1/campaign/evaluations/" + s + "/targets/" + zezhou + "/scores", map("entries", List.of(
                map("itemId", i.get(0).toString(), "points", 30)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("SCORE_REASON_REQUIRED"));
        assertThat(count("select count(*) from cmp_eval_score where target_id = ?", zezhou)).isZero();

        score(s, zezhou, 36, 1, "述职报告未附年度任务清单");     // 36 + 25 + 30 (nothing was due yet) = 91
        score(s, gaoping, 38, 3, "3 项存量重大隐患未销号");        // 38 + 15 + 30 = 83
        call("city", "POST", "/api/v1/campaign/evaluations/" + s + "/publish", null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("EVALUATION_INCOMPLETE"));
        score(s, yingji, 40, 0, null);                           // 40 + 30 + 30 = 100
        call("city", "POST", "/api/v1/campaign/evaluations/" + s + "/publish", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.resultNo").value(1));

        JsonNode detail = read("city", "/api/v1/campaign/evaluations/" + s);
        Map<String, Integer> ranks = new java.util.HashMap<>();
        Map<String, String> totals = new java.util.HashMap<>();
        detail.get("targets").forEach(t -> {
            ranks.put(t.get("target").get("id").asString(), t.get("rank").asInt());
            totals.put(t.get("target").get("id").asString(), t.get("total").asString());
        });
        assertThat(ranks).containsEntry(zezhou.toString(), 1).containsEntry(gaoping.toString(), 2).containsEntry(yingji.toString(), 1);
        assertThat(new java.math.BigDecimal(totals.get(zezhou.toString()))).isEqualByComparingTo("91");
        assertThat(new java.math.BigDecimal(totals.get(gaoping.toString()))).isEqualByComparingTo("83");

        // the county sees the ranking (announced) and its own gaps, not another county's details
        JsonNode mine = read("zezhou", "/api/v1/campaign/evaluations/" + s + "/targets/" + zezhou);
        assertThat(mine.get("rank").asInt()).isEqualTo(1);
        assertThat(mine.get("gaps").findValuesAsString("reason")).contains("述职报告未附年度任务清单");
        call("zezhou", "GET", "/api/v1/campaign/evaluations/" + s + "/targets/" + gaoping, null).andExpect(status().isNotFound());

        // published: frozen
        call("city", "PUT", "/api/v1/campaign/evaluations/" + s + "/targets/" + gaoping + "/scores", map("entries", List.of(
                map("itemId", i.get(0).toString(), "points", 40))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("EVALUATION_RESULT_PUBLISHED"));
        assertThat(count("select count(*) from cmp_eval_score sc join cmp_eval_result r on r.id = sc.result_id where r.scheme_id = ? and sc.target_id = ? and sc.points = 38",
                s, gaoping)).isEqualTo(1);
        // a correction needs a reason, and is a new version
        call("city", "POST", "/api/v1/campaign/evaluations/" + s + "/corrections", map("reason", " "))
                .andExpect(status().isBadRequest());
        call("city", "POST", "/api/v1/campaign/evaluations/" + s + "/corrections", map("reason", "高平市补交 2 项隐患销号材料，复核后更正"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.resultNo").value(2));
        score(s, gaoping, 38, 1, "1 项存量重大隐患未销号");       // 38 + 25 + 30 = 93
        call("city", "POST", "/api/v1/campaign/evaluations/" + s + "/publish", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.resultNo").value(2));
        assertThat(jdbc.sql("select status from cmp_eval_result where scheme_id = :s order by no").param("s", s)
                .query(String.class).list()).containsExactly("SUPERSEDED", "PUBLISHED");
        JsonNode v2 = read("gaoping", "/api/v1/campaign/evaluations/" + s + "/targets/" + gaoping);
        assertThat(v2.get("rank").asInt()).isEqualTo(1);
        assertThat(v2.get("shown").get("reason").asString()).contains("更正");
        // the first version is kept as published, readable by number
        JsonNode v1 = read("gaoping", "/api/v1/campaign/evaluations/" + s + "/targets/" + gaoping + "?result=1");
        assertThat(v1.get("rank").asInt()).isEqualTo(2);
    }

    @Test
    void aSchemeWhoseWeightsDoNotMakeAHundredCannotBeOpened() throws Exception {
        UUID programme = activeProgramme(2040);
        Map<String, Object> body = map("programmeId", programme.toString(), "year", 2040, "title", "权重测试",
                "selfDueOn", "2040-11-30", "items", List.of(map("title", "甲", "maxPoints", 60, "rule", "MANUAL", "evidenceRequired", "材料")),
                "targets", List.of(map("group", "COUNTY", "regionCode", "140525")));
        UUID s = UUID.fromString(json(call("city", "POST", "/api/v1/campaign/evaluations", body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString());
        call("city", "POST", "/api/v1/campaign/evaluations/" + s + "/open", null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("EVALUATION_WEIGHTS_NOT_100"));
        call("zezhou", "POST", "/api/v1/campaign/evaluations", body).andExpect(status().isForbidden());
        // a draft scheme is the office's own: targets do not see it yet
        call("zezhou", "GET", "/api/v1/campaign/evaluations/" + s, null).andExpect(status().isNotFound());
    }
}
