package cn.zhiben.hazards;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The hazard pages with a real form-login session: list, detail, forms, attachments, export, inbox, board. */
class HazardPagesWebTests extends HazardPageTestSupport {

    static final String MARKUP = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    static final String MARKUP_ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";
    static final byte[] PNG = HazardLifecycleIntegrationTests.PNG;

    @Test
    void listRendersFiltersByTheUrlAndAnswersHtmxWithTheResultsOnly() throws Exception {
        UUID id = selfReported(coalClause(21), unique("清单筛选"));
        String number = number(id);
        MockHttpSession zezhou = login("zezhou");

        String html = page(zezhou, "/hazards?keyword=" + number);
        assertThat(html).contains("<html").contains(number).contains("id=\"total\">1<")
                .contains("hx-get=\"/hazards\"").contains("hx-push-url=\"true\"")
                .contains("待安全管理部门确认").contains("重大")
                // names, not codes
                .contains("泽州县巴公镇").contains("煤矿")
                .contains("/hazards/export.xlsx?keyword=" + number);
        // a county office chooses among its own townships only
        assertThat(html).contains("value=\"140525100\"").doesNotContain("value=\"140581").doesNotContain("value=\"140525\"");

        String fragment = mvc.perform(get("/hazards").param("keyword", number).header("HX-Request", "true").session(zezhou))
                .andExpect(status().isOk()).andExpect(header().string("Vary", "HX-Request"))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").contains("id=\"results\"").contains(number);

        // every filter narrows the same list: grade, several statuses, listing, channel, stock, dates, region, industry
        assertThat(page(zezhou, "/hazards?keyword=" + number + "&grade=GENERAL")).doesNotContain(">" + number + "<");
        assertThat(page(zezhou, "/hazards?keyword=" + number + "&status=REPORTED&status=PENDING_DEPARTMENT_CONFIRMATION"))
                .contains(">" + number + "<");
        assertThat(page(zezhou, "/hazards?keyword=" + number + "&status=REPORTED")).doesNotContain(">" + number + "<");
        assertThat(page(zezhou, "/hazards?keyword=" + number + "&listed=true")).doesNotContain(">" + number + "<");
        assertThat(page(zezhou, "/hazards?keyword=" + number + "&listed=false&channel=SELF_INSPECTION&stock=false&overdue=false"
                + "&foundFrom=" + today().minusDays(3) + "&foundTo=" + today() + "&region=140525100&industry=mine"))
                .doesNotContain(">" + number + "<");
        assertThat(page(zezhou, "/hazards?keyword=" + number + "&listed=false&channel=SELF_INSPECTION&stock=false&overdue=false"
                + "&foundFrom=" + today().minusDays(3) + "&foundTo=" + today() + "&industry=mine&sort=DEADLINE_ASC"))
                .contains(">" + number + "<");
        assertThat(page(zezhou, "/hazards?keyword=" + number + "&stock=true")).doesNotContain(">" + number + "<");
        // a bad filter value is a 400 page, not a 500
        assertThat(open(zezhou, "/hazards?grade=HUGE").getResponse().getStatus()).isEqualTo(400);

