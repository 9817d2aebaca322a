package cn.zhiben.org;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The enterprise pages as a browser uses them: session, CSRF, htmx fragments, escaping, scope. */
class EnterprisePagesWebTests extends EnterpriseTestSupport {

    @Autowired
    EnterpriseDirectory directory;

    @Test
    void detailPageShowsMarkupAsText() throws Exception {
        ObjectNode b = body(uniqueName("晋城转义"), ZEZHOU_NANCUN, "indtrade.machinery");
        b.put("address", "<script>alert(1)</script><img src=x onerror=alert(2)>");
        b.put("controllerName", "控制人&\"'");
        JsonNode e = create("city", b);
        String html = page(login("city"), "/org/enterprises/" + e.get("id").asString());
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script>alert(1)").doesNotContain("<img src=x")
                .contains("控制人&amp;&quot;&#39;");
        // a name cannot carry markup at all
        ObjectNode named = body("<script>alert(1)</script>", ZEZHOU_NANCUN, "indtrade.machinery");
        mvc.perform(auth(post("/api/v1/enterprises"), tokenOf("city")).contentType("application/json").content(named.toString()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void listShowsMaskedNumbersSupervisorsAndDemoTagsAndAnswersHtmxWithTheTableOnly() throws Exception {
        JsonNode e = createAsCity("晋城列表", ZEZHOU_NANCUN, "mine.coal");
        MockHttpSession session = login("city");
        String html = page(session, "/org/enterprises?keyword=" + e.get("name").asString());
        assertThat(html).contains("<html").contains(e.get("name").asString()).contains("139****5678")
                .doesNotContain("13912345678").contains("市能源局（牵头）").contains("导出 Excel").contains("批量导入")
                .contains("hx-get=\"/org/enterprises\"");
        String fragment = mvc.perform(get("/org/enterprises").param("keyword", e.get("name").asString())
                        .header("HX-Request", "true").session(session))
                .andExpect(status().isOk()).andExpect(header().string("Vary", "HX-Request"))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").contains("id=\"results\"").contains(e.get("name").asString())
                .contains("export.xlsx?keyword=");
        String demo = page(session, "/org/enterprises?demo=true");
        assertThat(demo).contains("演示数据").contains("（演示）");
    }

    @Test
    void contactsAreRevealedOnRequestAndAudited() throws Exception {
        JsonNode e = createAsCity("晋城显示", ZEZHOU_NANCUN, "indtrade.machinery");
        String id = e.get("id").asString();
        MockHttpSession session = login("zezhou");
        String detail = page(session, "/org/enterprises/" + id);
        assertThat(detail).contains("查看完整联系方式").contains("139****5678").doesNotContain("13912345678");
        long before = countWhere("select count(*) from audit_log where action = 'VIEW_PERSONAL_DATA' and entity_id = ?", id);
        String fragment = mvc.perform(get("/org/enterprises/" + id + "/contacts").header("HX-Request", "true").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("13912345678").contains("13698765432").doesNotContain("<html");
        assertThat(countWhere("select count(*) from audit_log where action = 'VIEW_PERSONAL_DATA' and entity_id = ?", id)).isEqualTo(before + 1);

        // the expert sees the enterprise it is assigned to (the demo coal mine), never its contacts; no other enterprise
        MockHttpSession expert = login("zhuanjia");
        String assigned = jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(String.class).single();
        assertThat(page(expert, "/org/enterprises/" + assigned)).doesNotContain("查看完整联系方式");
        mvc.perform(get("/org/enterprises/" + assigned + "/contacts").session(expert)).andExpect(status().isForbidden());
        mvc.perform(get("/org/enterprises/" + id).session(expert)).andExpect(status().isNotFound());
    }

    @Test
    void pagesOfAnotherCountyAnswer404() throws Exception {
        JsonNode e = createAsCity("高平页面", GAOPING_MISHAN, "indtrade.building");
        String id = e.get("id").asString();
        MockHttpSession zezhou = login("zezhou");
        for (String path : List.of("/org/enterprises/" + id, "/org/enterprises/" + id + "/contacts", "/org/enterprises/" + id + "/edit")) {
            String html = mvc.perform(get(path).session(zezhou)).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("企业不存在或不在您的数据范围内").doesNotContain(e.get("name").asString());
        }
        mvc.perform(post("/org/enterprises/" + id).session(zezhou).with(csrf()).param("name", "越权").param("version", "0"))
                .andExpect(status().isNotFound());
        assertThat(page(zezhou, "/org/enterprises?keyword=" + e.get("name").asString())).contains("没有符合条件的企业");
        byte[] export = mvc.perform(get("/org/enterprises/export.xlsx").param("keyword", e.get("name").asString()).session(zezhou))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(EnterpriseExportIntegrationTests.read(export)).hasSize(1);
        // nor can the form register an enterprise in the other county
        String name = uniqueName("泽州表单越界");
        String refused = mvc.perform(post("/org/enterprises").session(zezhou).with(csrf())
                        .param("name", name).param("uscc", newUscc("140581")).param("regionCode", GAOPING_MISHAN)
                        .param("industryCode", "indtrade.building").param("scale", "ABOVE").param("status", "OPERATING")
                        .param("standardizationGrade", "NONE").param("principalName", "负责人").param("principalMobile", "13512345678"))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("不能在您的数据范围之外新增企业");
        assertThat(countWhere("select count(*) from org_enterprise where name = ?", name)).isZero();
    }

    @Test
    void createFormShowsEveryProblemNextToItsFieldAndThenSaves() throws Exception {
        MockHttpSession session = login("zezhou");
        assertThat(page(session, "/org/enterprises/new")).contains("登记企业").contains("name=\"uscc\"").contains("泽州县");
        String name = uniqueName("泽州表单");
        String html = mvc.perform(post("/org/enterprises").session(session).with(csrf())
                        .param("name", name).param("uscc", "91440300192203821X").param("regionCode", "140525")
                        .param("industryCode", "indtrade.machinery").param("scale", "ABOVE").param("status", "OPERATING")
                        .param("standardizationGrade", "NONE").param("principalName", "表单负责人").param("principalMobile", "123"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("有 3 处需要修改").contains("校验码错误").contains("乡镇（街道）一级")
                .contains("主要负责人手机格式不正确").contains("value=\"" + name + "\"");
        assertThat(countWhere("select count(*) from org_enterprise where name = ?", name)).isZero();

        String uscc = newUscc("140525");
        mvc.perform(post("/org/enterprises").session(session).with(csrf())
                        .param("name", name).param("uscc", uscc).param("regionCode", ZEZHOU_NANCUN)
                        .param("industryCode", "indtrade.machinery").param("scale", "ABOVE").param("status", "OPERATING")
                        .param("standardizationGrade", "NONE").param("principalName", "表单负责人").param("principalMobile", "13512345678")
                        .param("specialOperations", "DUST_EXPLOSION", "METAL_SMELTING"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/org/enterprises/*"));
        assertThat(jdbc.sql("select special_operations::text from org_enterprise where uscc = :u").param("u", uscc).query(String.class).single())
                .isEqualTo("{DUST_EXPLOSION,METAL_SMELTING}");
        // without the CSRF token nothing is stored
        String other = uniqueName("泽州无令牌");
        mvc.perform(post("/org/enterprises").session(session).param("name", other)).andExpect(status().isForbidden());
        assertThat(countWhere("select count(*) from org_enterprise where name = ?", other)).isZero();
    }

    @Test
    void editFormKeepsNumbersWhenLeftBlankAndReportsAStaleVersion() throws Exception {
        JsonNode e = createAsCity("晋城编辑", ZEZHOU_NANCUN, "indtrade.machinery");
        String id = e.get("id").asString();
        MockHttpSession session = login("city");
        String form = page(session, "/org/enterprises/" + id + "/edit");
        assertThat(form).contains("留空则不修改（当前 139****5678）").doesNotContain("13912345678");
        mvc.perform(post("/org/enterprises/" + id).session(session).with(csrf())
                        .param("name", e.get("name").asString()).param("uscc", e.get("uscc").asString())
                        .param("regionCode", ZEZHOU_NANCUN).param("industryCode", "indtrade.machinery").param("scale", "BELOW")
                        .param("status", "SUSPENDED").param("standardizationGrade", "GRADE_3").param("principalName", "新负责人")
                        .param("principalMobile", "").param("controllerName", "").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        var row = jdbc.sql("select status, principal_name, principal_mobile_mask, controller_name, controller_mobile_enc, version from org_enterprise where id = :id")
                .param("id", UUID.fromString(id))
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6)}).single();
        assertThat(row).containsExactly("SUSPENDED", "新负责人", "139****5678", null, null, 1);

        String stale = mvc.perform(post("/org/enterprises/" + id).session(session).with(csrf())
                        .param("name", "旧版本").param("uscc", e.get("uscc").asString())
                        .param("regionCode", ZEZHOU_NANCUN).param("industryCode", "indtrade.machinery").param("scale", "BELOW")
                        .param("status", "SUSPENDED").param("standardizationGrade", "GRADE_3").param("principalName", "新负责人")
                        .param("version", "0"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("已被他人修改");
    }

    @Test
    void enterpriseAccountSeesItsLockedFieldsDisabled() throws Exception {
        UUID own = jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
        MockHttpSession session = login("qiye");
        String form = page(session, "/org/enterprises/" + own + "/edit");
        assertThat(form).contains("企业账号不能修改统一社会信用代码");
        assertThat(form).containsPattern("name=\"uscc\"[^>]*disabled");
        assertThat(page(session, "/org/enterprises")).doesNotContain("登记企业").doesNotContain("批量导入");
    }

    @Test
    void importPageUploadsAndPollsTheJobToItsResult() throws Exception {
        MockHttpSession session = login("zezhou");
        assertThat(page(session, "/org/enterprises/import")).contains("下载导入模板").contains("ALL_OR_NOTHING").contains("VALID_ROWS");
        mvc.perform(get("/org/enterprises/import-template.xlsx").session(session)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX));

        String tag = "页面导入" + UUID.randomUUID().toString().substring(0, 6);
        byte[] file = workbook(HEADER, List.of(row(tag + "甲", newUscc("140525"), "泽州县南村镇", "机械"),
                row(tag + "乙", "914403001922038217", "泽州县南村镇", "机械")));
        String location = mvc.perform(multipart("/org/enterprises/import").file(new MockMultipartFile("file", "企业.xlsx", XLSX, file))
                        .param("mode", "VALID_ROWS").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/org/enterprises/import/");
        assertThat(page(session, location)).contains("导入：").contains("企业.xlsx");

        String progress = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            progress = mvc.perform(get(location + "/progress").header("HX-Request", "true").session(session))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if (!progress.contains("hx-trigger=\"every 1s\"")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(progress).doesNotContain("<html").contains("已完成").contains("下载校验报告").contains("校验码错误")
                .doesNotContain("hx-trigger");
        mvc.perform(get(location + "/report.xlsx").session(session)).andExpect(status().isOk());
        assertThat(countWhere("select count(*) from org_enterprise where name like ?", tag + "%")).isEqualTo(1);

        // another user cannot open the job, its progress or its report
        MockHttpSession gaoping = login("gaoping");
        mvc.perform(get(location).session(gaoping)).andExpect(status().isNotFound());
        mvc.perform(get(location + "/progress").session(gaoping)).andExpect(status().isNotFound());
        mvc.perform(get(location + "/report.xlsx").session(gaoping)).andExpect(status().isNotFound());
        // and enterprise accounts have no import at all
        MockHttpSession qiye = login("qiye");
        mvc.perform(get("/org/enterprises/import").session(qiye)).andExpect(status().isForbidden());
        mvc.perform(get("/org/enterprises/import-template.xlsx").session(qiye)).andExpect(status().isForbidden());

        // a wrong file is refused on the page itself
        String refused = mvc.perform(multipart("/org/enterprises/import").file(new MockMultipartFile("file", "x.xlsx", XLSX, "不是表格".getBytes()))
                        .param("mode", "VALID_ROWS").session(session).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("不是有效的 .xlsx");
    }

    @Test
    void navigationAndHomeCardFollowTheRole() throws Exception {
        MockHttpSession city = login("city");
        String home = page(city, "/");
        assertThat(home).contains("href=\"/org/enterprises\"").contains("其中停产整顿");
        long total = countWhere("select count(*) from org_enterprise where region_code like '140525%'");
        long suspended = countWhere("select count(*) from org_enterprise where region_code like '140525%' and status = 'SUSPENDED_FOR_RECTIFICATION'");
        String zezhouHome = page(login("zezhou"), "/");
        assertThat(zezhouHome).contains(">" + total + "<").contains("其中停产整顿 " + suspended + " 家");

        String admin = page(login("sysadmin"), "/");
        assertThat(admin).doesNotContain("href=\"/org/enterprises\"").doesNotContain("其中停产整顿");
        mvc.perform(get("/org/enterprises").session(login("sysadmin"))).andExpect(status().isForbidden());
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
