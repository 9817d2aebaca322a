package cn.zhiben.hazards;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A role's day in the pages (issue 10): the listing offers the departments of its level with the lead preselected (4),
 * sign-off ends the listing on the board (3), evidence goes with the report (8), every problem at once under one name
 * (10), the home card counts what the page lists (9), the city raises a county listing and reminds the county (14).
 */
class HazardWorkdayWebTests extends HazardPageTestSupport {

    @Test
    void aCountyListingOffersTheCountysDepartmentsWithTheLeadSupervisorPreselected() throws Exception {
        UUID id = reported(coalClause(91));
        MockHttpSession county = login("zezhou");
        String page = page(county, "/hazards/" + id);
        String form = between(page, "id=\"act-listing\"", "</form>");
        // the county's counterparts, named as the county's; the coal field's lead (能源局) first and selected
        assertThat(form).contains("泽州县能源局（牵头监管部门）").contains("泽州县应急管理局").contains("泽州县消防救援大队")
                .contains("class=\"select-filter\"").doesNotContain("市能源局").doesNotContain("市妇联")
                .doesNotContain("中国移动").doesNotContain("国家矿山安全监察局");
        Matcher selected = Pattern.compile("<option value=\"([0-9a-f-]{36})\"\\s+selected=\"selected\">泽州县能源局").matcher(form);
        assertThat(selected.find()).as("the lead preselected").isTrue();
        // a unit that is not a department of that level with supervisory duties is refused
        UUID women = jdbc.sql("select id from org_unit where name = '市妇联'").query(UUID.class).single();
        MvcResult refused = submit(county, id, "listing", "version", String.valueOf(pageVersion(county, id)),
                "documentNumber", unique("泽安办督"), "deadline", today().plusDays(30).toString(),
                "supervisingUnitId", women.toString());
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("督办单位须为县级负有安全生产监督管理职责的部门");
        MvcResult listed = submit(county, id, "listing", "version", String.valueOf(pageVersion(county, id)),
                "documentNumber", unique("泽安办督"), "deadline", today().plusDays(30).toString(),
                "supervisingUnitId", selected.group(1));
        assertThat(listed.getResponse().getRedirectedUrl()).isEqualTo("/hazards/" + id);
        assertThat(page(county, "/hazards/" + id)).contains("督办单位：<span>泽州县能源局</span>");
        // the city office lists at city level (or records a province listing) from the city's departments
        UUID other = reported(coalClause(92));
        String cityForm = between(page(login("city"), "/hazards/" + other), "id=\"act-listing\"", "</form>");
        assertThat(cityForm).contains("市能源局（牵头监管部门）").contains("省级挂牌督办（代省安委办登记）").doesNotContain("泽州县");
    }