        // another county's office does not find it at all
        assertThat(page(login("gaoping"), "/hazards?keyword=" + number)).doesNotContain(">" + number + "<").contains("id=\"total\">0<");
    }

    @Test
    void anotherCountysHazardIsANotFoundPageEverywhere() throws Exception {
        UUID id = selfReported(coalClause(22), unique("他县"));
        MockHttpSession gaoping = login("gaoping");
        MvcResult detail = open(gaoping, "/hazards/" + id);
        assertThat(detail.getResponse().getStatus()).isEqualTo(404);
        assertThat(detail.getResponse().getContentAsString()).contains("不在您的数据范围内").doesNotContain(number(id));
        MvcResult act = submit(gaoping, id, "listing", "version", "0", "documentNumber", "高安办督〔2026〕9号",
                "deadline", today().plusDays(9).toString());
        assertThat(act.getResponse().getStatus()).isEqualTo(404);
        // the enterprise of another county is not offered in the clause picker either
        String clauses = page(gaoping, "/hazards/new/clauses?enterpriseId=" + coalMine() + "&foundOn=" + today());
        assertThat(clauses).contains("企业不存在或不在您的数据范围内").doesNotContain("name=\"clauseId\"");
        // and another enterprise's account does not see it
        assertThat(open(login("qiye-huagong"), "/hazards/" + id).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theDetailOffersEachAccountOnlyTheFormsItMayUse() throws Exception {
        MockHttpSession safety = login("qiye");
        MockHttpSession principal = login("qiye-fzr");
        MockHttpSession countyUnit = login("zezhou-yingji");
        // the county department leading the coal field decides extensions and reviews (zezhou-yingji only co-operates)
        MockHttpSession lead = login("zezhou-nengyuan");
        MockHttpSession countyOffice = login("zezhou");
        UUID id = selfReported(coalClause(23), unique("表单"));

        // pending the department's confirmation
        assertThat(forms(safety, id)).contains("act-confirm-department", "act-attachments")
                .doesNotContain("act-confirm-principal", "act-plan", "act-listing", "act-sign-off");
        assertThat(forms(principal, id)).doesNotContain("act-confirm-department", "act-confirm-principal", "act-return");
        assertThat(forms(countyUnit, id)).doesNotContain("act-confirm-department", "act-listing", "act-sign-off", "act-extension-decision");
        assertThat(forms(countyOffice, id)).doesNotContain("act-confirm-department", "act-listing");

        // pending the principal's: only the principal confirms or returns it
        assertThat(submit(safety, id, "confirm-department", "version", String.valueOf(pageVersion(safety, id))).getResponse()
                .getRedirectedUrl()).isEqualTo("/hazards/" + id);
        assertThat(forms(principal, id)).contains("act-confirm-principal", "act-return").doesNotContain("act-confirm-department");
        assertThat(forms(safety, id)).doesNotContain("act-confirm-principal", "act-return", "act-confirm-department");

        // reported: the enterprise files the plan; the county office may list it; the county unit has nothing to decide
        submit(principal, id, "confirm-principal", "version", String.valueOf(pageVersion(principal, id)));
        assertThat(forms(safety, id)).contains("act-plan").doesNotContain("act-progress");
        assertThat(forms(principal, id)).contains("act-plan");
        assertThat(forms(countyOffice, id)).contains("act-listing").doesNotContain("act-plan", "act-delisting");
        assertThat(forms(countyUnit, id)).doesNotContain("act-plan", "act-listing", "act-sign-off");

        // rectifying with an extension asked: the enterprise reports progress, the supervisors decide the extension
        String safetyToken = token("qiye");
        act(safetyToken, id, "plan", plan(version(safetyToken, id), today().plusDays(20)));
        act(safetyToken, id, "extension-request", with("version", version(safetyToken, id),
                "deadline", today().plusDays(40).toString(), "reason", "设备到货延迟"));
        assertThat(forms(safety, id)).contains("act-progress", "act-complete").doesNotContain("act-extension-request", "act-extension-decision");
        assertThat(forms(lead, id)).contains("act-extension-decision").doesNotContain("act-progress", "act-complete");
        assertThat(forms(countyUnit, id)).doesNotContain("act-extension-decision");
        assertThat(forms(countyOffice, id)).contains("act-extension-decision", "act-listing");

        // awaiting sign-off: the county unit reviews; the enterprise waits
        act(safetyToken, id, "complete", with("version", version(safetyToken, id), "summary", "完成"));
        act(safetyToken, id, "evaluation", with("version", version(safetyToken, id), "kind", "SELF", "conclusion", "合格",
                "evaluatedOn", today().toString()));
        act(safetyToken, id, "sign-off-request", with("version", version(safetyToken, id)));
        assertThat(forms(lead, id)).contains("act-sign-off", "act-sign-off-rejection");
        assertThat(forms(countyUnit, id)).doesNotContain("act-sign-off", "act-sign-off-rejection");
        assertThat(forms(safety, id)).doesNotContain("act-sign-off", "act-sign-off-request", "act-evaluation");
        assertThat(forms(principal, id)).doesNotContain("act-sign-off");
    }

    /** The ids of the forms on the detail page. */
    private List<String> forms(MockHttpSession session, UUID id) throws Exception {
        String html = page(session, "/hazards/" + id);
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("<form[^>]*id=\"(act-[a-z-]+)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void aStaleFormIsRefusedWithA409AndKeepsWhatWasTyped() throws Exception {
        UUID id = reported(coalClause(24));
        MockHttpSession safety = login("qiye");
        int seen = pageVersion(safety, id);
        // someone else acts in between
        String other = token("qiye-fzr");
        act(other, id, "plan", plan(version(other, id), today().plusDays(15))).andExpect(status().isOk());

        String objectives = unique("目标任务");
        MvcResult r = submit(safety, id, "plan", "version", String.valueOf(seen), "objectives", objectives,
                "measures", "措施", "funding", "1000.50", "materials", "物资", "organisation", "机电科", "responsiblePerson", "李某",
                "deadline", today().plusDays(10).toString(), "safetyMeasures", "安全措施", "emergencyPlan", "预案",
                "interimMeasures", "临时措施");
        assertThat(r.getResponse().getStatus()).isEqualTo(409);
        assertThat(r.getResponse().getContentAsString()).contains("已被他人处理，请刷新");
        // the plan filed by the other account stands; nothing was overwritten
        assertThat(jdbc.sql("select count(*) from hz_plan where hazard_id = :h").param("h", id).query(Long.class).single()).isEqualTo(1);

        // an incomplete form keeps the input and says what is missing, next to the form
        int now = pageVersion(safety, id);
        String progress = unique("进展");
        MvcResult missing = submit(safety, id, "extension-request", "version", String.valueOf(now), "reason", progress);
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(missing.getResponse().getContentAsString()).contains("请填写延期后的期限").contains(progress);
    }

    @Test
    void markupInUserTextRendersAsTextInTheDetailAndTheList() throws Exception {
        // reported through the page's own form, as an enterprise would
        MockHttpSession safety = login("qiye");
        String marker = unique("转义");
        MvcResult created = mvc.perform(post("/hazards").session(safety).with(csrf())
                        .param("enterpriseId", coalMine().toString()).param("grade", "MAJOR")
                        .param("clauseId", coalClause(25).toString())
                        .param("description", marker + MARKUP).param("location", MARKUP)
                        .param("foundOn", today().toString()).param("foundBy", "安全员\"王\"").param("shutdown", "NONE"))
                .andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/hazards/");
        UUID id = UUID.fromString(location.substring("/hazards/".length()));
        String detail = page(safety, location);
        assertThat(detail).doesNotContain("<script>alert('x')").doesNotContain("<img src=x")
                .contains(marker + MARKUP_ESCAPED).contains("安全员&quot;王&quot;");
        assertThat(detail).contains("企业自查登记");

        String list = page(login("zezhou"), "/hazards?keyword=" + number(id));
        assertThat(list).doesNotContain("<script>alert('x')").doesNotContain("<img src=x").contains(marker + MARKUP_ESCAPED);
    }

    @Test
    void theReportFormFitsTheAccount() throws Exception {
        String enterprise = page(login("qiye"), "/hazards/new");
        assertThat(enterprise).contains("泽州示范巴公煤业").contains("企业自查").doesNotContain("name=\"channel\"")
                .contains("name=\"fixedOnSpot\"")
                // the clause picker is loaded for the own enterprise, grouped, with the unconfirmed ones marked
                .contains("name=\"clauseId\"").contains("clause-group");
        String county = page(login("zezhou-yingji"), "/hazards/new");
        assertThat(county).contains("name=\"channel\"").contains("value=\"SUPERVISION\"").contains("value=\"TIP_OFF\"")
                .contains("value=\"MONITORING\"").contains("value=\"ASSIGNED\"").doesNotContain("value=\"SELF_INSPECTION\"")
                .contains("hx-get=\"/org/enterprises/picker\"").doesNotContain("name=\"fixedOnSpot\"");
        String expert = page(login("zhuanjia"), "/hazards/new");
        assertThat(expert).contains("type=\"hidden\" name=\"channel\" value=\"EXPERT\"").doesNotContain("value=\"SUPERVISION\"");

        // the enterprise picker searches within the scope
        String picker = page(login("zezhou"), "/org/enterprises/picker?keyword=示范");
        assertThat(picker).contains("name=\"enterpriseId\"").contains("泽州示范巴公煤业").doesNotContain("高平示范");

        // a government registration of a general hazard with a deadline goes straight to rectification
        MockHttpSession inspector = login("zezhou-yingji");
        String marker = unique("检查发现");
        MvcResult r = mvc.perform(post("/hazards").session(inspector).with(csrf())
                        .param("enterpriseId", coalMine().toString()).param("channel", "SUPERVISION").param("grade", "GENERAL")
                        .param("description", marker).param("location", "井口").param("foundOn", today().toString())
                        .param("foundBy", "执法人员").param("deadline", today().plusDays(7).toString()))
                .andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).startsWith("/hazards/");
        assertThat(page(inspector, r.getResponse().getRedirectedUrl())).contains(marker).contains("整改中").contains("监管登记");

        // a refused report keeps what was typed
        MvcResult refused = mvc.perform(post("/hazards").session(inspector).with(csrf())
                        .param("enterpriseId", coalMine().toString()).param("channel", "SUPERVISION").param("grade", "MAJOR")
                        .param("description", marker + "无条款").param("location", "井口").param("foundOn", today().toString())
                        .param("foundBy", "执法人员"))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("重大事故隐患须引用判定标准条款").contains(marker + "无条款")
                .contains("泽州示范巴公煤业");
    }

    @Test
    void attachmentsAreUploadedFromThePageAndAnExecutableIsRefused() throws Exception {
        UUID id = reported(coalClause(26));
        MockHttpSession safety = login("qiye");
        MockMultipartFile exe = new MockMultipartFile("file", "tool.exe", "application/octet-stream",
                new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0});
        MvcResult refused = mvc.perform(multipart("/hazards/" + id + "/attachments").file(exe).param("stage", "PROGRESS")
                .session(safety).with(csrf())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(415);
        assertThat(refused.getResponse().getContentAsString()).contains("附件只能是图片（JPEG、PNG、WebP）或 PDF 文件")
                .contains("act-attachments");
        assertThat(jdbc.sql("select count(*) from hz_attachment where hazard_id = :h").param("h", id).query(Long.class).single()).isZero();

        MockMultipartFile png = new MockMultipartFile("file", "<img src=x onerror=alert(1)>现场.png", "image/png", PNG);
        mvc.perform(multipart("/hazards/" + id + "/attachments").file(png).param("stage", "PROGRESS").session(safety).with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID attachment = jdbc.sql("select id from hz_attachment where hazard_id = :h").param("h", id).query(UUID.class).single();
        String detail = page(safety, "/hazards/" + id);
        assertThat(detail).contains("&lt;img src=x onerror=alert(1)&gt;现场.png").doesNotContain("<img src=x").contains("整改过程")
                .contains("/hazards/attachments/" + attachment);
        // downloaded with the session, inside the scope only
        mvc.perform(get("/hazards/attachments/" + attachment).session(login("zezhou")))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-Type-Options", "nosniff"));
        assertThat(open(login("gaoping"), "/hazards/attachments/" + attachment).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theExportHasTheFilteredHazardsWithRegionAndIndustryNames() throws Exception {
        UUID id = selfReported(coalClause(27), unique("导出"));
        String number = number(id);
        MvcResult r = mvc.perform(get("/hazards/export.xlsx").param("keyword", number).session(login("zezhou")))
                .andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getContentType()).contains("spreadsheetml");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("所在地");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("行业领域");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(number);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("泽州县巴公镇");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("煤矿");
        }
        // another county's export does not contain it
        MvcResult other = mvc.perform(get("/hazards/export.xlsx").param("keyword", number).session(login("gaoping"))).andReturn();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(other.getResponse().getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isZero();
        }
    }

    @Test
    void theInboxGroupsWhatWaitsAndTheBadgeCountsUnreadMessages() throws Exception {
        UUID pending = selfReported(coalClause(28), unique("待确认"));
        String pendingNumber = number(pending);
        MockHttpSession safety = login("qiye");
        String inbox = page(safety, "/hazards/inbox");
        assertThat(section(inbox, "group-CONFIRMATION")).contains(pendingNumber);
        assertThat(page(login("qiye-fzr"), "/hazards/inbox")).doesNotContain(pendingNumber);

        UUID review = awaitingSignOff(coalClause(29));
        MockHttpSession countyUnit = login("zezhou-nengyuan");
        String unitInbox = page(countyUnit, "/hazards/inbox");
        assertThat(section(unitInbox, "group-SIGN_OFF_REVIEW")).contains(number(review));
        assertThat(unitInbox).doesNotContain(pendingNumber);

        // the layout asks the notifications module for the badge; the badge counts the unread messages
        assertThat(page(countyUnit, "/")).contains("hx-get=\"/inbox/badge\"").contains("待我处理");
        UUID reviewerId = jdbc.sql("select id from idn_user where username = 'zezhou-nengyuan'").query(UUID.class).single();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "select count(*) from ntf_message where recipient_user_id = :u and source_key = :k")
                .param("u", reviewerId).param("k", "hazard-reported:" + review).query(Long.class).single() == 1);
        String badge = page(countyUnit, "/inbox/badge");
        assertThat(badge).doesNotContain("<html").contains("class=\"badge").containsPattern(">(\\d+|99\\+)<")
                .doesNotContain(">0<");

        String messages = page(countyUnit, "/inbox");
        assertThat(messages).contains("重大事故隐患上报：" + number(review)).contains("class=\"unread\"");
        UUID message = jdbc.sql("select id from ntf_message where recipient_user_id = :u and source_key = :k")
                .param("u", reviewerId).param("k", "hazard-reported:" + review).query(UUID.class).single();
        // opening a message marks it read and leads to the hazard
        mvc.perform(post("/inbox/" + message + "/open").session(countyUnit).with(csrf()))
                .andExpect(redirectedUrl("/hazards/" + review));
        assertThat(jdbc.sql("select read_at is not null from ntf_message where id = :id").param("id", message)
                .query(Boolean.class).single()).isTrue();
        // someone else's message is not theirs to open
        mvc.perform(post("/inbox/" + message + "/open").session(login("zezhou")).with(csrf())).andExpect(status().isNotFound());
    }

    /** The HTML of the element with this id up to the next inbox group. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isGreaterThanOrEqualTo(0);
        int next = html.indexOf("class=\"panel inbox-group\"", start + 1);
        return next < 0 ? html.substring(start) : html.substring(start, next);
    }

    @Test
    void aListingFromThePageIsOnTheBoardForAnotherCountyWithoutALinkToTheDetail() throws Exception {
        UUID id = reported(coalClause(30));
        MockHttpSession county = login("zezhou");
        String document = unique("泽安办督〔2026〕");
        MvcResult listed = submit(county, id, "listing", "version", String.valueOf(pageVersion(county, id)),
                "documentNumber", document, "deadline", today().plusDays(30).toString());
        assertThat(listed.getResponse().getRedirectedUrl()).isEqualTo("/hazards/" + id);
        assertThat(page(county, "/hazards/" + id)).contains(document).contains("县级挂牌督办");

        String board = page(login("gaoping"), "/hazards/listings");
        assertThat(board).contains(number(id)).contains(document).contains("泽州县巴公镇")
                .doesNotContain("href=\"/hazards/" + id + "\"");
        assertThat(page(county, "/hazards/listings")).contains("href=\"/hazards/" + id + "\"");
    }

    @Test
    void aDuplicateIsMergedFromThePageAndBothSidesShowIt() throws Exception {
        UUID clause = coalClause(32);
        UUID first = selfReported(clause, unique("原隐患"));
        UUID duplicate = selfReported(clause, unique("重复隐患"));
        MockHttpSession inspector = login("zezhou-yingji");
        String page = page(inspector, "/hazards/" + duplicate);
        assertThat(page).contains("疑似重复").contains("act-merge").containsPattern("value=\"" + first + "\"\\s+selected=\"selected\"");
        assertThat(section(page(inspector, "/hazards/inbox"), "group-POSSIBLE_DUPLICATE")).contains(number(duplicate));

        MvcResult merged = submit(inspector, duplicate, "merge", "version", String.valueOf(pageVersion(inspector, duplicate)),
                "into", first.toString(), "reason", "同一条款、同一部位");
        assertThat(merged.getResponse().getRedirectedUrl()).isEqualTo("/hazards/" + duplicate);
        String mergedPage = page(inspector, "/hazards/" + duplicate);
        assertThat(mergedPage).contains("已合并").contains("href=\"/hazards/" + first + "\"").contains(number(first));
        assertThat(mergedPage).doesNotContain("act-merge").doesNotContain("act-attachments");
        String target = page(inspector, "/hazards/" + first);
        assertThat(target).contains("合并 " + number(duplicate));
        // a merged hazard no longer waits for anyone
        assertThat(page(login("qiye"), "/hazards/inbox")).doesNotContain(number(duplicate));
    }

    @Test
    void aFlaggedReportIsDeclaredNotADuplicateFromThePage() throws Exception {
        UUID clause = coalClause(33);
        selfReported(clause, unique("原隐患"));
        UUID flagged = selfReported(clause, unique("另一部位"));
        MockHttpSession inspector = login("zezhou-yingji");
        assertThat(page(inspector, "/hazards/" + flagged)).contains("疑似与").contains("act-not-duplicate");
        assertThat(page(login("qiye"), "/hazards/" + flagged)).doesNotContain("act-not-duplicate");

        MvcResult done = submit(inspector, flagged, "not-duplicate", "version", String.valueOf(pageVersion(inspector, flagged)),
                "reason", "不同采区的局部通风机");
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/hazards/" + flagged);
        String after = page(inspector, "/hazards/" + flagged);
        assertThat(after).doesNotContain("疑似与").doesNotContain("act-not-duplicate")
                .contains("确认不是重复").contains("不同采区的局部通风机");
        // the inbox's 疑似重复 group (shown only while it has rows) no longer lists it
        assertThat(page(inspector, "/hazards/inbox")).doesNotContain(number(flagged));
    }

    @Test
    void aGeneralHazardFixedOnTheSpotIsReopenedBySpotCheckFromThePage() throws Exception {
        MockHttpSession safety = login("qiye");
        String marker = unique("立查立改");
        MvcResult created = mvc.perform(post("/hazards").session(safety).with(csrf())
                        .param("grade", "GENERAL").param("fixedOnSpot", "true").param("deadline", today().plusDays(3).toString())
                        .param("description", marker).param("location", "绞车房").param("foundOn", today().toString())
                        .param("foundBy", "班组长"))
                .andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/hazards/");
        UUID id = UUID.fromString(location.substring("/hazards/".length()));
        assertThat(page(safety, location)).contains("已整改关闭").contains("立查立改");
        assertThat(forms(safety, id)).doesNotContain("act-reopen");

        MockHttpSession inspector = login("zezhou-yingji");
        assertThat(forms(inspector, id)).contains("act-reopen");
        MvcResult reopened = submit(inspector, id, "reopen", "version", String.valueOf(pageVersion(inspector, id)),
                "reason", "抽查发现仍未整改到位", "deadline", today().plusDays(5).toString());
        assertThat(reopened.getResponse().getRedirectedUrl()).isEqualTo(location);
        assertThat(page(inspector, location)).contains("整改中").contains("抽查发现仍未整改到位").contains("抽查重新打开");
    }

    @Test
    void theSmsLogIsForTheCityOfficeAndShowsMaskedNumbersOnly() throws Exception {
        reported(coalClause(31));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from ntf_sms").query(Long.class).single() > 0);
        String log = page(login("city"), "/notifications/sms");
        assertThat(log).containsPattern("1\\d\\d\\*{4}\\d{4}").contains("logging").doesNotContainPattern("(?<![\\w-])1[3-9]\\d{9}(?!\\d)"); // a whole number, not digits inside an id
        assertThat(open(login("zezhou"), "/notifications/sms").getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theMenuAndTheHomePageShowTheHazardWork() throws Exception {
        String home = page(login("zezhou"), "/");
        assertThat(home).contains("隐患治理").contains("href=\"/hazards/inbox\"").contains("挂牌督办公示")
                .contains("重大事故隐患（未销号）").contains("逾期未整改");
        assertThat(page(login("sysadmin"), "/")).doesNotContain("隐患治理").doesNotContain("重大事故隐患（未销号）");
        assertThat(page(login("zhuanjia"), "/")).contains("登记隐患");
    }
}
