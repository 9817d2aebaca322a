package cn.zhiben.standards;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The 标准库 pages, signed in through the login form like a browser. */
class StandardPagesWebTests extends StandardsTestSupport {

    private final List<String> codes = new ArrayList<>();
    private final List<UUID> enterprises = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        enterprises.forEach(this::deleteEnterprise);
        codes.forEach(this::deleteStandard);
    }

    private String page(MockHttpSession session, String url, int status) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void industryAndDateViewShowsStandardsWithConfidenceMarksAndSources() throws Exception {
        String html = page(login("zezhou"), "/standards?industry=indtrade.metallurgy&date=2024-01-01", 200);
        assertThat(html).contains("应急管理部令第10号", "冶金行业（第四条）", "管理类（第三条）", "粉尘涉爆（第十一条）",
                "中国应急管理报", "可能已修订", "GB 35181-2017");
        assertThat(html).doesNotContain("有色行业（第五条）");
        // 4.5 is unconfirmed and carries the visible mark next to it
        int at = html.indexOf("高炉炉顶压力");
        assertThat(html.substring(at, html.indexOf("</tr>", at))).contains("未核实");
        // all industries: one row per standard in force, each linking to its clauses, not every clause of every standard
        String overview = page(login("zezhou"), "/standards?date=2024-01-01", 200);
        assertThat(overview).contains("id=\"overview\"", "应急管理部令第4号", "应急管理部令第10号", "/standards/versions/", "2021-01-01 起")
                .doesNotContain("高炉炉顶压力");
        assertThat(page(login("zezhou"), "/standards?date=2025-13-01", 400)).contains("日期格式应为");
        assertThat(page(login("zezhou"), "/standards?industry=nope", 400)).contains("未知的行业领域");
    }

    @Test
    void versionPageShowsMetadataSupersedesChainPartialNoteAndCaveats() throws Exception {
        String html = page(login("zezhou"), "/standards/versions/" + version("coal-2021"), 200);
        assertThat(html).contains("应急管理部令第4号", "部门规章", "2021-01-01", "不完整", "81种", "版本沿革",
                "原国家安全生产监督管理总局令第85号", "导出 Excel");
        assertThat(html).doesNotContain("发布（发布后不可修改）");
        String fire = page(login("zezhou"), "/standards/versions/" + version("fire-2017") + "?date=2025-11-01", 200);
        assertThat(fire).contains("GB 35181-2025", "不在有效期");
        page(login("zezhou"), "/standards/versions/" + UUID.randomUUID(), 404);
    }

    @Test
    void searchAndComparePagesWork() throws Exception {
        MockHttpSession s = login("gaoping");
        String found = mvc.perform(get("/standards/search").param("q", "粉尘").session(s)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(found).contains("11.2", "工贸企业重大事故隐患判定标准");
        String cmp = page(s, "/standards/compare?from=" + version("fire-2017") + "&to=" + version("fire-2025"), 200);
        assertThat(cmp).contains("删除", "6.10", "不完整");
    }

    @Test
    void checklistPageIsReachableByEnterpriseIdWithinScopeOnly() throws Exception {
        UUID id = enterprise("测试页面企业", "140525100", "indtrade.machinery", "DUST_EXPLOSION");
        enterprises.add(id);
        String html = page(login("zezhou"), "/standards/checklist?enterprise=" + id, 200);
        assertThat(html).contains("测试页面企业", "机械行业（第七条）", "粉尘涉爆（第十一条）", "GB 35181-2025", "不完整");
        assertThat(html).doesNotContain("有限空间作业（第十三条）");
        page(login("gaoping"), "/standards/checklist?enterprise=" + id, 404);
        String uscc = jdbc.sql("select uscc from org_enterprise where id = :id").param("id", id).query(String.class).single();
        assertThat(page(login("city"), "/standards/checklist?uscc=" + uscc, 200)).contains("测试页面企业");
    }

    @Test
    void memberUnitDraftsALocalClauseAndTheCityOfficeApprovesItThroughThePages() throws Exception {
        String code = uniqueCode();
        codes.add(code);
        String body = importFile(token("city"), "v.json", json(code, "\"indtrade.light\"", "2026-01-01", null,
                clauseJson("1.1", "1", "页面测试原条款")).getBytes(StandardCharsets.UTF_8)).andReturn().getResponse().getContentAsString();
        UUID versionId = UUID.fromString(json(body).get("id").asString());
        MockHttpSession city = login("city");
        mvc.perform(post("/standards/versions/" + versionId + "/publish").session(city).with(csrf()))
                .andExpect(status().is3xxRedirection());

        MockHttpSession yingji = login("yingji");
        assertThat(page(yingji, "/standards/local/new?version=" + versionId, 200)).contains("提交审批", "测试判定标准");
        // a missing document number re-shows the form with the error and stores nothing
        long before = count("select count(*) from std_local_change");
        String failed = mvc.perform(post("/standards/local").session(yingji).with(csrf())
                        .param("versionId", versionId.toString()).param("clauseNo", "晋-1").param("categoryCode", "1")
                        .param("summary", "页面测试本地条款").param("reason", "新风险").param("effectiveFrom", "2026-02-01"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(failed).contains("文号不能为空", "页面测试本地条款");
        assertThat(count("select count(*) from std_local_change")).isEqualTo(before);
        String location = mvc.perform(post("/standards/local").session(yingji).with(csrf())
                        .param("versionId", versionId.toString()).param("clauseNo", "晋-1").param("categoryCode", "1")
                        .param("summary", "页面测试本地条款").param("docNo", "晋市应急发〔2026〕10号").param("reason", "新风险")
                        .param("effectiveFrom", "2026-02-01"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/standards/local/");

        assertThat(page(city, "/standards/local?status=PENDING", 200)).contains("页面测试本地条款", "待审批");
        mvc.perform(post(location + "/approve").session(city).with(csrf()).param("note", "同意"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(city, location, 200)).contains("已批准", "流转记录", "yingji（市应急管理局）");
        assertThat(page(city, "/standards/versions/" + versionId, 200)).contains("页面测试本地条款", "晋市应急发〔2026〕10号");

        page(login("zezhou"), "/standards/local", 403);
        page(city, "/standards/local/new", 403);
    }

    @Test
    void importPageRejectsABadFileWithItsRowsAndPublishesAGoodOne() throws Exception {
        String code = uniqueCode();
        codes.add(code);
        MockHttpSession city = login("city");
        String bad = json(code, "\"water\"", "2026-01-01", null, clauseJson("1", "1", "甲") + "," + clauseJson("1", "1", "乙"));
        String html = mvc.perform(multipart("/standards/import").file(new MockMultipartFile("file", "bad.json", "application/json",
                        bad.getBytes(StandardCharsets.UTF_8))).session(city).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("未导入任何内容", "clauses[1]", "条款号 1 重复");
        assertThat(count("select count(*) from std_standard where code = '" + code + "'")).isZero();

        String good = json(code, "\"water\"", "2026-01-01", null, clauseJson("1", "1", "甲"));
        String location = mvc.perform(multipart("/standards/import").file(new MockMultipartFile("file", "good.json", "application/json",
                        good.getBytes(StandardCharsets.UTF_8))).session(city).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(city, location, 200)).contains("草稿·未发布", "发布（发布后不可修改）");
        assertThat(page(city, "/standards/import", 200)).contains("测试判定标准");
        mvc.perform(post(location + "/publish").session(city).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page(city, location, 200)).doesNotContain("草稿·未发布");
        page(login("zezhou"), "/standards/import", 403);
    }

    @Test
    void navigationShowsTheLibraryToEveryNonAdministratorRole() throws Exception {
        assertThat(page(login("zezhou"), "/", 200)).contains("标准库", "href=\"/standards\"", "企业检查清单")
                .doesNotContain("href=\"/standards/import\"");
        assertThat(page(login("city"), "/", 200)).contains("href=\"/standards/import\"", "待审批本地条款", "现行判定标准");
        assertThat(page(login("sysadmin"), "/", 200)).doesNotContain("href=\"/standards\"");
        page(login("sysadmin"), "/standards", 403);
    }

    @Test
    void everyPageThatChangesTheLibraryRejectsCallersWithoutTheRight() throws Exception {
        String coal = version("coal-2021").toString();
        UUID any = UUID.randomUUID();
        MockHttpSession county = login("zezhou");
        for (String url : List.of("/standards/import", "/standards/versions/" + coal + "/publish",
                "/standards/versions/" + coal + "/delete", "/standards/local", "/standards/local/" + any + "/approve",
                "/standards/local/" + any + "/reject", "/standards/local/" + any + "/withdraw")) {
            mvc.perform(post(url).session(county).with(csrf())).andExpect(status().isForbidden());
        }
        MockHttpSession member = login("yingji");
        for (String url : List.of("/standards/versions/" + coal + "/publish", "/standards/local/" + any + "/approve",
                "/standards/local/" + any + "/reject")) {
            mvc.perform(post(url).session(member).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/standards/local/" + any + "/withdraw").session(login("city")).with(csrf())).andExpect(status().isForbidden());
        MockHttpSession admin = login("sysadmin");
        for (String url : List.of("/standards/versions/" + coal, "/standards/versions/" + coal + "/export",
                "/standards/search?q=x", "/standards/compare", "/standards/checklist", "/standards/local", "/standards/import")) {
            mvc.perform(get(url).session(admin)).andExpect(status().isForbidden());
        }
        // published versions stay as they are
        assertThat(count("select count(*) from std_version where id = '" + coal + "' and status = 'PUBLISHED'")).isEqualTo(1);
    }
}
