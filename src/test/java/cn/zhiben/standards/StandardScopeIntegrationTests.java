package cn.zhiben.standards;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The checklist applies each standard where its scope says (issue 8): 安监总管三〔2017〕121号 to 化工和危险化学品生产经营
 * 单位 only, 令第10号 第三条第（三）项 to metal smelting only, the special-equipment rule to every user of special equipment;
 * and the city office can still import the clauses of GB 35181-2025 when it has the official text.
 */
class StandardScopeIntegrationTests extends StandardsTestSupport {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @Autowired
    StandardsLibrary library;

    private List<StandardClause> clauses(String industry, Set<String> operations) {
        return library.clausesInForce(industry, operations, DAY);
    }

    private static boolean hazchem(StandardClause c) {
        return "hazchem".equals(c.version().standardCode());
    }

    @Test
    void theHazardousChemicalsStandardIsForProducersAndTradersNotForUsers() {
        assertThat(clauses("hazchem.production", Set.of())).filteredOn(StandardScopeIntegrationTests::hazchem).hasSize(20);
        assertThat(clauses("hazchem.trade", Set.of())).filteredOn(StandardScopeIntegrationTests::hazchem).hasSize(20);
        // hospitals, schools, laboratories that only use chemicals; carriers follow the road-transport standard
        assertThat(clauses("hazchem.use", Set.of("HAZARDOUS_CHEMICALS_USE"))).noneMatch(StandardScopeIntegrationTests::hazchem);
        assertThat(clauses("hazchem.transport", Set.of())).noneMatch(StandardScopeIntegrationTests::hazchem);
        assertThat(clauses("health.hospital", Set.of("HAZARDOUS_CHEMICALS_USE"))).noneMatch(StandardScopeIntegrationTests::hazchem);
    }

    @Test
    void clauseThreeThreeOfOrderTenIsForMetalSmeltingOnly() {
        UUID c33 = clause("indtrade-2023", "3.3");
        assertThat(clauses("indtrade.building", Set.of())).extracting(StandardClause::id).doesNotContain(c33)
                .contains(clause("indtrade-2023", "3.1"));
        assertThat(clauses("indtrade.metallurgy", Set.of())).extracting(StandardClause::id).doesNotContain(c33);
        assertThat(clauses("indtrade.metallurgy", Set.of("METAL_SMELTING"))).extracting(StandardClause::id).contains(c33);
        assertThat(clauses("indtrade.machinery", Set.of("METAL_SMELTING"))).extracting(StandardClause::id).contains(c33);
    }

    @Test
    void theSpecialEquipmentRuleConcernsEveryUnitAndBelongsToTheSpecialEquipmentField() {
        UUID special = version("special-2024");
        assertThat(library.crossIndustryField(special)).contains("special");
        assertThat(library.crossIndustryField(version("fire-2025"))).contains("fire");
        assertThat(library.crossIndustryField(version("coal-2021"))).isEmpty();
        UUID mine = jdbc.sql("select id from org_enterprise where name like '泽州示范巴公煤业%'").query(UUID.class).single();
        assertThat(library.checklist(mine, DAY).standards()).extracting(StandardVersionRef::id).contains(special);
    }

    @Test
    void theCityOfficeCanStillImportTheClausesOfTheNewFireStandard() throws Exception {
        String file = """
                {"format": "zhiben-standard/1",
                 "standard": {"code": "fire", "name": "重大火灾隐患判定（GB 35181）"},
                 "version": {"edition": "GB 35181-2025（条款）", "name": "重大火灾隐患判定规则", "issuer": "国家市场监督管理总局、国家标准化管理委员会",
                   "docNo": "GB 35181-2025", "legalNature": "强制性国家标准", "effectiveFrom": "2025-11-01", "supersedes": "%s",
                   "industries": ["fire"], "allIndustries": "是", "metadataConfidence": "已核实", "source": "标准正式文本（测试）"},
                 "categories": [{"code": "5", "name": "直接判定要素"}],
                 "clauses": [{"clauseNo": "5.1", "category": "5", "summary": "测试：直接判定要素一", "confidence": "已核实"}]}
                """.formatted(version("fire-2025"));
        String body = importFile(token("city"), "gb35181-2025.json", file.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        UUID draft = UUID.fromString(json(body).get("id").asString());
        try {
            assertThat(jdbc.sql("select count(*) from std_clause where version_id = :v").param("v", draft).query(Long.class).single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select all_industries from std_version where id = :v").param("v", draft).query(Boolean.class).single())
                    .isTrue();
        } finally {
            mvc.perform(auth(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/standards/versions/" + draft),
                    token("city"))).andExpect(status().isNoContent());
        }
    }
}
