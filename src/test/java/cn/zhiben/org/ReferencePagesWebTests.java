package cn.zhiben.org;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The reference-data pages: readable by every signed-in account, forms only for the city office. */
class ReferencePagesWebTests extends IntegrationTest {

    private String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private UUID unit(String name) {
        return jdbc.sql("select id from org_unit where name = :n").param("n", name).query(UUID.class).single();
    }

    @Test
    void regionPageShowsCodesDivisionTypesCountsAndTheZoneAsNonAdministrative() throws Exception {
        String html = page(login("zezhou"), "/org/regions");
        assertThat(html).doesNotContain("th:");
        assertThat(html).contains("泽州县", "140525", "16 镇", "城区", "7 街道、1 镇", "市辖区", "县级市", "南村镇", "140525100",
                "晋城经济技术开发区", "非行政区划");
        assertThat(html).contains("77</span> 个乡级行政区");
    }

    @Test
    void unitPageListsTheFourCategoriesWithTheIndustriesEachUnitSupervises() throws Exception {
        MockHttpSession session = login("yingji");
        String html = page(session, "/org/units");
        assertThat(html).contains("负有安全生产监督管理职责的部门（28 个）", "其他负有安全生产管理责任的行业领域主管部门（8 个）",
                "市安委会其他成员单位（22 个）", "驻市相关单位、市属各国有企业（21 个）", "晋城市融媒体中心", "/org/industries/mine.coal");
        assertThat(html).doesNotContain("中心中心");
        String second = page(session, "/org/units?category=2");
        assertThat(second).contains("市发展和改革委员会").doesNotContain("市纪委监委</span>");
        mvc.perform(get("/org/units?category=9").session(session)).andExpect(status().isNotFound());
    }

    @Test
    void industryPagesShowTheTreeAndHistoryAndTheEditFormOnlyToTheCityOffice() throws Exception {
        MockHttpSession member = login("nengyuan");
        String tree = page(member, "/org/industries");
        assertThat(tree).contains("矿山", "煤矿", "方案 四(三)7", "不单独登记企业", "冶金工贸").doesNotContain("新增顶层行业领域");
        String detail = page(member, "/org/industries/mine.coal");
        assertThat(detail).contains("煤矿", "市能源局", "修订历史", "版本 1", "初始数据").doesNotContain("保存为新版本");
        mvc.perform(get("/org/industries/no.such").session(member)).andExpect(status().isNotFound());

        MockHttpSession city = login("city");
        assertThat(page(city, "/org/industries")).contains("新增顶层行业领域");
        String editable = page(city, "/org/industries/mine.coal");
        assertThat(editable).contains("保存为新版本", "在此下新增行业领域", "selected=\"selected\">市能源局</option>")
                .doesNotContain("th:");
        assertThat(editable.split("<input type=\"hidden\" name=\"_csrf\"", -1).length - 1).isEqualTo(2);
        assertThat(page(city, "/org/industries/new?parent=indtrade")).contains("在“冶金工贸”下新增行业领域", "indtrade.")
                .doesNotContain("th:");
    }

    @Test
    void leadingGroupPageIsReadOnlyExceptForTheCityOffice() throws Exception {
        String readOnly = page(login("zezhou"), "/org/leading-group");
        assertThat(readOnly).contains("组长", "常务副组长", "副组长", "成员", "办公室主任").doesNotContain("添加成员");
        String editable = page(login("city"), "/org/leading-group");
        assertThat(editable).contains("添加成员（市安委办）", "<option value=\"LEADER\">组长</option>",
                "<option value=\"MEMBER\" selected=\"selected\">成员</option>").doesNotContain("th:");
        // the add form carries its CSRF token (the logout form and each member's remove form have their own)
        int add = editable.indexOf("添加成员（市安委办）");
        int form = editable.indexOf("<form", add);
        String addForm = editable.substring(form, editable.indexOf("</form>", form));
        assertThat(addForm).contains("<input type=\"hidden\" name=\"_csrf\"");
        // Attachment 1's members are seeded (issue 8), the supervision commissioner among them
        assertThat(readOnly).contains("陈跃武").contains("市政府督查专员");
    }

