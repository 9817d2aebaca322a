package cn.zhiben.people.internal;

import cn.zhiben.people.ResidentIdNumber;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The people module end to end over the API: personal data masked in every list and audit summary, scope by enterprise,
 * county and unit (404 outside), bad input refused with nothing stored, a dispatched worker underground flagged,
 * certificate reminders 60/30/7 days ahead each sent once with a moved clock, the expiry a finding, 三违 return refused
 * without a passed exam, and the demo data's coverage gaps.
 */
class PeopleIntegrationTests extends IntegrationTest {

    @Autowired
    CertificateReminderJob job;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    /** A fresh valid ID number of 泽州县 (random birth date and sequence: tests share one database). */
    private static String idNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1960 + r.nextInt(40), 1, 1).plusDays(r.nextInt(365));
        return ResidentIdNumber.complete("140525" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000)));
    }

    private JsonNode call(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                          int status) throws Exception {
        MvcResult r = mvc.perform(request.header("Authorization", "Bearer " + token(user))).andReturn();
        String body = r.getResponse().getContentAsString();
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(status);
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    private String raw(String user, String path) throws Exception {
        MvcResult r = mvc.perform(get(path).header("Authorization", "Bearer " + token(user))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    private JsonNode postJson(String user, String path, String json, int status) throws Exception {
        return call(user, post(path).contentType(MediaType.APPLICATION_JSON).content(json), status);
    }

    @Test
    void theRegisterExportIsNamedForTheBusinessDayOfThePlatformClock() throws Exception {
        String qiye = token("qiye");
        clock.advance(java.time.Duration.ofDays(-400));
        MvcResult xlsx = mvc.perform(get("/api/v1/people/register.xlsx").header("Authorization", "Bearer " + qiye)).andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        assertThat(xlsx.getResponse().getHeader("Content-Disposition")).contains(today().toString());
    }

    private record Registered(String personId, String employmentId, String idNumber, String mobile) {
    }

    private Registered registerAtBagong(String name, String roles, String type, String postKind, String operation) throws Exception {
        String id = idNumber();
        String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String employment = postJson("qiye", "/api/v1/people/persons", """
                {"name":"%s","idNumber":"%s","mobile":"%s","roles":[%s],"employmentType":"%s","post":"井下","postKind":"%s",
                 "operationType":%s,"startedOn":"%s"}""".formatted(name, id, mobile, roles, type, postKind,
                operation == null ? "null" : "\"" + operation + "\"", today().minusYears(2)), 201).get("id").asString();
        String person = jdbc.sql("select person_id from ppl_employment where id = :id").param("id", UUID.fromString(employment))
                .query(UUID.class).single().toString();
        return new Registered(person, employment, id, mobile);
    }

    @Test
    void personalDataNeverAppearsUnmaskedInListsDetailsOrAuditSummaries() throws Exception {
        Registered r = registerAtBagong("测试掩码", "\"SPECIAL_OPERATOR\"", "OWN", "COAL_UNDERGROUND", "SO_COAL_MINE");
        postJson("qiye", "/api/v1/people/certificates", """
                {"personId":"%s","typeCode":"SO_COAL_MINE","number":"T%s","issuer":"晋城市应急管理局","issuedOn":"%s"}"""
                .formatted(r.personId(), r.idNumber(), today().minusYears(1)), 201);
        String idTail = r.idNumber().substring(r.idNumber().length() - 4);
        String training = postJson("qiye", "/api/v1/people/trainings", """
                {"title":"测试签到","topics":["LAWS"],"startsOn":"%s","days":1,"attendees":[{"personId":"%s","score":90}]}"""
                .formatted(today(), r.personId()), 201).get("id").asString();
        assertThat(call("qiye", get("/api/v1/people/trainings/" + training), 200).get("attendees").toString()).contains("测试掩码");
        call("qiye-huagong", get("/api/v1/people/trainings/" + training), 404);
        for (String path : List.of("/api/v1/people/trainings/" + training,"/api/v1/people/register?keyword=测试掩码", "/api/v1/people/persons/" + r.personId(),
                "/api/v1/people/certificates?filter=ALL", "/api/v1/people/findings", "/api/v1/people/coverage")) {
            String body = raw("qiye", path);
            assertThat(body).as(path).doesNotContain(r.idNumber()).doesNotContain(r.mobile())
                    .doesNotContain(r.idNumber().substring(6, 14)); // not even the birth date
        }
        assertThat(raw("qiye", "/api/v1/people/register?keyword=测试掩码")).contains(idTail);
        // the export: masked numbers only
        MvcResult xlsx = mvc.perform(get("/api/v1/people/register.xlsx").param("keyword", "测试掩码")
                .header("Authorization", "Bearer " + token("qiye"))).andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        StringBuilder cells = new StringBuilder();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.append(cell.toString()).append('|')));
        }
        assertThat(cells.toString()).contains("测试掩码").contains(idTail).doesNotContain(r.idNumber()).doesNotContain(r.mobile())
                .doesNotContain(r.idNumber().substring(6, 14));
        List<String> audit = jdbc.sql("select coalesce(changes, '') || coalesce(detail, '') from audit_log where entity_type in "
                + "('person', 'employment', 'certificate') and occurred_at > now() - interval '10 minutes'").query(String.class).list();
        assertThat(audit).isNotEmpty().noneMatch(a -> a.contains(r.idNumber()) || a.contains(r.mobile()) || a.contains("测试掩码"));
        // the full numbers: only through the audited identity view
        JsonNode identity = call("qiye", get("/api/v1/people/persons/" + r.personId() + "/identity"), 200);
        assertThat(identity.get("idNumber").asString()).isEqualTo(r.idNumber());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'VIEW_PERSONAL_DATA' and entity_id = :id")
                .param("id", r.personId()).query(Long.class).single()).isEqualTo(1);
        // stored encrypted
        assertThat(jdbc.sql("select id_number_enc from ppl_person where id = :id").param("id", UUID.fromString(r.personId()))
                .query(String.class).single()).doesNotContain(r.idNumber());
    }

    @Test
    void aPersonIsSeenByTheEnterpriseItsCountyAndItsIndustrysUnitsAndIsMissingForEveryoneElse() throws Exception {
        Registered r = registerAtBagong("测试范围", "\"WORKER\"", "OWN", "GENERAL", null);
        String path = "/api/v1/people/persons/" + r.personId();
        for (String inside : List.of("qiye", "qiye-fzr", "zezhou", "zezhou-yingji", "nengyuan", "city")) {
            call(inside, get(path), 200);
        }
        for (String outside : List.of("qiye-huagong", "gaoping", "zhujian")) {
            call(outside, get(path), 404);
            assertThat(raw(outside, "/api/v1/people/register?keyword=测试范围")).contains("\"total\":0");
        }
        call("zhuanjia", post("/api/v1/people/persons").contentType(MediaType.APPLICATION_JSON).content("{}"), 403);
    }

    @Test
    void badInputIsRefusedWithItsReasonAndNothingIsStored() throws Exception {
        long before = jdbc.sql("select count(*) from ppl_person").query(Long.class).single();
        String bad = idNumber();
        bad = bad.substring(0, 17) + (bad.charAt(17) == '1' ? '2' : '1');
        JsonNode problem = postJson("qiye", "/api/v1/people/persons", """
                {"name":"测试校验","idNumber":"%s","roles":["WORKER"],"employmentType":"OWN","startedOn":"%s"}"""
                .formatted(bad, today()), 400);
        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.toString()).contains("校验码错误");
        postJson("qiye", "/api/v1/people/persons", """
                {"name":"测","idNumber":"%s","roles":["NOPE"],"employmentType":"HIRED","startedOn":"2999-01-01"}"""
                .formatted(idNumber()), 400);
        postJson("qiye", "/api/v1/people/trainings", """
                {"title":"测试","topics":["LAWS"],"startsOn":"%s","days":3,"attendees":[{"personId":"%s"}]}"""
                .formatted(today(), UUID.randomUUID()), 400);
        assertThat(jdbc.sql("select count(*) from ppl_person").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aDispatchedWorkerUndergroundInACoalMineIsFlaggedToTheDepartments() throws Exception {
        Registered r = registerAtBagong("测试派遣", "\"WORKER\"", "DISPATCHED", "COAL_UNDERGROUND", null);
        JsonNode entry = call("qiye", get("/api/v1/people/register?keyword=测试派遣"), 200).get("items").get(0);
        assertThat(entry.get("forbiddenPost").asString()).contains("煤矿井下岗位").contains("劳务派遣");
        JsonNode findings = call("zezhou-yingji", get("/api/v1/people/findings"), 200);
        assertThat(findings.toString()).contains(r.personId()).contains("FORBIDDEN_POST");
        assertThat(jdbc.sql("select count(*) from ntf_message where source_key = :k")
                .param("k", "people:forbidden-post:" + r.employmentId()).query(Long.class).single()).isPositive();
        // an own employee in the same post is not
        registerAtBagong("测试自有", "\"WORKER\"", "OWN", "COAL_UNDERGROUND", null);
        JsonNode own = call("qiye", get("/api/v1/people/register?keyword=测试自有"), 200).get("items").get(0);
        assertThat(own.get("forbiddenPost") == null || own.get("forbiddenPost").isNull()).isTrue();
    }

    private long notices(String certificateId, String stage) {
        return jdbc.sql("select count(*) from ntf_message where source_key like :k")
                .param("k", "people:certificate:" + certificateId + ":%:" + stage + "%").query(Long.class).single();
    }

    private void at(LocalDate day) {
        clock.set(ZonedDateTime.of(day.atTime(8, 0), PlatformConfiguration.ZONE).toInstant());
    }

    @Test
    void expiringCertificatesAreRemindedSixtyThirtyAndSevenDaysAheadEachOnceAndTheExpiryIsAFinding() throws Exception {
        Registered r = registerAtBagong("测试到期", "\"SPECIAL_OPERATOR\"", "OWN", "COAL_UNDERGROUND", "SO_COAL_MINE");
        LocalDate start = today();
        LocalDate deadline = start.plusDays(59);
        String certificate = postJson("qiye", "/api/v1/people/certificates", """
                {"personId":"%s","typeCode":"SO_COAL_MINE","number":"T%s","issuer":"晋城市应急管理局","issuedOn":"%s",
                 "validUntil":"%s","nextReviewOn":"%s"}""".formatted(r.personId(), r.idNumber(), deadline.minusYears(6),
                deadline, deadline), 201).get("id").asString();
        job.runFor(start.minusDays(2)); // 61 days ahead: nothing yet
        assertThat(notices(certificate, "D")).isZero();
        at(start);
        job.runFor(start);
        job.runFor(start);
        assertThat(notices(certificate, "D60")).isPositive();
        long sixty = notices(certificate, "D60");
        at(deadline.minusDays(45));
        job.runFor(deadline.minusDays(45));
        assertThat(notices(certificate, "D60")).isEqualTo(sixty);
        assertThat(notices(certificate, "D30")).isZero();
        at(deadline.minusDays(30));
        job.runFor(deadline.minusDays(30));
        job.runFor(deadline.minusDays(29));
        assertThat(notices(certificate, "D30")).isEqualTo(sixty);
        at(deadline.minusDays(7));
        job.runFor(deadline.minusDays(7));
        assertThat(notices(certificate, "D7")).isEqualTo(sixty);
        assertThat(jdbc.sql("select count(*) from ntf_sms where source_key like :k").param("k", "people:certificate:" + certificate + ":%")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(call("qiye", get("/api/v1/people/certificates/" + certificate), 200).get("certificate").get("status")
                .get("code").asString()).isEqualTo("EXPIRING");
        // the day after the deadline: expired, the enterprise told once, the supervising departments see a finding
        at(deadline.plusDays(1));
        job.runFor(deadline.plusDays(1));
        job.runFor(deadline.plusDays(2));
        assertThat(notices(certificate, "EXPIRED")).isPositive();
        long expired = jdbc.sql("select count(*) from ntf_message where source_key = :k")
                .param("k", "people:certificate:" + certificate + ":" + deadline + ":EXPIRED").query(Long.class).single();
        assertThat(expired).isEqualTo(sixty);
        assertThat(jdbc.sql("select count(*) from ntf_message where source_key = :k").param("k",
                "people:certificate:" + certificate + ":" + deadline + ":EXPIRED:" + r.employmentId()).query(Long.class).single()).isPositive();
        JsonNode findings = call("zezhou-yingji", get("/api/v1/people/findings"), 200);
        assertThat(findings.toString()).contains(r.personId()).contains("证书已过期");
        assertThat(call("qiye", get("/api/v1/people/certificates/" + certificate), 200).get("certificate").get("status")
                .get("code").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aViolatorIsOffThePostUntilTheExamIsPassed() throws Exception {
        Registered r = registerAtBagong("测试三违", "\"WORKER\"", "OWN", "COAL_UNDERGROUND", null);
        String id = postJson("qiye", "/api/v1/people/retraining", """
                {"employmentId":"%s","violationKind":"OPERATION","occurredOn":"%s","description":"未执行敲帮问顶"}"""
                .formatted(r.employmentId(), today()), 201).get("id").asString();
        assertThat(call("qiye", get("/api/v1/people/register?keyword=测试三违"), 200).get("items").get(0).get("offPost").asBoolean()).isTrue();
        JsonNode refused = postJson("qiye", "/api/v1/people/retraining/" + id + "/actions",
                "{\"action\":\"RETURN_TO_POST\",\"version\":0}", 409);
        assertThat(refused.get("code").asString()).isEqualTo("RETRAINING_EXAM_NOT_PASSED");
        postJson("qiye", "/api/v1/people/retraining/" + id + "/actions", "{\"action\":\"START_RETRAINING\",\"version\":0}", 200);
        postJson("qiye", "/api/v1/people/retraining/" + id + "/actions", "{\"action\":\"LOG_TRAINING\",\"hours\":8,\"version\":1}", 200);
        postJson("qiye", "/api/v1/people/retraining/" + id + "/actions", "{\"action\":\"EXAM\",\"score\":88,\"version\":2}", 200);
        postJson("qiye", "/api/v1/people/retraining/" + id + "/actions", "{\"action\":\"RETURN_TO_POST\",\"version\":3}", 200);
        JsonNode c = call("qiye", get("/api/v1/people/retraining/" + id), 200);
        assertThat(c.get("status").get("code").asString()).isEqualTo("RETURNED");
        assertThat(c.get("timeline")).hasSize(5);
        call("qiye-huagong", get("/api/v1/people/retraining/" + id), 404);
    }

    @Test
    void theCityOfficeSeesWhichMinePrincipalsOf2024AreMissingAndACountySeesOnlyItsOwn() throws Exception {
        JsonNode all = call("city", get("/api/v1/people/coverage?year=2024"), 200);
        JsonNode mines = null;
        for (JsonNode t : all) {
            if (t.get("target").get("code").asString().equals("2024-MINE-PRINCIPAL")) {
                mines = t;
            }
        }
        assertThat(mines).isNotNull();
        String missing = mines.get("missing").toString();
        assertThat(missing).contains("陈矿生").contains("培训天数不足").contains("喻寺平").contains("未参训").doesNotContain("严巴山");
        assertThat(mines.get("trained").asLong()).isPositive();
        assertThat(mines.get("percent").asInt()).isLessThan(100);
        assertThat(mines.get("met").asBoolean()).isFalse();
        JsonNode zezhou = call("zezhou", get("/api/v1/people/coverage?year=2024"), 200);
        assertThat(zezhou.toString()).doesNotContain("陈矿生").doesNotContain("喻寺平");
        JsonNode complexes = call("city", get("/api/v1/people/coverage?year=2026"), 200);
        assertThat(complexes.toString()).contains("钱文博");
    }

    @Test
    void theHomePageShowsThePeopleFiguresAndTheMenuTheirPages() throws Exception {
        for (String u : List.of("city", "zezhou-yingji", "qiye", "zhuanjia")) {
            MvcResult r = mvc.perform(get("/").session(login(u))).andReturn();
            assertThat(r.getResponse().getStatus()).isEqualTo(200);
            assertThat(r.getResponse().getContentAsString()).as(u).contains("人员问题线索").contains("/people/coverage");
        }
    }
}
