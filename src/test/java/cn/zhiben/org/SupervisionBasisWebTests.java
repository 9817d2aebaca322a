package cn.zhiben.org;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reference data as the plan has it (issue 8): every 三管三必须 entry says where it comes from or is marked as the
 * platform's inference, category-4 units are never supervisors, the leading group of Attachment 1 is seeded, units keep
 * the plan's names with their current ones beside them.
 */
class SupervisionBasisWebTests extends IntegrationTest {

    @Autowired
    IndustryCatalog industries;
    @Autowired
    UnitCatalog units;

    @Test
    void everySupervisorEntrySaysWhereItComesFromOrThatItIsAnInference() {
        List<Industry.Supervisor> all = industries.all().stream().flatMap(i -> i.supervisors().stream()).toList();
        assertThat(all).isNotEmpty().allSatisfy(s -> assertThat(s.basis()).isNotBlank());
        // an inference never cites the plan as if the plan said it
        assertThat(all).filteredOn(Industry.Supervisor::inferred)
                .allSatisfy(s -> assertThat(s.basis()).contains("推定"));
        // the entries the plan does state are not marked as inference: 四(三)9 城镇燃气's co-operating departments
        Industry gas = industries.find("gas").orElseThrow();
        assertThat(gas.supervisors()).filteredOn(s -> s.unitName().equals("市公安局")).singleElement()
                .satisfies(s -> {
                    assertThat(s.inferred()).isFalse();
                    assertThat(s.basis()).contains("四(三)9");
                });
        assertThat(industries.find("fire").orElseThrow().lead().orElseThrow())
                .satisfies(s -> assertThat(s.basis()).contains("消防法"));
        // the initial revision no longer claims the whole mapping is the plan's
        assertThat(jdbc.sql("select count(*) from org_industry_revision where reason = '初始数据：依据晋市安委发〔2024〕6号'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void categoryFourUnitsAreNeverSupervisorsAndEveryFieldHasADepartmentWithSupervisoryDuties() throws Exception {
        assertThat(jdbc.sql("""
                select count(*) from org_industry_supervisor s join org_unit u on u.id = s.unit_id where u.category = 4""")
                .query(Long.class).single()).isZero();
        // 粮油储备 is led by 市发改委 (category 2): a category-1 department reviews its hazards
        Industry grain = industries.find("grain").orElseThrow();
        assertThat(grain.supervisors()).anySatisfy(s -> assertThat(s.unitName()).isEqualTo("市应急管理局"));
        // the editor refuses a category-4 unit, and so does the database
        UUID grid = units.findByName("国网山西省电力公司晋城供电公司").orElseThrow().id();
        Industry power = industries.find("power").orElseThrow();
        String body = """
                {"revision": %d, "name": "%s", "leadUnitId": "%s", "cooperatingUnitIds": ["%s"], "active": true,
                 "assignable": %s, "reason": "测试"}""".formatted(power.revision(), power.name(),
                power.lead().orElseThrow().unitId(), grid, power.assignable());
        mvc.perform(auth(put("/api/v1/industries/power"), token("city")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNIT_NOT_A_SUPERVISOR"));
        assertThatThrownBy(() -> jdbc.sql("insert into org_industry_supervisor (industry_code, unit_id, role, basis) values ('power', :u, 'COOPERATE', 'x')")
                .param("u", grid).update()).hasMessageContaining("category-4");
    }

    @Test
    void anEditByTheCityOfficeIsItsDecisionAndNoLongerAnInference() throws Exception {
        Industry tobacco = industries.find("indtrade.tobacco").orElseThrow();
        assertThat(tobacco.lead().orElseThrow().inferred()).isTrue();
        String body = """
                {"revision": %d, "name": "%s", "leadUnitId": "%s", "cooperatingUnitIds": [], "active": %s,
                 "assignable": %s, "reason": "经市安委会审定"}""".formatted(tobacco.revision(), tobacco.name(),
                tobacco.lead().orElseThrow().unitId(), tobacco.active(), !tobacco.assignable());
        mvc.perform(auth(put("/api/v1/industries/indtrade.tobacco"), token("city")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isOk());
        Industry after = industries.find("indtrade.tobacco").orElseThrow();
        assertThat(after.lead().orElseThrow().inferred()).isFalse();
        assertThat(after.lead().orElseThrow().basis()).contains("市安委办").contains("经市安委会审定");
        // put back the flag (the basis stays the city office's)
        String back = body.replace("\"revision\": " + tobacco.revision(), "\"revision\": " + after.revision())
                .replace("\"assignable\": " + !tobacco.assignable(), "\"assignable\": " + tobacco.assignable());
        mvc.perform(auth(put("/api/v1/industries/indtrade.tobacco"), token("city")).contentType(MediaType.APPLICATION_JSON)
                .content(back)).andExpect(status().isOk());
        String page = mvc.perform(get("/org/industries/gas").session(login("city"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("四(三)9").contains("推定");
    }

    @Test
    void theLeadingGroupOfAttachmentOneIsSeededWithTheSupervisionCommissioner() throws Exception {
        JsonNode members = json(mvc.perform(auth(get("/api/v1/leading-group"), token("zezhou")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(members.findValuesAsString("personName")).contains("王震", "薛明耀", "田志军", "陈跃武", "李俊强");
        assertThat(members.findValuesAsString("jobTitle")).contains("市政府督查专员");
    }

    @Test
    void aUnitKeepsThePlansNameWithItsCurrentNameBesideIt() throws Exception {
        CommitteeUnit regulator = units.findByName("国家金融监督管理总局晋城监管分局").orElseThrow();
        assertThat(regulator.name()).isEqualTo("中国银行保险监督管理委员会晋城监管分局");
        String page = mvc.perform(get("/org/units").session(login("city"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("现名：国家金融监督管理总局晋城监管分局");
    }
}
