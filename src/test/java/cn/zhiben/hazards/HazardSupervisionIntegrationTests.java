package cn.zhiben.hazards;

import cn.zhiben.hazards.internal.HazardService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Scope, listing levels, concurrency, deadlines and attachments. */
class HazardSupervisionIntegrationTests extends HazardTestSupport {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    HazardService service;

    @Test
    void anotherCountysHazardIsA404AndAnEnterpriseSeesOnlyItsOwn() throws Exception {
        UUID id = reported(coalClause(7));
        String gaoping = token("gaoping");
        mvc.perform(auth(get("/api/v1/hazards/" + id), gaoping))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("HAZARD_NOT_FOUND"));
        act(gaoping, id, "listing", with("version", 0, "documentNumber", "高安办督〔2026〕1号", "deadline", today().plusDays(9).toString()))
                .andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/hazards/" + id), token("qiye-huagong"))).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/hazards/" + id), token("zezhou"))).andExpect(status().isOk());
        // lists are cut by scope too
        JsonNode own = json(mvc.perform(auth(get("/api/v1/hazards").param("size", "200"), token("qiye-huagong")))
                .andReturn().getResponse().getContentAsString());
        UUID huagong = enterpriseOf("qiye-huagong");
        own.get("rows").forEach(r -> assertThat(r.get("enterpriseId").asString()).isEqualTo(huagong.toString()));
        JsonNode other = json(mvc.perform(auth(get("/api/v1/hazards").param("size", "200").param("region", "140525"), gaoping))
                .andReturn().getResponse().getContentAsString());
        assertThat(other.get("total").asLong()).isZero();
        // administrators see no business data at all
        mvc.perform(auth(get("/api/v1/hazards/" + id), token("sysadmin"))).andExpect(status().isForbidden());
    }

    @Test
    void anEnterpriseCannotReportForAnotherEnterprise() throws Exception {
        create(token("qiye-huagong"), majorSelfReport(coalMine(), coalClause(8)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("ENTERPRISE_NOT_FOUND"));
    }

    @Test
    void aCountyListedHazardIsSignedOffOnlyByACountyLevelReview() throws Exception {
        UUID id = reported(coalClause(9));
        String county = token("zezhou");
        act(county, id, "listing", with("version", version(county, id), "documentNumber", "泽安办督〔2026〕11号",
                "deadline", today().plusDays(40).toString())).andExpect(status().isOk());
        // a member unit cannot list; only the office of a government can
        act(token("yingji"), id, "delisting", with("version", version(county, id), "reason", "x")).andExpect(status().isForbidden());
        String safety = token("qiye");
        act(safety, id, "plan", plan(version(safety, id), today().plusDays(30)));
        act(safety, id, "complete", with("version", version(safety, id), "summary", "完成"));
        // listed and under partial shutdown: a qualified third party evaluates (令第16号 第十八条)
        act(safety, id, "evaluation", with("version", version(safety, id), "kind", "SELF", "conclusion", "合格",
                "evaluatedOn", today().toString(), "experts", "技术科")).andExpect(status().isUnprocessableContent());
        act(safety, id, "evaluation", with("version", version(safety, id), "kind", "THIRD_PARTY", "organisation", "某评价公司",
                "qualification", "APJ-（晋）-003", "conclusion", "合格", "evaluatedOn", today().toString())).andExpect(status().isOk());
        act(safety, id, "sign-off-request", with("version", version(safety, id)));
        String cityUnit = token("nengyuan");
        act(cityUnit, id, "sign-off", with("version", version(cityUnit, id), "opinion", "市级审核"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("HAZARD_LISTING_LEVEL_REQUIRED"));
        String countyUnit = token("zezhou-nengyuan");
        act(countyUnit, id, "sign-off", with("version", version(countyUnit, id), "opinion", "县级现场审核合格"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED_OFF_PENDING_DELISTING"));
        // the listing body confirms 摘牌: the listing ends with the sign-off (issue 10 item 3)
        act(token("gaoping"), id, "delisting-confirmation", with("version", version(county, id))).andExpect(status().isNotFound());
        act(county, id, "delisting-confirmation", with("version", version(county, id), "note", "督办结束"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED_OFF"));
        JsonNode row = detail(county, id).get("hazard").get("row");
        assertThat(row.path("listingLevel").isNull() || row.path("listingLevel").isMissingNode()).isTrue();
        assertThat(row.get("listingEndedLevel").asString()).isEqualTo("COUNTY");
        assertThat(row.get("listingEndedOn").asString()).isEqualTo(today().toString());
    }

    @Test
    void aCityListedHazardCannotBeSignedOffByTheCounty() throws Exception {
        UUID id = reported(coalClause(10));
        String city = token("city");
        act(city, id, "listing", with("version", version(city, id), "documentNumber", "晋安办督〔2026〕2号",
                "deadline", today().plusDays(60).toString())).andExpect(status().isOk());
        String safety = token("qiye");
        act(safety, id, "plan", plan(version(safety, id), today().plusDays(30)));
        act(safety, id, "complete", with("version", version(safety, id), "summary", "完成"));
        // listed and under partial shutdown: a qualified third party evaluates (令第16号 第十八条)
        act(safety, id, "evaluation", with("version", version(safety, id), "kind", "SELF", "conclusion", "合格",
                "evaluatedOn", today().toString(), "experts", "技术科")).andExpect(status().isUnprocessableContent());
        act(safety, id, "evaluation", with("version", version(safety, id), "kind", "THIRD_PARTY", "organisation", "某评价公司",
                "qualification", "APJ-（晋）-003", "conclusion", "合格", "evaluatedOn", today().toString())).andExpect(status().isOk());
        act(safety, id, "sign-off-request", with("version", version(safety, id)));
        String countyUnit = token("zezhou-nengyuan");
        act(countyUnit, id, "sign-off", with("version", version(countyUnit, id), "opinion", "县级审核"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("HAZARD_LISTING_LEVEL_REQUIRED"));
        String cityUnit = token("nengyuan");
        act(cityUnit, id, "sign-off", with("version", version(cityUnit, id), "opinion", "市级现场审核合格")).andExpect(status().isOk());
        act(token("zezhou"), id, "delisting-confirmation", with("version", version(city, id)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("HAZARD_LISTING_LEVEL_REQUIRED"));
        act(city, id, "delisting-confirmation", with("version", version(city, id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SIGNED_OFF"));
    }

    @Test
    void twoOfficialsSigningOffAtOnceExactlyOneSucceeds() throws Exception {
        UUID id = awaitingSignOff(coalClause(11));
        // the same department signing in twice (two officers, two sessions)
        String a = token("zezhou-nengyuan");
        String b = token("zezhou-nengyuan");
        int v = version(a, id);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String t : List.of(a, b)) {
                Callable<Integer> call = () -> {
                    start.await();
                    return act(t, id, "sign-off", with("version", v, "opinion", "同时审核")).andReturn().getResponse().getStatus();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        long signOffs = jdbc.sql("select count(*) from hz_transition where hazard_id = :h and action = 'SIGN_OFF'")
                .param("h", id).query(Long.class).single();
        assertThat(signOffs).isEqualTo(1);
    }

    @Test
    void overdueBeginsAtMidnightShanghaiTimeAndIsEscalated() throws Exception {
        UUID id = reported(coalClause(12));
        String safety = token("qiye");
        LocalDate deadline = today().plusDays(3);
        act(safety, id, "plan", plan(version(safety, id), deadline)).andExpect(status().isOk());
        // one second before midnight on the deadline day (15:59:59 UTC): still in time
        clock.set(ZonedDateTime.of(deadline.atTime(23, 59, 59), SHANGHAI).toInstant());
        service.markOverdue();
        assertThat(overdue(id)).isFalse();
        // midnight in Shanghai, still the deadline day in UTC: overdue
        Instant midnight = ZonedDateTime.of(deadline.plusDays(1).atStartOfDay(), SHANGHAI).toInstant();
        assertThat(midnight.atZone(ZoneId.of("UTC")).toLocalDate()).isEqualTo(deadline);
        clock.set(midnight);
        service.markOverdue();
        assertThat(overdue(id)).isTrue();
        JsonNode hazard = detail(token("city"), id).get("hazard");
        assertThat(hazard.get("escalatedTo").asString()).contains("市级");
        assertThat(hazard.get("overdueSince").asString()).isEqualTo(deadline.plusDays(1).toString());
        // running again changes nothing
        int steps = hazard.get("timeline").size();
        service.markOverdue();
        assertThat(detail(token("city"), id).get("hazard").get("timeline").size()).isEqualTo(steps);
        // the overdue list answers the filter
        JsonNode list = json(mvc.perform(auth(get("/api/v1/hazards").param("overdue", "true").param("size", "200"), token("zezhou")))
                .andReturn().getResponse().getContentAsString());
        assertThat(list.get("rows").findValuesAsString("id")).contains(id.toString());
    }

    @Test
    void aSignOffRequestNotReviewedInTimeIsEscalatedOnce() throws Exception {
        UUID id = awaitingSignOff(coalClause(15));
        JsonNode hazard = detail(token("city"), id).get("hazard");
        LocalDate due = LocalDate.parse(hazard.get("reviewDueOn").asString());
        // a coal mine under partial shutdown: 20 days for the resumption acceptance (煤矿安全生产条例 第四十八条)
        assertThat(due).isEqualTo(today().plusDays(20));
        assertThat(hazard.get("reviewOverdue").asBoolean()).isFalse();

        clock.set(ZonedDateTime.of(due.atTime(23, 59, 59), SHANGHAI).toInstant());
        service.markOverdue();
        assertThat(detail(token("city"), id).get("hazard").get("reviewOverdue").asBoolean()).isFalse();

        clock.set(ZonedDateTime.of(due.plusDays(1).atStartOfDay(), SHANGHAI).toInstant());
        service.markOverdue();
        hazard = detail(token("city"), id).get("hazard");
        assertThat(hazard.get("reviewOverdue").asBoolean()).isTrue();
        assertThat(hazard.get("row").get("status").asString()).isEqualTo("SIGN_OFF_REQUESTED");
        JsonNode last = hazard.get("timeline").get(hazard.get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("MARK_REVIEW_OVERDUE");
        assertThat(last.get("reason").asString()).contains(due.toString()).contains("升级至").startsWith("复产验收期限");
        int steps = hazard.get("timeline").size();
        service.markOverdue();
        assertThat(detail(token("city"), id).get("hazard").get("timeline").size()).as("once").isEqualTo(steps);

        // the reviewers and the level above them are told, once
        for (String who : List.of("zezhou-nengyuan", "city")) {
            UUID user = jdbc.sql("select id from idn_user where username = :u").param("u", who).query(UUID.class).single();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                    "select count(*) from ntf_message where recipient_user_id = :u and source_key = :k")
                    .param("u", user).param("k", "hazard-review-overdue:" + id + ":" + due).query(Long.class).single()).isEqualTo(1));
        }

        // the review, late, still signs it off, and clears the flag
        String reviewer = token("zezhou-nengyuan");
        act(reviewer, id, "sign-off", with("version", version(reviewer, id), "opinion", "现场审核合格（逾期）"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED_OFF"));
        assertThat(detail(token("city"), id).get("hazard").get("reviewOverdue").asBoolean()).isFalse();
    }

    private boolean overdue(UUID id) {
        return jdbc.sql("select overdue from hz_hazard where id = :id").param("id", id).query(Boolean.class).single();
    }

    @Test
    void attachmentsMustBeImagesOrPdfOfLimitedSizeAndAreDownloadedOnlyInScope() throws Exception {
        UUID id = reported(coalClause(13));
        String safety = token("qiye");
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        mvc.perform(multipart("/api/v1/hazards/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "照片.jpg", "image/jpeg", exe)).header("Authorization", "Bearer " + safety))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.code").value("ATTACHMENT_TYPE_NOT_ALLOWED"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(new byte[]{'%', 'P', 'D', 'F', '-', '1', '.', '7'}, 0, big, 0, 8);
        mvc.perform(multipart("/api/v1/hazards/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "报告.pdf", "application/pdf", big)).header("Authorization", "Bearer " + safety))
                .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.code").value("ATTACHMENT_TOO_LARGE"));
        assertThat(jdbc.sql("select count(*) from hz_attachment where hazard_id = :h").param("h", id).query(Long.class).single()).isZero();
        byte[] pdf = "%PDF-1.7\n%zhiben test\n".getBytes();
        JsonNode stored = json(mvc.perform(multipart("/api/v1/hazards/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "../../评估报告.pdf", "text/plain", pdf)).header("Authorization", "Bearer " + safety))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.fileName").value("评估报告.pdf"))
                .andReturn().getResponse().getContentAsString());
        String attachment = stored.get("id").asString();
        mvc.perform(auth(get("/api/v1/hazards/attachments/" + attachment), token("zezhou")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().bytes(pdf))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
        mvc.perform(auth(get("/api/v1/hazards/attachments/" + attachment), token("gaoping"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ATTACHMENT_NOT_FOUND"));
    }

    @Test
    void generalHazardIsFixedOnTheSpotOrClosedAndReopenedBySpotCheck() throws Exception {
        String safety = token("qiye");
        var body = majorSelfReport(coalMine(), coalClause(14));
        body.put("grade", "GENERAL");
        body.remove("clauseId");
        body.put("fixedOnSpot", true);
        create(safety, body).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CLOSED"));
        body.put("fixedOnSpot", false);
        body.put("deadline", today().plusDays(5).toString());
        UUID id = UUID.fromString(json(create(safety, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RECTIFYING")).andReturn().getResponse().getContentAsString()).get("id").asString());
        act(safety, id, "complete", with("version", version(safety, id), "summary", "已整改")).andExpect(jsonPath("$.status").value("CLOSED"));
        String township = token("nancun");
        // 南村镇 does not cover the mine in 巴公镇: not found
        act(township, id, "reopen", with("version", version(safety, id), "reason", "抽查", "deadline", today().plusDays(3).toString()))
                .andExpect(status().isNotFound());
        String county = token("zezhou-yingji");
        act(county, id, "reopen", with("version", version(county, id), "reason", "抽查发现仍未整改", "deadline", today().plusDays(3).toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECTIFYING"));
    }
}
