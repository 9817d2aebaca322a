package cn.zhiben.hazards;

import cn.zhiben.hazards.internal.reports.ReportFigures;
import cn.zhiben.hazards.internal.reports.ReportFiguresQuery;
import cn.zhiben.hazards.internal.reports.ReportPeriod;
import cn.zhiben.hazards.internal.reports.ReportReminders;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 8, enterprise reports (令第16号 Art. 14): figures from the enterprise's own hazards as they stood in the period,
 * prepared by the safety department and signed only by the principal, due on the 15th (Asia/Shanghai), submissions and
 * the late list in each supervisor's scope, reminders once each before the due date.
 */
class EnterpriseReportIntegrationTests extends HazardRecordsTestSupport {

    @Autowired
    ReportFiguresQuery figures;
    @Autowired
    ReportReminders reminders;

    JsonNode prepare(String user, String period, int expected) throws Exception {
        return json(mvc.perform(auth(post("/api/v1/hazard-reports"), token(user)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(with("period", period, "analysis", "本期隐患排查治理总体受控，重点是通风和供电。"))))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString());
    }

    JsonNode verb(String user, String id, String verb, Object body, int expected) throws Exception {
        return json(mvc.perform(auth(post("/api/v1/hazard-reports/" + id + "/" + verb), token(user))
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString());
    }

    JsonNode get200(String user, String path) throws Exception {
        return json(mvc.perform(auth(get(path), token(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    static List<String> names(JsonNode entries) {
        List<String> out = new ArrayList<>();
        // demo enterprises carry the mark （演示）
        entries.forEach(e -> out.add(e.get("enterpriseName").asString().replace("（演示）", "")));
        return out;
    }

    @Test
    void theFiguresAreTheEnterprisesOwnHazardsAsTheyStoodAtThePeriodsEnd() throws Exception {
        UUID mine = newMine();
        upload("city", workbook(ledger(uscc(mine))), false).andExpect(status().isCreated());

        ReportFigures year2023 = figures.figures(mine, ReportPeriod.year(2023));
        assertThat(List.of(year2023.found(), year2023.foundMajor(), year2023.foundBySelf(), year2023.foundByOthers(),
                year2023.signedOffMajor(), year2023.foundAndRectified(), year2023.openMajor())).containsExactly(2L, 2L, 1L, 1L, 0L, 0L, 2L);
        assertThat(year2023.majors()).extracting(ReportFigures.Major::statusAtEnd).containsExactly("整改中", "整改中");

        ReportFigures q1of2024 = figures.figures(mine, ReportPeriod.quarter(2024, 1));
        assertThat(q1of2024.found()).isZero();
        assertThat(q1of2024.signedOffMajor()).isEqualTo(1);
        assertThat(q1of2024.openMajor()).isEqualTo(1);
        assertThat(q1of2024.majors()).extracting(ReportFigures.Major::foundOn).extracting(Object::toString)
                .containsExactly("2023-05-10", "2023-11-02");
        assertThat(q1of2024.majors().get(0).statusAtEnd()).isEqualTo("已销号");
        assertThat(q1of2024.majors().get(0).closedAtEnd()).isTrue();

        ReportFigures q2of2025 = figures.figures(mine, ReportPeriod.quarter(2025, 2));
        assertThat(List.of(q2of2025.found(), q2of2025.foundGeneral(), q2of2025.closedGeneral(), q2of2025.foundAndRectified(),
                q2of2025.openGeneral(), q2of2025.openMajor())).containsExactly(1L, 1L, 1L, 1L, 0L, 1L);
        assertThat(q2of2025.rectificationRate()).isEqualTo(100.0);
        assertThat(q2of2025.majors()).extracting(ReportFigures.Major::foundOn).extracting(Object::toString).containsExactly("2023-11-02");
    }

    @Test
    void theSafetyDepartmentPreparesAndOnlyThePrincipalSigns() throws Exception {
        clock.set(Instant.parse("2027-01-10T02:00:00Z"));
        prepare("qiye-fzr", "2026Q4", 403);
        prepare("qiye", "2027Q1", 422);
        prepare("qiye", "2026Q2", 400);
        JsonNode r = prepare("qiye", "2026Q4", 201);
        String id = r.get("id").asString();
        assertThat(r.get("status").asString()).isEqualTo("PREPARED");
        assertThat(r.get("dueOn").asString()).isEqualTo("2027-01-15");
        assertThat(r.get("availableActions").toString()).isEqualTo("[\"PREPARE\"]");

        verb("qiye", id, "sign", with("version", r.get("version").asInt()), 403);
        verb("zezhou", id, "sign", with("version", r.get("version").asInt()), 404);
        verb("qiye-huagong-fzr", id, "sign", with("version", r.get("version").asInt()), 404);
        // a draft is the enterprise's own: the county does not see it yet
        mvc.perform(auth(get("/api/v1/hazard-reports/" + id), token("zezhou"))).andExpect(status().isNotFound());
        JsonNode seen = get200("qiye-fzr", "/api/v1/hazard-reports/" + id);
        assertThat(seen.get("availableActions").toString()).isEqualTo("[\"SIGN\",\"RETURN\"]");

        JsonNode signed = verb("qiye-fzr", id, "sign", with("version", seen.get("version").asInt()), 200);
        assertThat(signed.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(signed.get("late").asBoolean()).isFalse();
        assertThat(signed.get("contentSha256").asString()).hasSize(64);
        prepare("qiye", "2026Q4", 409);

        byte[] pdf = mvc.perform(auth(get("/api/v1/hazard-reports/" + id + "/pdf"), token("zezhou"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        assertThat(text.toString()).contains("2026年第四季度事故隐患排查治理统计分析报告", "泽州示范巴公煤业", "按期报送",
                "主要负责人签署", signed.get("signedBy").asString(), "本期隐患排查治理总体受控", signed.get("contentSha256").asString());
        mvc.perform(auth(get("/api/v1/hazard-reports/" + id), token("gaoping"))).andExpect(status().isNotFound());
    }

    @Test
    void thePrincipalMayReturnAReportWhichIsThenPreparedAgain() throws Exception {
        clock.set(Instant.parse("2027-01-20T02:00:00Z"));
        JsonNode r = prepare("qiye", "2026", 201);
        String id = r.get("id").asString();
        verb("qiye-fzr", id, "return", with("version", r.get("version").asInt(), "reason", ""), 400);
        JsonNode returned = verb("qiye-fzr", id, "return", with("version", r.get("version").asInt(), "reason", "重大隐患整改情况写得不具体"), 200);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        verb("qiye-fzr", id, "sign", with("version", returned.get("version").asInt()), 409);
        JsonNode again = prepare("qiye", "2026", 201);
        assertThat(again.get("id").asString()).isEqualTo(id);
        assertThat(again.get("status").asString()).isEqualTo("PREPARED");
        assertThat(again.get("steps").findValuesAsString("action")).containsExactly("PREPARE", "RETURN", "PREPARE");
        assertThat(verb("qiye-fzr", id, "sign", with("version", again.get("version").asInt()), 200).get("status").asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void aReportSignedOnTheFifteenthIsOnTimeOnTheSixteenthLateAndTheLateListKeepsToEachScope() throws Exception {
        clock.set(Instant.parse("2027-10-15T15:30:00Z")); // 23:30 on 15 October in Asia/Shanghai
        JsonNode bagong = prepare("qiye", "2027Q3", 201);
        verb("qiye-fzr", bagong.get("id").asString(), "sign", with("version", bagong.get("version").asInt()), 200);
        clock.set(Instant.parse("2027-10-15T16:30:00Z")); // 00:30 on 16 October
        JsonNode chemical = prepare("qiye-huagong", "2027Q3", 201);
        JsonNode lateOne = verb("qiye-huagong-fzr", chemical.get("id").asString(), "sign", with("version", chemical.get("version").asInt()), 200);
        assertThat(lateOne.get("late").asBoolean()).isTrue();

        clock.set(Instant.parse("2027-12-01T02:00:00Z"));
        JsonNode city = get200("city", "/api/v1/hazard-reports/overview?period=2027Q3&region=140525108");
        assertThat(city.get("dueOn").asString()).isEqualTo("2027-10-15");
        assertThat(names(city.get("submitted"))).contains("泽州示范巴公煤业有限公司", "晋城示范煤化工有限公司");
        assertThat(names(city.get("late"))).contains("晋城示范煤化工有限公司").doesNotContain("泽州示范巴公煤业有限公司");
        assertThat(city.get("submittedOnTime").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(city.get("submittedLate").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode sizhuang = get200("city", "/api/v1/hazard-reports/overview?period=2027Q3&region=140581109");
        assertThat(names(sizhuang.get("late"))).contains("高平示范寺庄煤业有限公司");
        // a closed enterprise owes no report
        JsonNode dayang = get200("city", "/api/v1/hazard-reports/overview?period=2027Q3&region=140525109");
        assertThat(names(dayang.get("late"))).doesNotContain("泽州示范大阳煤业有限公司");

        // every list keeps to the account's own region
        for (String[] account : new String[][]{{"zezhou", "140525"}, {"gaoping", "140581"}, {"nancun", "140525100"}}) {
            JsonNode o = get200(account[0], "/api/v1/hazard-reports/overview?period=2027Q3");
            for (String list : List.of("submitted", "late", "pending")) {
                o.get(list).forEach(e -> assertThat(e.get("regionCode").asString()).startsWith(account[1]));
            }
            assertThat(o.get("obliged").asInt()).isPositive();
        }
        assertThat(names(get200("zezhou", "/api/v1/hazard-reports/overview?period=2027Q3&region=140525108").get("late")))
                .contains("晋城示范煤化工有限公司");
        assertThat(names(get200("gaoping", "/api/v1/hazard-reports/overview?period=2027Q3").get("submitted"))).isEmpty();
        // a region outside the scope narrows to nothing
        assertThat(get200("gaoping", "/api/v1/hazard-reports/overview?period=2027Q3&region=140525108").get("obliged").asInt()).isZero();
        mvc.perform(auth(get("/api/v1/hazard-reports/overview?period=2027Q3"), token("qiye"))).andExpect(status().isForbidden());
        mvc.perform(auth(get("/api/v1/hazard-reports/overview?period=2027Q3"), token("zhuanjia"))).andExpect(status().isForbidden());

        // the enterprise's own list says the same
        JsonNode own = get200("qiye-huagong", "/api/v1/hazard-reports");
        assertThat(own.findValuesAsString("period")).contains("2027Q3");
        own.forEach(p -> {
            if (p.get("period").asString().equals("2027Q3")) {
                assertThat(p.get("status").asString()).isEqualTo("SUBMITTED");
                assertThat(p.get("late").asBoolean()).isTrue();
            }
        });
    }

    long inbox(String username, String titlePart) {
        return jdbc.sql("""
                select count(*) from ntf_message m join idn_user u on u.id = m.recipient_user_id
                where u.username = :u and m.category = 'HAZARD_REPORT_DUE' and m.title like :t""")
                .param("u", username).param("t", "%" + titlePart + "%").query(Long.class).single();
    }

    @Test
    void anEnterpriseThatHasNotSubmittedIsRemindedOnceOnEachReminderDay() throws Exception {
        clock.set(Instant.parse("2027-04-08T01:00:00Z")); // 7 days before 15 April
        reminders.remind();
        assertThat(reminders.remind()).isZero();
        awaitInbox("qiye", "2027年第一季度", 1);
        assertThat(inbox("qiye-fzr", "7 天后到期：2027年第一季度")).isEqualTo(1);
        awaitInbox("qiye-huagong", "2027年第一季度", 1);

        clock.set(Instant.parse("2027-04-09T01:00:00Z"));
        JsonNode r = prepare("qiye-huagong", "2027Q1", 201);
        verb("qiye-huagong-fzr", r.get("id").asString(), "sign", with("version", r.get("version").asInt()), 200);
        assertThat(reminders.remind()).isZero();

        clock.set(Instant.parse("2027-04-14T01:00:00Z")); // the day before
        assertThat(reminders.remind()).isPositive();
        awaitInbox("qiye", "明天到期：2027年第一季度", 1);
        assertThat(inbox("qiye", "2027年第一季度")).isEqualTo(2);
        assertThat(inbox("qiye-huagong", "2027年第一季度")).isEqualTo(1);
        clock.set(Instant.parse("2027-04-16T01:00:00Z"));
        assertThat(reminders.remind()).isZero();
    }

    /** The inbox is written by the notifications module after the reminder's transaction, asynchronously. */
    void awaitInbox(String username, String titlePart, long expected) throws InterruptedException {
        for (int i = 0; i < 100 && inbox(username, titlePart) < expected; i++) {
            Thread.sleep(100);
        }
        assertThat(inbox(username, titlePart)).isEqualTo(expected);
    }

    @Test
    void thePagesOfferWhatTheUserMayDo() throws Exception {
        clock.set(Instant.parse("2027-07-05T02:00:00Z"));
        var safety = login("qiye");
        String own = mvc.perform(get("/hazard-reports").session(safety)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(own).contains("2027年第二季度", "编制", "期限日期待核实");
        String form = mvc.perform(get("/hazard-reports/new?period=2027Q2").session(safety)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("本期排查发现隐患", "提交主要负责人签署");
        String location = mvc.perform(post("/hazard-reports").session(safety).with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("period", "2027Q2").param("analysis", "二季度隐患均已按期整改。"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String asSafety = mvc.perform(get(location).session(safety)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asSafety).contains("待主要负责人签署").doesNotContain("签署并报送");
        var principal = login("qiye-fzr");
        String asPrincipal = mvc.perform(get(location).session(principal)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asPrincipal).contains("签署并报送", "退回安全管理部门修改");
        mvc.perform(post(location + "/sign").session(principal).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("version", "0")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(location).session(principal)).andReturn().getResponse().getContentAsString())
                .contains("已签署报送", "下载 PDF");
        String overview = mvc.perform(get("/hazard-reports?period=2027Q2").session(login("zezhou"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(overview).contains("逾期名单", "泽州示范巴公煤业有限公司", "应报送企业");
    }
}