    @Test
    void formsRefuseEveryoneButTheCityOffice() throws Exception {
        MockHttpSession county = login("zezhou");
        int revision = jdbc.sql("select revision from org_industry where code = 'postal'").query(Integer.class).single();
        mvc.perform(post("/org/industries/postal").session(county).with(csrf())
                        .param("revision", String.valueOf(revision)).param("name", "越权").param("leadUnitId", unit("市公安局").toString())
                        .param("active", "true").param("assignable", "true").param("reason", "越权"))
                .andExpect(status().isForbidden());
        MockHttpSession member = login("yingji");
        mvc.perform(post("/org/industries").session(member).with(csrf()).param("code", "postal.x").param("parentCode", "postal")
                        .param("name", "越权").param("planRef", "x").param("leadUnitId", unit("市公安局").toString()).param("reason", "越权"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/org/industries/new").session(member)).andExpect(status().isForbidden());
        mvc.perform(post("/org/leading-group").session(member).with(csrf())
                        .param("personName", "越权").param("jobTitle", "越权").param("position", "MEMBER"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/org/leading-group/" + UUID.randomUUID() + "/delete").session(county).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select name from org_industry where code = 'postal'").query(String.class).single()).isEqualTo("邮政快递");
        assertThat(jdbc.sql("select count(*) from org_leading_group_member where person_name = '越权'").query(Integer.class).single()).isZero();
        mvc.perform(get("/org/regions")).andExpect(status().is3xxRedirection());
    }

    @Test
    void cityOfficeEditsAnIndustryThroughTheFormAndSeesRefusalsOnThePage() throws Exception {
        MockHttpSession city = login("city");
        int revision = jdbc.sql("select revision from org_industry where code = 'sports'").query(Integer.class).single();
        String lead = unit("市体育局").toString();
        String fire = unit("市消防救援支队").toString();
        String refused = mvc.perform(post("/org/industries/sports").session(city).with(csrf())
                        .param("revision", String.valueOf(revision)).param("name", "体育场馆和设施")
                        .param("leadUnitId", lead).param("cooperatingUnitIds", fire, lead)
                        .param("active", "true").param("assignable", "true").param("reason", "测试"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("不能同时是配合单位");
        assertThat(jdbc.sql("select revision from org_industry where code = 'sports'").query(Integer.class).single()).isEqualTo(revision);

        String education = unit("市教育局").toString();
        try {
            mvc.perform(post("/org/industries/sports").session(city).with(csrf())
                            .param("revision", String.valueOf(revision)).param("name", "体育场馆和设施")
                            .param("leadUnitId", lead).param("cooperatingUnitIds", fire, education)
                            .param("active", "true").param("assignable", "true").param("reason", "测试：增加教育局配合"))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/org/industries/sports"));
            assertThat(page(city, "/org/industries/sports")).contains("测试：增加教育局配合", "版本 " + (revision + 1));
        } finally {
            int current = jdbc.sql("select revision from org_industry where code = 'sports'").query(Integer.class).single();
            if (current != revision) {
                mvc.perform(post("/org/industries/sports").session(city).with(csrf())
                                .param("revision", String.valueOf(current)).param("name", "体育场馆和设施")
                                .param("leadUnitId", lead).param("cooperatingUnitIds", fire)
                                .param("active", "true").param("assignable", "true").param("reason", "测试结束，恢复原状"))
                        .andExpect(status().is3xxRedirection());
            }
        }
        assertThat(jdbc.sql("select u.name from org_industry_supervisor s join org_unit u on u.id = s.unit_id where s.industry_code = 'sports' order by s.role desc")
                .query(String.class).list()).containsExactly("市体育局", "市消防救援支队");
    }

    @Test
    void anOpenSessionOfAMemberUnitFollowsAChangeOfSupervisionWithoutLoggingInAgain() throws Exception {
        MockHttpSession housing = login("zhujian");
        // the hazard list offers the industries in the account's scope
        assertThat(page(housing, "/hazards")).doesNotContain("体育场馆和设施");
        MockHttpSession city = login("city");
        int revision = jdbc.sql("select revision from org_industry where code = 'sports'").query(Integer.class).single();
        String lead = unit("市体育局").toString();
        String fire = unit("市消防救援支队").toString();
        try {
            mvc.perform(post("/org/industries/sports").session(city).with(csrf())
                            .param("revision", String.valueOf(revision)).param("name", "体育场馆和设施")
                            .param("leadUnitId", lead).param("cooperatingUnitIds", fire, unit("市住房和城乡建设局").toString())
                            .param("active", "true").param("assignable", "true").param("reason", "测试：住建局配合"))
                    .andExpect(status().is3xxRedirection());
            assertThat(page(housing, "/hazards")).contains("体育场馆和设施");
        } finally {
            mvc.perform(post("/org/industries/sports").session(city).with(csrf())
                            .param("revision", String.valueOf(revision + 1)).param("name", "体育场馆和设施")
                            .param("leadUnitId", lead).param("cooperatingUnitIds", fire)
                            .param("active", "true").param("assignable", "true").param("reason", "测试结束，恢复原状"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(page(housing, "/hazards")).doesNotContain("体育场馆和设施");
    }

    @Test
    void cityOfficeMaintainsTheLeadingGroupThroughTheForms() throws Exception {
        MockHttpSession city = login("city");
        String name = "测试" + UUID.randomUUID().toString().substring(0, 8);
        try {
            String refused = mvc.perform(post("/org/leading-group").session(city).with(csrf())
                            .param("personName", " ").param("jobTitle", "副市长").param("position", "DEPUTY"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(refused).contains("姓名不能为空");
            mvc.perform(post("/org/leading-group").session(city).with(csrf())
                            .param("personName", name).param("jobTitle", "副市长").param("position", "DEPUTY").param("sortOrder", "x"))
                    .andExpect(status().isBadRequest());
            // the account is entered by username; an unknown one is refused with its name
            String unknown = mvc.perform(post("/org/leading-group").session(city).with(csrf())
                            .param("personName", name).param("jobTitle", "副市长").param("position", "DEPUTY").param("account", "nosuchuser"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(unknown).contains("平台账号“nosuchuser”不存在");
            assertThat(jdbc.sql("select count(*) from org_leading_group_member where person_name = :n").param("n", name)
                    .query(Integer.class).single()).isZero();
            mvc.perform(post("/org/leading-group").session(city).with(csrf())
                            .param("personName", name).param("jobTitle", "副市长").param("position", "DEPUTY").param("unitId", "")
                            .param("account", "yingji"))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/org/leading-group"));
            UUID id = jdbc.sql("select id from org_leading_group_member where person_name = :n").param("n", name)
                    .query(UUID.class).single();
            assertThat(jdbc.sql("select u.username from org_leading_group_member m join idn_user u on u.id = m.user_id where m.id = :id")
                    .param("id", id).query(String.class).single()).isEqualTo("yingji");
            assertThat(page(city, "/org/leading-group/" + id + "/edit")).contains(name, "副市长", "value=\"yingji\"").doesNotContain("th:");
            mvc.perform(post("/org/leading-group/" + id).session(city).with(csrf())
                            .param("personName", name).param("jobTitle", "市政府秘书长").param("position", "DEPUTY"))
                    .andExpect(status().is3xxRedirection());
            assertThat(page(login("zezhou"), "/org/leading-group")).contains(name, "市政府秘书长");
            mvc.perform(post("/org/leading-group/" + id + "/delete").session(city).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(jdbc.sql("select count(*) from org_leading_group_member where id = :id").param("id", id)
                    .query(Integer.class).single()).isZero();
        } finally {
            jdbc.sql("delete from org_leading_group_member where person_name = :n").param("n", name).update();
        }
    }

    @Test
    void navigationShowsTheReferencePagesToBusinessRolesAndTheSystemAdministrator() throws Exception {
        for (String user : new String[]{"city", "yingji", "zezhou", "nancun", "zhuanjia", "sysadmin"}) {
            String home = page(login(user), "/");
            assertThat(home).as(user).contains("基础数据", "href=\"/org/regions\"", "href=\"/org/units\"",
                    "href=\"/org/leading-group\"", "href=\"/org/industries\"");
        }
        for (String user : new String[]{"secadmin", "auditadmin"}) {
            assertThat(page(login(user), "/")).as(user).doesNotContain("href=\"/org/regions\"");
        }
    }
}
