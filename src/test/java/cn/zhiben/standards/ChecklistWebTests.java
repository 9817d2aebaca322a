package cn.zhiben.standards;

import cn.zhiben.org.EnterpriseDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An enterprise's checklist follows its industry and special operations, and only its jurisdiction may see it. */
class ChecklistWebTests extends StandardsTestSupport {

    @Autowired
    EnterpriseDirectory enterprises;
    @Autowired
    StandardsLibrary library;

    private UUID machinery;
    private UUID coalMine;

    @BeforeEach
    void fixtures() {
        machinery = enterprise("测试机械厂", "140525100", "indtrade.machinery", "DUST_EXPLOSION");
        coalMine = enterprise("测试煤矿", "140581101", "mine.coal");
    }

    @AfterEach
    void cleanUp() {
        deleteEnterprise(machinery);
        deleteEnterprise(coalMine);
    }

    private JsonNode checklist(String token, UUID id, String date) throws Exception {
        var request = get("/api/v1/enterprises/" + id + "/checklist");
        if (date != null) {
            request.param("date", date);
        }
        return json(mvc.perform(auth(request, token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static List<String> sections(JsonNode checklist) {
        List<String> out = new ArrayList<>();
        checklist.get("sections").forEach(s -> out.add(s.get("categoryName").asString() + "=" + s.get("clauses").size()));
        return out;
    }

    @Test
    void enterpriseProfileRecordsItsSpecialOperations() {
        assertThat(enterprises.specialOperationCodes(machinery)).containsExactly("DUST_EXPLOSION");
        assertThat(enterprises.specialOperationCodes(coalMine)).isEmpty();
        assertThat(enterprises.specialOperationCodes(UUID.randomUUID())).isEmpty();
    }

    @Test
    void checklistGroupsTheClausesOfTheEnterprisesIndustryAndSpecialOperationsByCategory() throws Exception {
        JsonNode list = checklist(token("zezhou"), machinery, "2026-11-29");
        // 管理类 without 第三条第(三)项: that one concerns metal smelting only (issue 8)
        assertThat(sections(list)).containsExactly("管理类（第三条）=2", "机械行业（第七条）=7", "粉尘涉爆（第十一条）=10");
        assertThat(list.get("specialOperations").get(0).asString()).isEqualTo("DUST_EXPLOSION");
        // GB 35181-2025 governs every unit but its items are not held: listed as an incomplete standard
        List<String> incomplete = new ArrayList<>();
        list.get("incomplete").forEach(v -> incomplete.add(v.get("docNo").asString()));
        assertThat(incomplete).contains("GB 35181-2025");
        assertThat(list.get("sections").get(2).get("clauses").get(0).get("specialOperation").asString()).isEqualTo("DUST_EXPLOSION");
    }

    @Test
    void fireClausesAreAddedForEveryUnitWhileGb35181Of2017AppliedAndListedLast() throws Exception {
        JsonNode list = checklist(token("zezhou"), machinery, "2025-10-31");
        assertThat(sections(list)).containsExactly("管理类（第三条）=2", "机械行业（第七条）=7", "粉尘涉爆（第十一条）=10",
                "直接判定要素（第6章）=10");
        JsonNode fire = list.get("sections").get(3);
        assertThat(fire.get("general").asBoolean()).isTrue();
        assertThat(fire.get("version").get("docNo").asString()).isEqualTo("GB 35181-2017");
        assertThat(list.get("sections").get(0).get("general").asBoolean()).isFalse();
    }

    @Test
    void checklistOutsideTheCallersScopeIsNotFound() throws Exception {
        mvc.perform(auth(get("/api/v1/enterprises/" + coalMine + "/checklist"), token("zezhou")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("ENTERPRISE_NOT_FOUND"));
        JsonNode coal = checklist(token("gaoping"), coalMine, null);
        assertThat(coal.get("date").asString()).isEqualTo(LocalDate.now(clock).toString());
        assertThat(sections(coal)).hasSize(15);
        checklist(token("nengyuan"), coalMine, null);
        mvc.perform(auth(get("/api/v1/enterprises/" + machinery + "/checklist"), token("nengyuan"))).andExpect(status().isNotFound());
        checklist(token("city"), machinery, null);
        // an enterprise account sees its own checklist only
        mvc.perform(get("/api/v1/enterprises/" + machinery + "/checklist").with(enterpriseUser(machinery))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/enterprises/" + coalMine + "/checklist").with(enterpriseUser(machinery))).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/enterprises/" + UUID.randomUUID() + "/checklist"), token("city"))).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/enterprises/" + machinery + "/checklist"), token("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/enterprises/" + machinery + "/checklist")).andExpect(status().isUnauthorized());
    }

    @Test
    void badDateOrIdIsA400() throws Exception {
        mvc.perform(auth(get("/api/v1/enterprises/" + machinery + "/checklist").param("date", "2025-13-01"), token("city")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(auth(get("/api/v1/enterprises/not-a-uuid/checklist"), token("city")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void checklistMatchesTheLibraryApi() {
        var checklist = library.checklist(machinery, LocalDate.of(2026, 11, 29));
        assertThat(checklist.sections().stream().flatMap(s -> s.clauses().stream()).map(StandardClause::id).toList())
                .containsExactlyElementsOf(library.clausesInForce("indtrade.machinery", Set.of("DUST_EXPLOSION"),
                        LocalDate.of(2026, 11, 29)).stream().map(StandardClause::id).toList());
    }
}
