package cn.zhiben.standards;

import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Local clauses and corrections: drafted by a member unit, used only once the city office approves, from their date. */
class LocalClauseWebTests extends StandardsTestSupport {

    @Autowired
    StandardsLibrary library;

    private String code;
    private UUID versionId;
    private UUID enterpriseId;

    @BeforeEach
    void publishTestVersion() throws Exception {
        code = uniqueCode();
        String city = token("city");
        String file = json(code, "\"indtrade.light\"", "2026-01-01", null,
                clauseJson("1.1", "1", "测试：原条款甲") + "," + clauseJson("2.1", "2", "测试：原条款乙"));
        String body = importFile(city, "v.json", file.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        versionId = UUID.fromString(json(body).get("id").asString());
        mvc.perform(auth(post("/api/v1/standards/versions/" + versionId + "/publish"), city)).andExpect(status().isOk());
        enterpriseId = enterprise("测试轻工企业", "140525100", "indtrade.light");
    }

    @AfterEach
    void cleanUp() {
        deleteEnterprise(enterpriseId);
        deleteStandard(code);
    }

    private String draftJson(String kind, UUID clauseId, String clauseNo, String summary, String from) {
        return """
                {"kind": "%s", "versionId": "%s", "clauseId": %s, "clauseNo": %s, "categoryCode": "1",
                 "summary": "%s", "docNo": "晋市应急发〔2026〕8号", "reason": "新风险：本地事故暴露的问题",
                 "effectiveFrom": "%s"}""".formatted(kind, versionId, clauseId == null ? "null" : "\"" + clauseId + "\"",
                clauseNo == null ? "null" : "\"" + clauseNo + "\"", summary, from);
    }

    private UUID draft(String token, String json) throws Exception {
        String body = mvc.perform(auth(post("/api/v1/standards/local-changes"), token)
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(json(body).get("id").asString());
    }

    private List<String> checklistSummaries(String token, String date) throws Exception {
        String body = mvc.perform(auth(get("/api/v1/enterprises/" + enterpriseId + "/checklist").param("date", date), token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> out = new java.util.ArrayList<>();
        json(body).get("sections").forEach(s -> s.get("clauses").forEach(c -> out.add(c.get("summary").asString())));
        return out;
    }

    @Test
    void unapprovedLocalClauseNeverAppearsInAChecklistAndAnApprovedOneDoesFromItsEffectiveDate() throws Exception {
        String yingji = token("yingji");
        String city = token("city");
        UUID change = draft(yingji, draftJson("ADD", null, "L1", "测试：本地新增条款", "2026-03-01"));

        assertThat(checklistSummaries(city, "2026-04-01")).contains("测试：原条款甲").doesNotContain("测试：本地新增条款");
        assertThat(library.clausesInForce("indtrade.light", Set.of(), LocalDate.of(2026, 4, 1)))
                .noneMatch(c -> c.summary().equals("测试：本地新增条款"));
        assertThat(count("select count(*) from std_clause where version_id = '" + versionId + "' and origin = 'LOCAL'")).isZero();

        mvc.perform(auth(post("/api/v1/standards/local-changes/" + change + "/approve"), city)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"同意\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

        assertThat(checklistSummaries(city, "2026-02-28")).doesNotContain("测试：本地新增条款");
        assertThat(checklistSummaries(city, "2026-03-01")).contains("测试：本地新增条款", "测试：原条款甲");
        StandardClause local = library.clausesInForce("indtrade.light", Set.of(), LocalDate.of(2026, 3, 1)).stream()
                .filter(c -> c.summary().equals("测试：本地新增条款")).findFirst().orElseThrow();
        assertThat(local.origin()).isEqualTo(ClauseOrigin.LOCAL);
        assertThat(local.localDocNo()).isEqualTo("晋市应急发〔2026〕8号");
        assertThat(local.validFrom()).isEqualTo(LocalDate.of(2026, 3, 1));

        // who changed what: the transitions and the audit log
        mvc.perform(auth(get("/api/v1/standards/local-changes/" + change), yingji))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history.length()").value(2))
                .andExpect(jsonPath("$.history[0].to").value("PENDING"))
                .andExpect(jsonPath("$.history[0].actor").value(org.hamcrest.Matchers.startsWith("yingji")))
                .andExpect(jsonPath("$.history[1].from").value("PENDING"))
                .andExpect(jsonPath("$.history[1].to").value("APPROVED"))
                .andExpect(jsonPath("$.history[1].actor").value("city"));
        assertThat(count("select count(*) from audit_log where entity_type = 'std_local_change' and entity_id = '" + change + "'"))
                .isEqualTo(2);
        mvc.perform(auth(post("/api/v1/standards/local-changes/" + change + "/approve"), city))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
    }

    @Test
    void rejectedAndWithdrawnDraftsAreNeverUsed() throws Exception {
        String yingji = token("yingji");
        String city = token("city");
        UUID rejected = draft(yingji, draftJson("ADD", null, "L2", "测试：被退回的条款", "2026-02-01"));
        mvc.perform(auth(post("/api/v1/standards/local-changes/" + rejected + "/reject"), city)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(auth(post("/api/v1/standards/local-changes/" + rejected + "/reject"), city)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"依据不足\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decisionNote").value("依据不足"));
        UUID withdrawn = draft(yingji, draftJson("ADD", null, "L3", "测试：被撤回的条款", "2026-02-01"));
        mvc.perform(auth(post("/api/v1/standards/local-changes/" + withdrawn + "/withdraw"), yingji))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        mvc.perform(auth(post("/api/v1/standards/local-changes/" + withdrawn + "/approve"), city))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
        assertThat(checklistSummaries(city, "2026-06-01")).doesNotContain("测试：被退回的条款", "测试：被撤回的条款");
        assertThat(count("select count(*) from std_clause where version_id = '" + versionId + "' and origin = 'LOCAL'")).isZero();
    }

    @Test
    void approvedCorrectionReplacesTheNationalClauseFromItsDateOnly() throws Exception {
        String yingji = token("yingji");
        UUID original = jdbc.sql("select id from std_clause where version_id = :v and clause_no = '1.1'")
                .param("v", versionId).query(UUID.class).single();
        UUID change = draft(yingji, draftJson("CORRECT", original, null, "测试：依原文修正后的条款甲", "2026-05-01"));
        mvc.perform(auth(post("/api/v1/standards/local-changes/" + change + "/approve"), token("city"))).andExpect(status().isOk());

        List<StandardClause> before = library.clausesInForce("indtrade.light", Set.of(), LocalDate.of(2026, 4, 30));
        List<StandardClause> after = library.clausesInForce("indtrade.light", Set.of(), LocalDate.of(2026, 5, 1));
        assertThat(before).filteredOn(c -> c.version().id().equals(versionId)).extracting(StandardClause::summary)
                .containsExactly("测试：原条款甲", "测试：原条款乙");
        assertThat(after).filteredOn(c -> c.version().id().equals(versionId)).extracting(StandardClause::summary)
                .containsExactly("测试：依原文修正后的条款甲", "测试：原条款乙");
        StandardClause correction = after.stream().filter(c -> c.correctsClauseId() != null).findFirst().orElseThrow();
        assertThat(correction.clauseNo()).isEqualTo("1.1");
        assertThat(correction.correctsClauseId()).isEqualTo(original);

        // a hazard judged earlier keeps the original; a new judgement must cite the correction
        assertThat(library.requireApplicable(original, "indtrade.light", Set.of(), LocalDate.of(2026, 4, 30)).id()).isEqualTo(original);
        assertThatThrownBy(() -> library.requireApplicable(original, "indtrade.light", Set.of(), LocalDate.of(2026, 5, 2)))
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("CLAUSE_CORRECTED"));
        assertThat(library.requireApplicable(correction.id(), "indtrade.light", Set.of(), LocalDate.of(2026, 5, 2)).summary())
                .isEqualTo("测试：依原文修正后的条款甲");
        mvc.perform(auth(get("/api/v1/standards/clauses/" + original), token("zezhou")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.corrections[0].id").value(correction.id().toString()));
    }

    @Test
    void onlyMemberUnitsDraftOnlyForTheirIndustriesAndOnlyTheCityOfficeDecides() throws Exception {
        long before = count("select count(*) from std_local_change");
        String add = draftJson("ADD", null, "L9", "测试：越权条款", "2026-02-01");
        mvc.perform(auth(post("/api/v1/standards/local-changes"), token("zezhou")).contentType(MediaType.APPLICATION_JSON).content(add))
                .andExpect(status().isForbidden());
        mvc.perform(auth(post("/api/v1/standards/local-changes"), token("city")).contentType(MediaType.APPLICATION_JSON).content(add))
                .andExpect(status().isForbidden());
        mvc.perform(auth(post("/api/v1/standards/local-changes"), token("nengyuan")).contentType(MediaType.APPLICATION_JSON).content(add))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("STANDARD_OUT_OF_SCOPE"));
        mvc.perform(post("/api/v1/standards/local-changes").with(enterpriseUser(enterpriseId))
                        .contentType(MediaType.APPLICATION_JSON).content(add))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/standards/local-changes").with(enterpriseUser(enterpriseId))).andExpect(status().isForbidden());
        mvc.perform(auth(get("/api/v1/standards/local-changes"), token("zezhou"))).andExpect(status().isForbidden());
        // bad input: named fields, nothing stored
        mvc.perform(auth(post("/api/v1/standards/local-changes"), token("yingji")).contentType(MediaType.APPLICATION_JSON)
                        .content(add.replace("晋市应急发〔2026〕8号", "").replace("\"L9\"", "\"1.1\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("docNo"));
        mvc.perform(auth(post("/api/v1/standards/local-changes"), token("yingji")).contentType(MediaType.APPLICATION_JSON)
                        .content(add.replace("\"L9\"", "\"1.1\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("clauseNo"));
        mvc.perform(auth(post("/api/v1/standards/local-changes"), token("yingji")).contentType(MediaType.APPLICATION_JSON)
                        .content(add.replace("2026-02-01", "2025-12-01")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
        mvc.perform(auth(post("/api/v1/standards/local-changes"), token("yingji")).contentType(MediaType.APPLICATION_JSON)
                        .content(add.replace(versionId.toString(), UUID.randomUUID().toString())))
                .andExpect(status().isNotFound());
        mvc.perform(auth(post("/api/v1/standards/local-changes"), token("yingji")).contentType(MediaType.APPLICATION_JSON)
                        .content(add.replace("\"ADD\"", "\"REMOVE\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_FIELD_VALUE"));
        mvc.perform(auth(post("/api/v1/standards/local-changes"), token("yingji")).contentType(MediaType.APPLICATION_JSON)
                        .content(add.replace(versionId.toString(), version("coal-statute-2024").toString())))
                .andExpect(status().is4xxClientError());
        assertThat(count("select count(*) from std_local_change")).isEqualTo(before);

        UUID change = draft(token("yingji"), add);
        mvc.perform(auth(post("/api/v1/standards/local-changes/" + change + "/approve"), token("yingji"))).andExpect(status().isForbidden());
        mvc.perform(auth(post("/api/v1/standards/local-changes/" + change + "/approve"), token("zezhou"))).andExpect(status().isForbidden());
        mvc.perform(auth(get("/api/v1/standards/local-changes/" + change), token("nengyuan"))).andExpect(status().isNotFound());
        mvc.perform(auth(post("/api/v1/standards/local-changes/" + change + "/withdraw"), token("nengyuan"))).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/standards/local-changes"), token("nengyuan")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + change + "')]").isEmpty());
        mvc.perform(auth(get("/api/v1/standards/local-changes").param("status", "PENDING"), token("city")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + change + "')]").isNotEmpty());
        assertThat(jdbc.sql("select status from std_local_change where id = :id").param("id", change).query(String.class).single())
                .isEqualTo("PENDING");
    }
}
