package cn.zhiben.org;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Data scope is applied in every query: outside it an enterprise answers 404 exactly like a missing one. */
class EnterpriseScopeIntegrationTests extends EnterpriseTestSupport {

    @Autowired
    IndustryCatalog industries;
    @Autowired
    EnterpriseDirectory directory;

    JsonNode gaoping;
    JsonNode zezhouMine;
    JsonNode zezhouHospital;

    @BeforeEach
    void fixtures() throws Exception {
        gaoping = createAsCity("高平范围", GAOPING_MISHAN, "indtrade.building");
        zezhouMine = createAsCity("泽州范围煤矿", ZEZHOU_BAGONG, "mine.coal");
        zezhouHospital = createAsCity("泽州范围医院", ZEZHOU_NANCUN, "health.hospital");
    }

    @Test
    void countyOfficeCannotReadUpdateSearchOrExportAnotherCounty() throws Exception {
        String id = gaoping.get("id").asString();
        String zezhou = tokenOf("zezhou");
        mvc.perform(auth(get("/api/v1/enterprises/" + id), zezhou))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("ENTERPRISE_NOT_FOUND"));
        // the same answer as for an id that does not exist
        mvc.perform(auth(get("/api/v1/enterprises/" + UUID.randomUUID()), zezhou))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("ENTERPRISE_NOT_FOUND"));
        mvc.perform(auth(get("/api/v1/enterprises/" + id + "/contacts"), zezhou)).andExpect(status().isNotFound());
        mvc.perform(auth(put("/api/v1/enterprises/" + id), zezhou).contentType(MediaType.APPLICATION_JSON)
                        .content(updateBody(gaoping, b -> b.put("address", "越权修改")).toString()))
                .andExpect(status().isNotFound());
        assertThat(address(id)).isEqualTo("测试路 1 号");

        assertThat(searchTotal(zezhou, gaoping.get("name").asString())).isZero();
        assertThat(exportedNames(zezhou, gaoping.get("name").asString())).isEmpty();
        // the county sees its own, with the same filters
        assertThat(searchTotal(zezhou, zezhouMine.get("name").asString())).isEqualTo(1);
        assertThat(exportedNames(zezhou, zezhouMine.get("name").asString())).containsExactly(zezhouMine.get("name").asString());
        // and a whole-county search holds no other county
        String all = mvc.perform(auth(get("/api/v1/enterprises").param("size", "200"), zezhou)).andReturn().getResponse().getContentAsString();
        assertThat(json(all).get("items").findValuesAsString("countyCode")).containsOnly("140525");
    }

    @Test
    void theOtherCountyOfficeCanReadIt() throws Exception {
        String gaopingToken = tokenOf("gaoping");
        mvc.perform(auth(get("/api/v1/enterprises/" + gaoping.get("id").asString()), gaopingToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value(gaoping.get("name").asString()));
        assertThat(searchTotal(gaopingToken, gaoping.get("name").asString())).isEqualTo(1);
        assertThat(exportedNames(gaopingToken, gaoping.get("name").asString())).containsExactly(gaoping.get("name").asString());
        mvc.perform(auth(get("/api/v1/enterprises/" + zezhouMine.get("id").asString()), gaopingToken)).andExpect(status().isNotFound());
    }

    @Test
    void countyOfficeCannotCreateInOrMoveIntoAnotherCounty() throws Exception {
        String zezhou = tokenOf("zezhou");
        ObjectNode elsewhere = body(uniqueName("泽州越界"), GAOPING_MISHAN, "indtrade.building");
        mvc.perform(auth(post("/api/v1/enterprises"), zezhou).contentType(MediaType.APPLICATION_JSON).content(elsewhere.toString()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ENTERPRISE_OUT_OF_SCOPE"));
        assertThat(countWhere("select count(*) from org_enterprise where name = ?", elsewhere.get("name").asString())).isZero();

        JsonNode own = create("zezhou", body(uniqueName("泽州自建"), ZEZHOU_NANCUN, "indtrade.building"));
        assertThat(own.get("createdBy").asString()).isEqualTo("zezhou");
        mvc.perform(auth(put("/api/v1/enterprises/" + own.get("id").asString()), zezhou).contentType(MediaType.APPLICATION_JSON)
                        .content(updateBody(own, b -> b.put("regionCode", GAOPING_MISHAN)).toString()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ENTERPRISE_OUT_OF_SCOPE"));
        assertThat(jdbc.sql("select region_code from org_enterprise where id = :id").param("id", UUID.fromString(own.get("id").asString()))
                .query(String.class).single()).isEqualTo(ZEZHOU_NANCUN);
    }

    @Test
    void enterpriseAccountSeesAndEditsOnlyItself() throws Exception {
        UUID own = jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
        String qiye = tokenOf("qiye");
        String list = mvc.perform(auth(get("/api/v1/enterprises").param("size", "200"), qiye))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json(list).get("total").asLong()).isEqualTo(1);
        assertThat(json(list).get("items").get(0).get("id").asString()).isEqualTo(own.toString());
        mvc.perform(auth(get("/api/v1/enterprises/" + gaoping.get("id").asString()), qiye)).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/enterprises/" + directory.demoEnterprises("hazchem").get(0).id()), qiye)).andExpect(status().isNotFound());

        JsonNode mine = json(mvc.perform(auth(get("/api/v1/enterprises/" + own), qiye)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        String originalAddress = mine.get("address").asString();
        // its own profile: allowed
        JsonNode edited = json(mvc.perform(auth(put("/api/v1/enterprises/" + own), qiye).contentType(MediaType.APPLICATION_JSON)
                        .content(updateBody(mine, b -> b.put("address", "企业自行更新的地址")).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(edited.get("address").asString()).isEqualTo("企业自行更新的地址");
        // its credit code, place and industry: locked
        mvc.perform(auth(put("/api/v1/enterprises/" + own), qiye).contentType(MediaType.APPLICATION_JSON)
                        .content(updateBody(edited, b -> {
                            b.put("uscc", newUscc("140525"));
                            b.put("industryCode", "mine.noncoal");
                        }).toString()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ENTERPRISE_FIELD_LOCKED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("统一社会信用代码、行业领域")));
        // nor create another enterprise
        mvc.perform(auth(post("/api/v1/enterprises"), qiye).contentType(MediaType.APPLICATION_JSON)
                        .content(body(uniqueName("企业新建"), ZEZHOU_NANCUN, "mine.coal").toString()))
                .andExpect(status().isForbidden());
        // leave the demo enterprise as it was
        mvc.perform(auth(put("/api/v1/enterprises/" + own), qiye).contentType(MediaType.APPLICATION_JSON)
                        .content(updateBody(edited, b -> b.put("address", originalAddress)).toString()))
                .andExpect(status().isOk());
    }

    @Test
    void countyUnitSeesOnlyItsUnitsIndustriesInItsCounty() throws Exception {
        // zezhou-yingji is 泽州县 + the industries 市应急管理局 supervises. The seeded mapping (晋市安委发〔2024〕6号)
        // lists 市应急管理局 as co-operating on 煤矿 — so a 泽州 coal mine IS in its scope — and nowhere on 医院.
        assertThat(industries.find("mine.coal").orElseThrow().supervisors())
                .anyMatch(s -> s.unitName().equals("市应急管理局") && s.role() == Industry.Role.COOPERATE);
        assertThat(industries.supervisedBy(unitId("市应急管理局"))).contains("mine.coal").doesNotContain("health.hospital", "health");

        String token = tokenOf("zezhou-yingji");
        mvc.perform(auth(get("/api/v1/enterprises/" + zezhouMine.get("id").asString()), token)).andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/enterprises/" + zezhouHospital.get("id").asString()), token)).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/enterprises/" + gaoping.get("id").asString()), token)).andExpect(status().isNotFound());
        assertThat(searchTotal(token, zezhouHospital.get("name").asString())).isZero();
        // nor may it register an enterprise of an industry it does not supervise
        mvc.perform(auth(post("/api/v1/enterprises"), token).contentType(MediaType.APPLICATION_JSON)
                        .content(body(uniqueName("泽州医院"), ZEZHOU_NANCUN, "health.hospital").toString()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ENTERPRISE_OUT_OF_SCOPE"));

        // 市能源局 leads 煤矿 city-wide, but is nowhere on 医院
        String nengyuan = tokenOf("nengyuan");
        mvc.perform(auth(get("/api/v1/enterprises/" + zezhouMine.get("id").asString()), nengyuan)).andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/enterprises/" + zezhouHospital.get("id").asString()), nengyuan)).andExpect(status().isNotFound());
    }

    @Test
    void townshipSeesOnlyItsTownship() throws Exception {
        String nancun = tokenOf("nancun");
        mvc.perform(auth(get("/api/v1/enterprises/" + zezhouHospital.get("id").asString()), nancun)).andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/enterprises/" + zezhouMine.get("id").asString()), nancun)).andExpect(status().isNotFound());
    }

    @Test
    void administratorsSeeNoEnterprises() throws Exception {
        for (String admin : List.of("sysadmin", "secadmin", "auditadmin")) {
            String token = tokenOf(admin);
            mvc.perform(auth(get("/api/v1/enterprises"), token)).andExpect(status().isForbidden());
            mvc.perform(auth(get("/api/v1/enterprises/" + gaoping.get("id").asString()), token)).andExpect(status().isForbidden());
            mvc.perform(auth(get("/api/v1/enterprises/export.xlsx"), token)).andExpect(status().isForbidden());
            mvc.perform(auth(get("/api/v1/enterprises/" + gaoping.get("id").asString() + "/contacts"), token)).andExpect(status().isForbidden());
        }
    }

    private UUID unitId(String name) {
        return jdbc.sql("select id from org_unit where name = :n").param("n", name).query(UUID.class).single();
    }

    private String address(String id) {
        return jdbc.sql("select address from org_enterprise where id = :id").param("id", UUID.fromString(id)).query(String.class).single();
    }

    private long searchTotal(String token, String keyword) throws Exception {
        String body = mvc.perform(auth(get("/api/v1/enterprises").param("keyword", keyword), token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json(body).get("total").asLong();
    }

    private List<String> exportedNames(String token, String keyword) throws Exception {
        byte[] bytes = mvc.perform(auth(get("/api/v1/enterprises/export.xlsx").param("keyword", keyword), token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> names = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet s = wb.getSheetAt(0);
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                names.add(s.getRow(r).getCell(0).getStringCellValue());
            }
        }
        return names;
    }

    static ObjectNode updateBody(JsonNode view, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode b = (ObjectNode) JSON.readTree(view.toString());
        EnterpriseApiIntegrationTests.stripReadOnly(b);
        change.accept(b);
        return b;
    }
}