    @Test
    void theCityRaisesACountyListingAndRemindsTheCountyOnTheTimeline() throws Exception {
        UUID id = reported(coalClause(93));
        String county = token("zezhou");
        act(county, id, "listing", with("version", version(county, id), "documentNumber", unique("泽安办督"),
                "deadline", today().plusDays(30).toString()));
        MockHttpSession city = login("city");
        assertThat(page(city, "/hazards/" + id)).contains("act-reminder").contains("act-listing-raise");
        assertThat(submit(city, id, "reminder", "version", String.valueOf(pageVersion(city, id)), "message", "请加快整改进度")
                .getResponse().getRedirectedUrl()).isEqualTo("/hazards/" + id);
        String document = unique("晋安办督");
        assertThat(submit(city, id, "listing-raise", "version", String.valueOf(pageVersion(city, id)), "level", "CITY",
                "documentNumber", document, "deadline", today().plusDays(20).toString()).getResponse().getRedirectedUrl())
                .isEqualTo("/hazards/" + id);
        String detail = page(city, "/hazards/" + id);
        assertThat(detail).contains("督办提醒").contains("请加快整改进度").contains("提级督办").contains("县级挂牌督办 → 市级挂牌督办")
                .contains(document);
        // the county office is told
        UUID zezhou = jdbc.sql("select id from idn_user where username = 'zezhou'").query(UUID.class).single();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from ntf_message where recipient_user_id = :u and category = 'HAZARD_REMINDER' and link = :l")
                .param("u", zezhou).param("l", "/hazards/" + id).query(Long.class).single() == 1);
        assertThat(page(login("gaoping"), "/hazards/listings")).contains(document).contains("提级督办");
    }

    @Test
    void signOffEndsTheListingAndTheBoardShowsTheEndOfSupervisionWithItsDate() throws Exception {
        UUID id = reported(coalClause(94));
        String county = token("zezhou");
        String document = unique("泽安办督");
        act(county, id, "listing", with("version", version(county, id), "documentNumber", document, "selfEvaluation", true,
                "deadline", today().plusDays(30).toString()));
        String safety = token("qiye");
        act(safety, id, "plan", plan(version(safety, id), today().plusDays(20)));
        act(safety, id, "complete", with("version", version(safety, id), "summary", "完成"));
        act(safety, id, "evaluation", with("version", version(safety, id), "kind", "SELF", "conclusion", "合格",
                "evaluatedOn", today().toString(), "experts", "技术科 王某；专家 李某"));
        act(safety, id, "sign-off-request", with("version", version(safety, id)));
        String lead = token("zezhou-nengyuan");
        act(lead, id, "sign-off", with("version", version(lead, id), "opinion", "复产验收合格"));
        MockHttpSession office = login("zezhou");
        String awaiting = page(office, "/hazards/" + id);
        assertThat(awaiting).contains("已审核待确认摘牌").contains("act-delisting-confirmation").doesNotContain("id=\"review-due\"");
        assertThat(page(office, "/hazards/inbox")).contains("待确认摘牌").contains(number(id));
        assertThat(submit(office, id, "delisting-confirmation", "version", String.valueOf(pageVersion(office, id)), "note", "督办结束")
                .getResponse().getRedirectedUrl()).isEqualTo("/hazards/" + id);
        String done = page(office, "/hazards/" + id);
        assertThat(done).contains("已销号").contains("督办结束").contains("确认摘牌（督办结束）")
                .doesNotContain("id=\"listing\"").doesNotContain("id=\"review-due\"");
        String board = page(login("gaoping"), "/hazards/listings");
        String row = between(board, number(id) + "</span>", "</tr>");
        assertThat(board).contains("督办结束（销号）");
        assertThat(row).contains("督办结束 " + today());
    }

    @Test
    void theReportFormTakesEvidenceAndShowsEveryProblemAtOnceUnderOneName() throws Exception {
        MockHttpSession safety = login("qiye");
        String form = page(safety, "/hazards/new");
        assertThat(form).contains("<h1>登记隐患</h1>").contains("name=\"evidence\"").contains("enctype=\"multipart/form-data\"")
                .contains("name=\"determination.opinion\"");
        assertThat(page(safety, "/")).contains(">登记隐患<");
        // nothing filled in: the texts and the clause are all named in one answer
        MvcResult refused = mvc.perform(multipart("/hazards").session(safety).with(csrf()).param("grade", "MAJOR")
                .param("foundOn", today().toString())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        String body = refused.getResponse().getContentAsString();
        assertThat(body).contains("请填写隐患描述").contains("请填写隐患部位").contains("请填写发现人")
                .contains("重大事故隐患须引用判定标准条款");
        // with a photo: it is stored as the finding's evidence, in the same step
        String marker = unique("现场取证");
        MvcResult created = mvc.perform(multipart("/hazards").session(safety).with(csrf())
                .file(new MockMultipartFile("evidence", "现场.png", "image/png", HazardLifecycleIntegrationTests.PNG))
                .param("grade", "MAJOR").param("basis", "CLAUSE").param("clauseId", coalClause(95).toString())
                .param("description", marker).param("location", "3105 工作面").param("foundOn", today().toString())
                .param("foundBy", "安全科 张工").param("shutdown", "NONE")).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/hazards/");
        UUID id = UUID.fromString(location.substring("/hazards/".length()));
        assertThat(jdbc.sql("select stage from hz_attachment where hazard_id = :h").param("h", id).query(String.class).list())
                .containsExactly("FOUND");
        String detail = page(safety, location);
        assertThat(detail).contains("现场.png").contains("发现取证");
        // the upload form's category follows the state: before rectification, the finding
        assertThat(between(detail, "name=\"stage\"", "</select>")).containsPattern("value=\"FOUND\"\\s+selected");
        // a refused upload with the report stores nothing
        long before = jdbc.sql("select count(*) from hz_hazard").query(Long.class).single();
        MvcResult bad = mvc.perform(multipart("/hazards").session(safety).with(csrf())
                .file(new MockMultipartFile("evidence", "tool.exe", "application/octet-stream",
                        new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0}))
                .param("grade", "MAJOR").param("clauseId", coalClause(96).toString())
                .param("description", unique("坏文件")).param("location", "井口").param("foundOn", today().toString())
                .param("foundBy", "安全科")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(415);
        assertThat(jdbc.sql("select count(*) from hz_hazard").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theHomeCardCountsWhatTheInboxPageListsEachHazardOnce() throws Exception {
        UUID listed = reported(coalClause(97));
        String county = token("zezhou");
        act(county, listed, "listing", with("version", version(county, listed), "documentNumber", unique("泽安办督"),
                "deadline", today().plusDays(20).toString()));
        String safety = token("qiye");
        act(safety, listed, "plan", plan(version(safety, listed), today().plusDays(15)));
        act(safety, listed, "extension-request", with("version", version(safety, listed),
                "deadline", today().plusDays(40).toString(), "reason", "设备供货"));
        MockHttpSession office = login("zezhou");
        String home = page(office, "/");
        Matcher card = Pattern.compile("card-value\">(\\d+)</span>\\s*<span class=\"card-label\">待我处理<").matcher(home);
        assertThat(card.find()).as("the 待我处理 card").isTrue();
        String inbox = page(office, "/hazards/inbox");
        Matcher total = Pattern.compile("（(\\d+) 项）").matcher(inbox);
        assertThat(total.find()).isTrue();
        assertThat(total.group(1)).isEqualTo(card.group(1));
        // the hazard waits for two things and still counts once
        assertThat(inbox.split(number(listed), -1).length - 1).isEqualTo(2);
    }

    private static String between(String html, String from, String to) {
        int a = html.indexOf(from);
        assertThat(a).as("'" + from + "' on the page").isGreaterThanOrEqualTo(0);
        int b = html.indexOf(to, a + from.length());
        return b < 0 ? html.substring(a) : html.substring(a, b);
    }
}
