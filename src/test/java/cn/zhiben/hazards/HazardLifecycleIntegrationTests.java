package cn.zhiben.hazards;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The outcome, through the API: a major hazard from self-report to sign-off, every step on the timeline. */
class HazardLifecycleIntegrationTests extends HazardTestSupport {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};

    @Test
    void majorHazardGoesFromSelfReportToSignOff() throws Exception {
        String safety = token("qiye");
        String principal = token("qiye-fzr");
        // the department leading the coal field at county level reviews an unlisted coal-mine hazard
        String reviewer = token("zezhou-nengyuan");
        UUID clause = coalClause(1);

        // the safety department reports against a clause of the standard in force on the finding date
        JsonNode created = json(create(safety, majorSelfReport(coalMine(), clause))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING_DEPARTMENT_CONFIRMATION"))
                .andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.startsWith("140525-" + today().getYear() + "-")))
                .andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(created.get("id").asString());

        // two-level confirmation: department, then principal; the department cannot sign both levels
        act(safety, id, "confirm-department", with("version", version(safety, id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_PRINCIPAL_CONFIRMATION"));
        act(safety, id, "confirm-principal", with("version", version(safety, id)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("HAZARD_ACTION_FORBIDDEN"));
        act(principal, id, "confirm-principal", with("version", version(principal, id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPORTED"));

        // notified: the supervising county unit's inbox, the principal's and controller's phones (SMS log)
        UUID reviewerId = jdbc.sql("select id from idn_user where username = 'zezhou-nengyuan'").query(UUID.class).single();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from ntf_message where recipient_user_id = :u and source_key = :k")
                .param("u", reviewerId).param("k", "hazard-reported:" + id).query(Long.class).single()).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from ntf_sms where source_key = :k").param("k", "hazard-reported:" + id)
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);

        // a six-element plan, progress with a photo, an extension asked and granted
        act(safety, id, "plan", plan(version(safety, id), today().plusDays(20))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECTIFYING"));
        act(safety, id, "progress", with("version", version(safety, id), "summary", "风机已到货，基础施工完成"))
                .andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/hazards/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "基础施工.png", "image/png", PNG)).param("stage", "PROGRESS")
                        .header("Authorization", "Bearer " + safety))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/png"));
        act(safety, id, "extension-request", with("version", version(safety, id), "deadline", today().plusDays(35).toString(),
                "reason", "电控柜供货延迟 15 天")).andExpect(status().isOk());
        act(reviewer, id, "extension-decision", with("version", version(reviewer, id), "approve", true, "reason", "理由属实，同意"))
                .andExpect(status().isOk());
        assertThat(detail(safety, id).get("hazard").get("row").get("deadline").asString()).isEqualTo(today().plusDays(35).toString());

        // completion, evaluation, sign-off request, on-site review and 销号
        act(safety, id, "complete", with("version", version(safety, id), "summary", "备用风机安装调试完成")).andExpect(status().isOk());
        act(safety, id, "evaluation", with("version", version(safety, id), "kind", "THIRD_PARTY", "organisation", "某安全评价公司",
                "qualification", "APJ-（晋）-002", "conclusion", "整改到位，达到要求", "evaluatedOn", today().toString()))
                .andExpect(status().isOk());
        act(safety, id, "sign-off-request", with("version", version(safety, id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SIGN_OFF_REQUESTED"));
        act(reviewer, id, "sign-off", with("version", version(reviewer, id), "opinion", "现场核查：备用风机运行正常，同意销号"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED_OFF"));

        // the timeline says who did what, when and why
        JsonNode hazard = detail(safety, id).get("hazard");
        List<String> actions = new ArrayList<>();
        hazard.get("timeline").forEach(t -> actions.add(t.get("action").asString()));
        assertThat(actions).containsExactly("REPORT", "CONFIRM_DEPARTMENT", "CONFIRM_PRINCIPAL", "FILE_PLAN", "REPORT_PROGRESS",
                "ATTACH", "REQUEST_EXTENSION", "APPROVE_EXTENSION", "COMPLETE", "EVALUATE", "REQUEST_SIGN_OFF", "SIGN_OFF");
        hazard.get("timeline").forEach(t -> {
            assertThat(t.get("actorName").asString()).isNotBlank();
            assertThat(t.get("at").asString()).isNotBlank();
        });
        assertThat(hazard.get("timeline").get(11).get("reason").asString()).contains("同意销号");
        assertThat(hazard.get("plans").get(0).get("fundingFen").asLong()).isEqualTo(180_000_00L);
        assertThat(hazard.get("row").get("clauseLabel").asString()).contains(clause(clause).clauseNo());
        assertThat(hazard.get("reportLagHours").asInt()).isGreaterThanOrEqualTo(0);
        // the enterprise learns of the sign-off
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from ntf_message where source_key = :k").param("k", "hazard-signed-off:" + id)
                .query(Long.class).single()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void supervisionFoundHazardIsAcknowledgedAndFlaggedWhenSelfInspectionMissedIt() throws Exception {
        String inspector = token("zezhou-yingji");
        UUID mine = enterpriseOf("qiye-huagong");
        var clauses = standards.clausesInForce("hazchem.production", java.util.Set.of(), today());
        var body = majorSelfReport(mine, clauses.get(3).id());
        body.put("channel", "SUPERVISION");
        body.put("foundBy", "泽州县应急管理局检查组");
        JsonNode created = json(create(inspector, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING_ACKNOWLEDGEMENT")).andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(created.get("id").asString());
        assertThat(detail(inspector, id).get("hazard").get("row").get("selfCheckMissed").asBoolean()).isTrue();
        String enterprise = token("qiye-huagong");
        act(enterprise, id, "acknowledge", with("version", version(enterprise, id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPORTED"));
    }

    @Test
    void illegalTransitionsAnswer409WithAProblemDetail() throws Exception {
        String safety = token("qiye");
        UUID id = UUID.fromString(created(safety, majorSelfReport(coalMine(), coalClause(2))).get("id").asString());
        act(safety, id, "complete", with("version", version(safety, id), "summary", "x"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("HAZARD_ILLEGAL_TRANSITION"))
                .andExpect(jsonPath("$.detail").value("隐患当前状态为「待安全管理部门确认」，不能执行「整改完成」"));
        act(safety, id, "sign-off-request", with("version", version(safety, id))).andExpect(status().isConflict());
        act(token("zezhou-nengyuan"), id, "sign-off", with("version", version(safety, id), "opinion", "x"))
                .andExpect(status().isConflict());
        // a department that does not lead the field may not sign off at all, whatever the state
        act(token("zezhou-yingji"), id, "sign-off", with("version", version(safety, id), "opinion", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aStaleVersionIsRefused() throws Exception {
        String safety = token("qiye");
        UUID id = UUID.fromString(created(safety, majorSelfReport(coalMine(), coalClause(3))).get("id").asString());
        int v = version(safety, id);
        act(safety, id, "confirm-department", with("version", v)).andExpect(status().isOk());
        act(token("qiye-fzr"), id, "confirm-principal", with("version", v))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONCURRENT_MODIFICATION"));
    }

    @Test
    void badInputIsA400AndNothingIsStored() throws Exception {
        String safety = token("qiye");
        long before = jdbc.sql("select count(*) from hz_hazard").query(Long.class).single();
        var noClause = majorSelfReport(coalMine(), coalClause(4));
        noClause.remove("clauseId");
        create(safety, noClause).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("clauseId"));
        // every problem at once (issue 10 item 10): the missing texts and the missing clause in one answer
        var missing = majorSelfReport(coalMine(), coalClause(4));
        missing.remove("description");
        missing.remove("location");
        missing.remove("clauseId");
        JsonNode all = json(create(safety, missing).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED")).andReturn().getResponse().getContentAsString());
        assertThat(all.get("errors").findValuesAsString("field")).contains("description", "location", "clauseId");
        var future = majorSelfReport(coalMine(), coalClause(4));
        future.put("foundOn", today().plusDays(1).toString());
        create(safety, future).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("foundOn"));
        // a hazchem clause does not apply to a coal mine
        var wrongIndustry = majorSelfReport(coalMine(), standards.clausesInForce("hazchem.production", java.util.Set.of(), today()).get(0).id());
        create(safety, wrongIndustry).andExpect(status().is4xxClientError());
        var unknownChannel = majorSelfReport(coalMine(), coalClause(4));
        unknownChannel.put("channel", "GOSSIP");
        create(safety, unknownChannel).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD_VALUE"));
        mvc.perform(auth(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/hazards"), safety)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enterpriseId\":"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        assertThat(jdbc.sql("select count(*) from hz_hazard").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aSecondReportOfTheSameClauseIsFlaggedAndCanBeMergedKeepingBothHistories() throws Exception {
        String safety = token("qiye");
        UUID clause = coalClause(5);
        UUID first = reported(clause);
        UUID second = UUID.fromString(created(safety, majorSelfReport(coalMine(), clause)).get("id").asString());
        String official = token("zezhou-yingji");
        assertThat(detail(official, second).get("hazard").get("row").get("possibleDuplicateOf").asString()).isEqualTo(first.toString());
        act(official, second, "merge", with("version", version(official, second), "into", first.toString(), "reason", "同一问题重复上报"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MERGED"));
        JsonNode target = detail(official, first).get("hazard");
        assertThat(target.get("timeline").get(target.get("timeline").size() - 1).get("action").asString()).isEqualTo("MERGE");
        assertThat(detail(official, second).get("hazard").get("timeline").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFlaggedReportThatIsNotADuplicateIsClearedByAnOfficialWithAReason() throws Exception {
        String safety = token("qiye");
        UUID clause = coalClause(16);
        reported(clause);
        UUID second = UUID.fromString(created(safety, majorSelfReport(coalMine(), clause)).get("id").asString());
        String official = token("zezhou-yingji");
        assertThat(detail(official, second).get("hazard").get("row").path("possibleDuplicateOf").asString()).isNotBlank();
        assertThat(detail(official, second).get("availableActions").toString()).contains("DISMISS_DUPLICATE");
        // the enterprise cannot clear the flag on its own report
        act(safety, second, "not-duplicate", with("version", version(safety, second), "reason", "不是重复"))
                .andExpect(status().isForbidden());
        act(official, second, "not-duplicate", with("version", version(official, second), "reason", " "))
                .andExpect(status().isBadRequest());
        act(official, second, "not-duplicate", with("version", version(official, second), "reason", "不同工作面，不是同一问题"))
                .andExpect(status().isOk());
        JsonNode hazard = detail(official, second).get("hazard");
        assertThat(hazard.get("row").path("possibleDuplicateOf").getNodeType())
                .isIn(tools.jackson.databind.node.JsonNodeType.MISSING, tools.jackson.databind.node.JsonNodeType.NULL);
        JsonNode last = hazard.get("timeline").get(hazard.get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("DISMISS_DUPLICATE");
        assertThat(last.get("reason").asString()).isEqualTo("不同工作面，不是同一问题");
        assertThat(detail(official, second).get("availableActions").toString()).doesNotContain("DISMISS_DUPLICATE");
        // a second time: nothing to clear
        act(official, second, "not-duplicate", with("version", version(official, second), "reason", "再次"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("HAZARD_NOT_FLAGGED_DUPLICATE"));
    }

    @Test
    void listingBoardIsVisibleToEveryBusinessUser() throws Exception {
        UUID id = reported(coalClause(6));
        String county = token("zezhou");
        act(county, id, "listing", with("version", version(county, id), "documentNumber", "泽安办督〔2026〕7号",
                "deadline", today().plusDays(30).toString())).andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/hazards/listings"), token("gaoping")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("泽安办督〔2026〕7号")));
    }
}
