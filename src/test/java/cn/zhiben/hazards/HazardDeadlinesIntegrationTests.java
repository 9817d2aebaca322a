package cn.zhiben.hazards;

import cn.zhiben.hazards.internal.HazardService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deadlines without gaps, withdrawal, regrading and merging (issue 8, issue 9 item 2a), through the API and the daily job.
 */
class HazardDeadlinesIntegrationTests extends HazardTestSupport {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    HazardService service;

    private List<String> actions(JsonNode hazard) {
        List<String> out = new ArrayList<>();
        hazard.get("timeline").forEach(t -> out.add(t.get("action").asString()));
        return out;
    }

    private void dayAfter(LocalDate due) {
        clock.set(ZonedDateTime.of(due.plusDays(1).atStartOfDay(), SHANGHAI).toInstant());
        service.markOverdue();
    }

    @Test
    void anUnacknowledgedExternalMajorHazardBecomesOverdueAndIsListableAndProceedsAsAcknowledged() throws Exception {
        String inspector = token("zezhou-nengyuan");
        var body = majorSelfReport(coalMine(), coalClause(81));
        body.put("channel", "SUPERVISION");
        UUID id = UUID.fromString(created(inspector, body).get("id").asString());
        JsonNode hazard = detail(inspector, id).get("hazard");
        LocalDate due = LocalDate.parse(hazard.get("row").get("stepDueOn").asString());
        assertThat(due).as("3 days to acknowledge (issue 8 default)").isEqualTo(today().plusDays(3));
        // listing never waits for the acknowledgement
        String county = token("zezhou");
        act(county, id, "listing", with("version", version(county, id), "documentNumber", "泽安办督〔2026〕31号",
                "deadline", today().plusDays(40).toString())).andExpect(status().isOk());

        dayAfter(due);
        // days later: a new login (tokens expire)
        county = token("zezhou");
        hazard = detail(county, id).get("hazard");
        assertThat(hazard.get("row").get("status").asString()).isEqualTo("REPORTED");
        assertThat(actions(hazard)).endsWith("MARK_STEP_OVERDUE", "ACKNOWLEDGED_BY_DEFAULT");
        assertThat(hazard.get("reportedAt").isNull()).isFalse();
        // the plan's deadline runs from there; the escalation reached the city office, once
        assertThat(LocalDate.parse(hazard.get("row").get("stepDueOn").asString())).isEqualTo(due.plusDays(1).plusDays(10));
        UUID city = jdbc.sql("select id from idn_user where username = 'city'").query(UUID.class).single();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from ntf_message where recipient_user_id = :u and source_key like :k")
                .param("u", city).param("k", "hazard-step-overdue:" + id + ":PENDING_ACKNOWLEDGEMENT:%")
                .query(Long.class).single()).isEqualTo(1));
        int steps = hazard.get("timeline").size();
        service.markOverdue();
        assertThat(detail(county, id).get("hazard").get("timeline").size()).as("once").isEqualTo(steps);
        // and the enterprise can no longer keep it out of the loop: it files its plan as any reported hazard
        String safety = token("qiye");
        act(safety, id, "plan", plan(version(safety, id), today().plusDays(20))).andExpect(status().isOk());
    }

    @Test
    void eachConfirmationLevelHasItsDeadlineAndTurnsOverdue() throws Exception {
        String safety = token("qiye");
        UUID id = UUID.fromString(created(safety, majorSelfReport(coalMine(), coalClause(82))).get("id").asString());
        LocalDate due = LocalDate.parse(detail(safety, id).get("hazard").get("row").get("stepDueOn").asString());
        assertThat(due).isEqualTo(today().plusDays(2));
        dayAfter(due.minusDays(1));
        safety = token("qiye");
        assertThat(detail(safety, id).get("hazard").get("row").get("stepOverdue").asBoolean()).isFalse();
        dayAfter(due);
        safety = token("qiye");
        JsonNode hazard = detail(safety, id).get("hazard");
        assertThat(hazard.get("row").get("stepOverdue").asBoolean()).isTrue();
        assertThat(hazard.get("row").get("status").asString()).isEqualTo("PENDING_DEPARTMENT_CONFIRMATION");
        JsonNode last = hazard.get("timeline").get(hazard.get("timeline").size() - 1);
        assertThat(last.get("reason").asString()).contains("安全管理部门确认期限 " + due).contains("升级至");
        // the next level starts its own deadline, not overdue
        act(safety, id, "confirm-department", with("version", version(safety, id))).andExpect(status().isOk());
        hazard = detail(safety, id).get("hazard");
        assertThat(hazard.get("row").get("stepOverdue").asBoolean()).isFalse();
        assertThat(hazard.get("row").get("stepDueOn").asString()).isEqualTo(today().plusDays(2).toString());
    }

    @Test
    void aReportIsWithdrawnByItsReporterAndTheTimelineSaysWhy() throws Exception {
        String safety = token("qiye");
        UUID id = UUID.fromString(created(safety, majorSelfReport(coalMine(), coalClause(83))).get("id").asString());
        act(token("qiye-fzr"), id, "withdrawal", with("version", version(safety, id), "reason", "误报"))
                .andExpect(status().isForbidden());
        act(safety, id, "withdrawal", with("version", version(safety, id), "reason", " ")).andExpect(status().isBadRequest());
        act(safety, id, "withdrawal", with("version", version(safety, id), "reason", "经复核为误报"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        JsonNode hazard = detail(safety, id).get("hazard");
        JsonNode last = hazard.get("timeline").get(hazard.get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("WITHDRAW");
        assertThat(last.get("reason").asString()).isEqualTo("经复核为误报");
        // a confirmed report cannot be withdrawn
        UUID confirmed = reported(coalClause(84));
        act(safety, confirmed, "withdrawal", with("version", version(safety, confirmed), "reason", "误报"))
                .andExpect(status().isConflict());
    }

    @Test
    void anOfficialRegradesAMajorHazardToGeneralAndBackWithReasonsOnTheTimeline() throws Exception {
        UUID id = reported(coalClause(85));
        String safety = token("qiye");
        act(safety, id, "regrade", with("version", version(safety, id), "grade", "GENERAL", "reason", "x",
                "deadline", today().plusDays(5).toString())).andExpect(status().isForbidden());
        String official = token("zezhou-nengyuan");
        act(official, id, "regrade", with("version", version(official, id), "grade", "GENERAL", "reason", "经复核为一般隐患"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("HAZARD_DEADLINE_REQUIRED"));
        act(official, id, "regrade", with("version", version(official, id), "grade", "GENERAL", "reason", "经复核为一般隐患",
                "deadline", today().plusDays(5).toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECTIFYING"));
        act(official, id, "regrade", with("version", version(official, id), "grade", "MAJOR", "reason", "复查属重大事故隐患"))
                .andExpect(status().isBadRequest());
        act(official, id, "regrade", with("version", version(official, id), "grade", "MAJOR", "reason", "复查属重大事故隐患",
                "clauseId", coalClause(86).toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REPORTED"));
        JsonNode hazard = detail(official, id).get("hazard");
        assertThat(hazard.get("row").get("grade").asString()).isEqualTo("MAJOR");
        assertThat(hazard.get("row").get("clauseLabel").asString()).contains(clause(coalClause(86)).clauseNo());
        List<String> reasons = new ArrayList<>();
        hazard.get("timeline").forEach(t -> {
            if ("REGRADE".equals(t.get("action").asString())) {
                reasons.add(t.get("reason").asString());
            }
        });
        assertThat(reasons).containsExactly("重大隐患 → 一般隐患：经复核为一般隐患", "一般隐患 → 重大隐患：复查属重大事故隐患");
    }

    @Test
    void aMergeIsDecidedAtOrAboveTheListingLevelOfBothAndCarriesTheListingAndTheStricterDeadline() throws Exception {
        UUID clause = coalClause(87);
        UUID kept = reported(clause);
        String safety = token("qiye");
        act(safety, kept, "plan", plan(version(safety, kept), today().plusDays(30))).andExpect(status().isOk());
        UUID listed = reported(clause);
        String city = token("city");
        act(city, listed, "listing", with("version", version(city, listed), "documentNumber", "晋安办督〔2026〕41号",
                "deadline", today().plusDays(12).toString())).andExpect(status().isOk());
        // the attack: a county office (or department) closes a city-listed hazard by "merging" it
        for (String county : List.of("zezhou", "zezhou-yingji", "zezhou-nengyuan")) {
            String t = token(county);
            act(t, listed, "merge", with("version", version(t, listed), "into", kept.toString(), "reason", "重复"))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("HAZARD_LISTING_LEVEL_REQUIRED"));
        }
        // not into a hazard that is not a duplicate (another clause, another place), nor without a reason
        UUID other = reported(coalClause(88));
        jdbc.sql("update hz_hazard set location = '另一部位' where id = :id").param("id", other).update();
        act(city, listed, "merge", with("version", version(city, listed), "into", other.toString(), "reason", "重复"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("HAZARD_MERGE_NOT_DUPLICATE"));
        act(city, listed, "merge", with("version", version(city, listed), "into", kept.toString(), "reason", " "))
                .andExpect(status().isBadRequest());
        act(city, listed, "merge", with("version", version(city, listed), "into", kept.toString(), "reason", "同一条款重复登记"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MERGED"));
        JsonNode remaining = detail(city, kept).get("hazard");
        assertThat(remaining.get("row").get("listingLevel").asString()).isEqualTo("CITY");
        assertThat(remaining.get("listingDocumentNumber").asString()).isEqualTo("晋安办督〔2026〕41号");
        assertThat(remaining.get("row").get("deadline").asString()).isEqualTo(today().plusDays(12).toString());
        JsonNode last = remaining.get("timeline").get(remaining.get("timeline").size() - 1);
        assertThat(last.get("reason").asString()).contains("承接市级挂牌督办").contains("整改期限改为");
    }

    @Test
    void aMajorHazardMissedByTheEnterpriseOpensAnAccountabilityRecordTheCountyAndTheSupervisorSeeAndClose() throws Exception {
        String inspector = token("zezhou-yingji");
        var body = majorSelfReport(coalMine(), coalClause(89));
        body.put("channel", "EXPERT");
        body.put("location", "从未自查过的部位 " + UUID.randomUUID());
        // found long ago: no self-report of any test falls into its look-back period
        body.put("foundOn", today().minusDays(200).toString());
        UUID id = UUID.fromString(created(inspector, body).get("id").asString());
        JsonNode hazard = detail(inspector, id).get("hazard");
        assertThat(hazard.get("row").get("selfCheckMissed").asBoolean()).isTrue();
        assertThat(hazard.get("accountability").get("status").asString()).isEqualTo("OPEN");
        String number = hazard.get("row").get("number").asString();
        // the county and the supervising units see it on their page; the enterprise does not
        var page = mvc.perform(get("/hazards/accountability").session(login("zezhou"))).andReturn().getResponse();
        assertThat(page.getContentAsString()).contains(number);
        assertThat(mvc.perform(get("/hazards/accountability").session(login("qiye"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/hazards/accountability").session(login("gaoping"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(number);
        String safety = token("qiye");
        act(safety, id, "accountability-closure", with("version", version(safety, id), "conclusion", "无"))
                .andExpect(status().isForbidden());
        act(inspector, id, "accountability-closure", with("version", version(inspector, id),
                "conclusion", "企业月查未覆盖该部位；约谈矿长，对安全科长罚款")).andExpect(status().isOk());
        hazard = detail(inspector, id).get("hazard");
        assertThat(hazard.get("accountability").get("status").asString()).isEqualTo("CLOSED");
        assertThat(hazard.get("accountability").get("conclusion").asString()).contains("约谈矿长");
        // a self-report of the same clause in the look-back period means the enterprise's checks did find it
        UUID clause = coalClause(90);
        reported(clause);
        var again = majorSelfReport(coalMine(), clause);
        again.put("channel", "SUPERVISION");
        UUID found = UUID.fromString(created(inspector, again).get("id").asString());
        assertThat(detail(inspector, found).get("hazard").get("row").get("selfCheckMissed").asBoolean()).isFalse();
    }
}
