package cn.zhiben.tipoffs;

import cn.zhiben.hazards.HazardDirectory;
import cn.zhiben.tipoffs.internal.TipoffService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A tip-off from the public form to a hazard: intake limits, status check, triage, routing, verification, deadlines, scope. */
class TipoffWorkflowIntegrationTests extends TipoffTestSupport {

    @Autowired
    TipoffService service;
    @Autowired
    HazardDirectory hazards;

    private ResultActionsStatus check(String code, String secret, String address) throws Exception {
        var r = mvc.perform(from(post("/api/v1/public/tipoffs/status"), address).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("trackingCode", code, "secret", secret)))).andReturn().getResponse();
        return new ResultActionsStatus(r.getStatus(), r.getContentAsString());
    }

    record ResultActionsStatus(int status, String body) {
    }

    @Test
    void thePublicStatusCheckNeedsBothTheTrackingCodeAndItsSecret() throws Exception {
        JsonNode receipt = submitted(report("某某洗煤厂", "140525", null, null));
        String code = receipt.get("trackingCode").asString();
        String secret = receipt.get("secret").asString();
        assertThat(check(code, secret, freshAddress()).status()).isEqualTo(200);
        assertThat(json(check(code, secret, freshAddress()).body()).get("statusLabel").asString()).isEqualTo("待受理");
        // the code alone, the secret of another case, or a wrong secret: the same 404, nothing about the case
        JsonNode other = submitted(report("另一家企业", "140525", null, null));
        for (String wrong : new String[]{"", other.get("secret").asString(), "WRONGSECRET1"}) {
            var r = check(code, wrong, freshAddress());
            assertThat(r.status()).isIn(400, 404);
            assertThat(r.body()).doesNotContain(receipt.get("number").asString());
        }
        assertThat(check(other.get("trackingCode").asString(), secret, freshAddress()).status()).isEqualTo(404);
    }

    @Test
    void guessingCodesIsRateLimitedPerAddressAndPerCode() throws Exception {
        clock.set(java.time.Instant.now()); // one rate-limit window for the whole test
        String address = freshAddress();
        int limited = 0;
        for (int i = 0; i < 25; i++) {
            int s = check("GUESS" + i, "SECRET" + i, address).status();
            if (s == 429) {
                limited++;
            } else {
                assertThat(s).isEqualTo(404);
            }
        }
        assertThat(limited).isEqualTo(5); // 20 checks per address and hour (zhiben.tipoffs.status-checks-per-hour)
        // spreading guesses of one code's secret over many addresses does not help either
        JsonNode receipt = submitted(report("某某石料厂", "140525", null, null));
        String code = receipt.get("trackingCode").asString();
        for (int i = 0; i < 20; i++) {
            assertThat(check(code, "WRONG" + i, freshAddress()).status()).isEqualTo(404);
        }
        var blocked = check(code, receipt.get("secret").asString(), freshAddress());
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(json(blocked.body()).get("code").asString()).isEqualTo("TIPOFF_RATE_LIMITED");
        clock.advance(Duration.ofHours(1));
        assertThat(check(code, receipt.get("secret").asString(), freshAddress()).status()).isEqualTo(200);
    }

    @Test
    void publicSubmissionsAreLimitedPerAddressAndNeedASolvedChallengeOnce() throws Exception {
        clock.set(java.time.Instant.now()); // one rate-limit window for the whole test
        String address = freshAddress();
        for (int i = 0; i < 5; i++) {
            submitPublic(report("限流测试企业" + i, "140525", null, null), address).andExpect(status().isCreated());
        }
        submitPublic(report("限流测试企业X", "140525", null, null), address).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("TIPOFF_RATE_LIMITED"));
        // a challenge is spent by its submission; a forged or missing answer is refused and nothing is stored
        String other = freshAddress();
        JsonNode c = json(mvc.perform(from(get("/api/v1/public/tipoffs/challenge"), other)).andReturn().getResponse().getContentAsString());
        String challenge = c.get("challenge").asString();
        String answer = solve(challenge, c.get("bits").asInt());
        long before = jdbc.sql("select count(*) from tip_tipoff").query(Long.class).single();
        var first = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/public/tipoffs");
        report("挑战测试企业", "140525", null, null).forEach(first::param);
        mvc.perform(from(first.param("challenge", challenge).param("answer", "x" + answer), other))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("TIPOFF_CHALLENGE_INVALID"));
        var ok = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/public/tipoffs");
        report("挑战测试企业", "140525", null, null).forEach(ok::param);
        mvc.perform(from(ok.param("challenge", challenge).param("answer", answer), other)).andExpect(status().isCreated());
        var again = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/public/tipoffs");
        report("挑战测试企业", "140525", null, null).forEach(again::param);
        mvc.perform(from(again.param("challenge", challenge).param("answer", answer), other))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("TIPOFF_CHALLENGE_SPENT"));
        assertThat(jdbc.sql("select count(*) from tip_tipoff").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void attachmentsMustBePhotosOrPdfsAndABadOneLeavesNothingStored() throws Exception {
        long before = jdbc.sql("select count(*) from tip_tipoff").query(Long.class).single();
        MockMultipartFile exe = new MockMultipartFile("files", "照片.jpg", "image/jpeg", new byte[]{'M', 'Z', 0, 0, 1, 2, 3, 4});
        submitPublic(report("附件测试企业", "140525", null, null), freshAddress(), exe)
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.code").value("ATTACHMENT_TYPE_NOT_ALLOWED"));
        MockMultipartFile html = new MockMultipartFile("files", "a.pdf", "application/pdf", "<html><script>alert(1)</script>".getBytes());
        submitPublic(report("附件测试企业", "140525", null, null), freshAddress(), html).andExpect(status().isUnsupportedMediaType());
        assertThat(jdbc.sql("select count(*) from tip_tipoff").query(Long.class).single()).isEqualTo(before);
        MockMultipartFile pdf = new MockMultipartFile("files", "现场.pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes());
        JsonNode r = json(submitPublic(report("附件测试企业", "140525", null, null), freshAddress(), pdf)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        UUID id = idOf(r);
        JsonNode d = detail(token("zezhou"), id);
        String attachment = d.at("/attachments/0/id").asString();
        mvc.perform(auth(get("/api/v1/tipoffs/attachments/" + attachment), token("zezhou"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("X-Content-Type-Options", "nosniff"));
        // another county's office sees neither the tip-off nor its file
        mvc.perform(auth(get("/api/v1/tipoffs/attachments/" + attachment), token("gaoping"))).andExpect(status().isNotFound());
    }

    @Test
    void aVerifiedTipOffCreatesExactlyOneHazardLinkedBothWays() throws Exception {
        UUID id = acceptedCoalTipoff(null);
        String unit = token("zezhou-yingji");
        JsonNode d = detail(unit, id);
        assertThat(d.at("/row/statusLabel").asString()).isEqualTo("核查中");
        assertThat(d.at("/row/unitRegionCode").asString()).isEqualTo("140525");
        act(unit, id, "conclude", Map.of("finding", "TRUE", "conclusion", "现场核查：主要通风机确无备用风机", "version", d.get("version").asInt()))
                .andExpect(status().isOk());
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("grade", "MAJOR");
        h.put("clauseId", coalClause(11).toString());
        h.put("shutdown", "PARTIAL");
        JsonNode first = json(act(unit, id, "hazard", h).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        // a second attempt is refused by the tip-off, and the hazards module would answer with the same hazard anyway
        act(unit, id, "hazard", h).andExpect(status().isConflict());
        assertThat(hazards.fromSource("tipoffs", id.toString())).singleElement()
                .satisfies(s -> assertThat(s.id().toString()).isEqualTo(first.get("hazardId").asString()));
        JsonNode hz = json(mvc.perform(auth(get("/api/v1/hazards/" + first.get("hazardId").asString()), unit)).andReturn()
                .getResponse().getContentAsString());
        assertThat(hz.at("/hazard/sourcePath").asString()).isEqualTo("/tipoffs/" + id);
        assertThat(hz.at("/hazard/row/channel").asString()).isEqualTo("TIP_OFF");
        assertThat(detail(unit, id).at("/hazardId").asString()).isEqualTo(first.get("hazardId").asString());
        // only the handling unit concludes and registers; the county office cannot
        act(token("zezhou"), id, "hazard", h).andExpect(status().isForbidden());
    }

    @Test
    void deadlinesEscalateWithAMovedClock() throws Exception {
        UUID waiting = idOf(submitted(report("逾期测试企业", "140525", null, null)));
        UUID verifying = acceptedCoalTipoff(null);
        assertThat(service.markOverdue()).isGreaterThanOrEqualTo(0);
        assertThat(overdue(waiting)).isFalse();
        clock.advance(Duration.ofDays(16)); // 受理 within 15 days (zhiben.tipoffs.accept-days)
        service.markOverdue();
        assertThat(overdue(waiting)).isTrue();
        assertThat(overdue(verifying)).isFalse();
        assertThat(jdbc.sql("select count(*) from ntf_message where source_key = :k").param("k", "tipoff-overdue:" + waiting + ":RECEIVED")
                .query(Long.class).single()).isPositive();
        clock.advance(Duration.ofDays(50)); // 核查 within 60 days of acceptance
        service.markOverdue();
        assertThat(overdue(verifying)).isTrue();
        assertThat(detail(token("city"), verifying).at("/timeline").toString()).contains("ESCALATE");
        // marking again changes nothing
        long rows = jdbc.sql("select count(*) from tip_transition where tipoff_id = :t").param("t", verifying).query(Long.class).single();
        service.markOverdue();
        assertThat(jdbc.sql("select count(*) from tip_transition where tipoff_id = :t").param("t", verifying).query(Long.class).single())
                .isEqualTo(rows);
    }

    private boolean overdue(UUID id) {
        return jdbc.sql("select overdue from tip_tipoff where id = :id").param("id", id).query(Boolean.class).single();
    }

    @Test
    void scopeFollowsCountyAndHandlingUnitAndOthersGet404() throws Exception {
        UUID id = acceptedCoalTipoff(null);
        for (String allowed : new String[]{"city", "zezhou", "zezhou-yingji", "yingji"}) {
            mvc.perform(auth(get("/api/v1/tipoffs/" + id), token(allowed))).andExpect(status().isOk());
        }
        for (String outside : new String[]{"gaoping", "nengyuan", "zhujian"}) {
            mvc.perform(auth(get("/api/v1/tipoffs/" + id), token(outside))).andExpect(status().isNotFound());
        }
        for (String none : new String[]{"qiye", "qiye-fzr", "nancun", "zhuanjia"}) {
            mvc.perform(auth(get("/api/v1/tipoffs/" + id), token(none))).andExpect(status().isForbidden());
        }
        // a county office routes inside its county only
        UUID other = idOf(submitted(report("某某企业", "140525", "mine.coal", null)));
        act(token("zezhou"), other, "accept", Map.of("unitId", unitId("市能源局").toString(), "countyLevel", false))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("TIPOFF_ACTION_FORBIDDEN"));
        // routing by industry: coal goes to the unit leading its supervision, at county level in the county
        JsonNode s = json(mvc.perform(auth(get("/api/v1/tipoffs/routing?regionCode=140525&industryCode=mine.coal"), token("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(s.get("unitRegionCode").asString()).isEqualTo("140525");
        assertThat(s.get("unitName").asString()).isNotBlank();
    }

    @Test
    void handOverMovesTheCaseToAnotherUnitAndDuplicatesAreMergedIntoTheFirst() throws Exception {
        UUID id = acceptedCoalTipoff(null);
        String city = token("city");
        act(city, id, "hand-over", Map.of("unitId", unitId("市能源局").toString(), "countyLevel", false, "note", "煤矿由能源局核查"))
                .andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/tipoffs/" + id), token("nengyuan"))).andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/tipoffs/" + id), token("zezhou-yingji"))).andExpect(status().isNotFound());
        String firstNumber = jdbc.sql("select number from tip_tipoff where id = :id").param("id", id).query(String.class).single();
        UUID dup = idOf(submitted(report("泽州示范巴公煤业有限公司", "140525", "mine.coal", null)));
        act(city, dup, "merge", Map.of("into", firstNumber)).andExpect(status().isOk());
        JsonNode d = detail(city, dup);
        assertThat(d.at("/row/status").asString()).isEqualTo("MERGED");
        assertThat(d.get("duplicateOfNumber").asString()).isEqualTo(firstNumber);
        // a later tip-off cannot be the first
        UUID later = idOf(submitted(report("另一家", "140525", null, null)));
        String laterNumber = jdbc.sql("select number from tip_tipoff where id = :id").param("id", later).query(String.class).single();
        UUID earlier = idOf(submitted(report("又一家", "140525", null, null)));
        jdbc.sql("update tip_tipoff set received_at = received_at - interval '1 day' where id = :id").param("id", earlier).update();
        act(city, earlier, "merge", Map.of("into", laterNumber)).andExpect(status().isBadRequest());
    }

    @Test
    void badInputIsAClearProblemAndNothingIsStored() throws Exception {
        long before = jdbc.sql("select count(*) from tip_tipoff").query(Long.class).single();
        Map<String, String> noDescription = report("企业", "140525", null, null);
        noDescription.remove("description");
        submitPublic(noDescription, freshAddress()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TIPOFF_DESCRIPTION_REQUIRED"));
        Map<String, String> badId = report("企业", "140525", null, "张三");
        badId.put("idNumber", "110105194912310021");
        submitPublic(badId, freshAddress()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("TIPOFF_ID_NUMBER_INVALID"));
        // the check character is right but there is no 13th month: the ID number rules the people module keeps apply here too
        badId.put("idNumber", cn.zhiben.people.ResidentIdNumber.complete("14052519901301001"));
        submitPublic(badId, freshAddress()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("TIPOFF_ID_NUMBER_INVALID"));
        Map<String, String> badRegion = report("企业", "999999", null, null);
        submitPublic(badRegion, freshAddress()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("TIPOFF_REGION_INVALID"));
        Map<String, String> future = report("企业", "140525", null, null);
        future.put("occurredOn", today().plusDays(3).toString());
        submitPublic(future, freshAddress()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("TIPOFF_DATE_IN_FUTURE"));
        assertThat(jdbc.sql("select count(*) from tip_tipoff").query(Long.class).single()).isEqualTo(before);
        // a verb in the wrong state is a 409, an empty reason a 400
        UUID id = idOf(submitted(report("企业", "140525", null, null)));
        act(token("zezhou"), id, "reply", Map.of("reason", "答复")).andExpect(status().isConflict());
        act(token("zezhou-yingji"), id, "reject", Map.of("reason", "不归我")).andExpect(status().isNotFound());
        act(token("zezhou"), id, "reject", Map.of("reason", " ")).andExpect(status().isBadRequest());
        act(token("zezhou"), id, "reject", Map.of("reason", "不属于安全生产举报范围")).andExpect(status().isOk());
        act(token("zezhou"), id, "reject", Map.of("reason", "再次")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TIPOFF_ILLEGAL_TRANSITION"));
    }

    @Test
    void staffRegisterHotlineTipOffsInTheirOwnCounty() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "HOTLINE");
        body.put("category", "ILLEGAL_PRODUCTION");
        body.put("anonymous", true);
        body.put("enterpriseName", "某非法小煤窑");
        body.put("description", "夜间偷采");
        body.put("regionCode", "140525");
        mvc.perform(auth(post("/api/v1/tipoffs"), token("zezhou")).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andExpect(status().isCreated()).andExpect(jsonPath("$.trackingCode").isNotEmpty());
        body.put("regionCode", "140581");
        mvc.perform(auth(post("/api/v1/tipoffs"), token("zezhou")).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andExpect(status().isBadRequest());
        mvc.perform(auth(post("/api/v1/tipoffs"), token("qiye")).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andExpect(status().isForbidden());
    }
}
