package cn.zhiben.tipoffs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whistleblower's identity (安监总财〔2018〕19号: the reporter's information is confidential) never reaches the handling
 * unit, the reported enterprise, an export or the audit summary; only a specially authorised account opens it, for a
 * stated purpose, and each opening is audited.
 */
class TipoffIdentityWebTests extends TipoffTestSupport {

    private static final String NAME = "举报人甲乙丙";
    private static final String PHONE = "13912345678";
    private static final String ID = "11010519491231002X";
    private static final String ACCOUNT = "6222020200112233445";

    @AfterEach
    void revokeGrants() {
        jdbc.sql("update tip_identity_grant set revoked_at = now() where revoked_at is null and username in ('zezhou','gaoping')").update();
    }

    private List<String> leaks(String body) {
        List<String> found = new ArrayList<>();
        for (String secret : new String[]{NAME, PHONE, ID, ACCOUNT, "912345678", "0112233445", "1949123"}) {
            if (body.contains(secret)) {
                found.add(secret);
            }
        }
        return found;
    }

    private String body(String username, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b) throws Exception {
        var r = mvc.perform(auth(b, token(username))).andReturn().getResponse();
        assertThat(r.getStatus()).as(username + " " + b).isLessThan(500);
        if (r.getContentType() != null && r.getContentType().contains("spreadsheetml") && r.getStatus() == 200) {
            // an export is a zip: read the cells themselves
            StringBuilder text = new StringBuilder();
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(r.getContentAsByteArray()))) {
                var fmt = new org.apache.poi.ss.usermodel.DataFormatter();
                wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(fmt.formatCellValue(cell)).append('\t'))));
            }
            assertThat(text).as("export of " + username).isNotEmpty();
            return text.toString();
        }
        return r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String pageBody(org.springframework.mock.web.MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theIdentityNeverAppearsInAnyAnswerToTheHandlingUnitTheEnterpriseTheExportsOrTheAuditSummary() throws Exception {
        UUID id = acceptedCoalTipoff(NAME);
        // the sealed column holds no plain text either
        String sealed = jdbc.sql("select sealed from tip_identity where tipoff_id = :t").param("t", id).query(String.class).single();
        assertThat(leaks(sealed)).isEmpty();
        String unit = token("zezhou-yingji");
        int version = detail(unit, id).get("version").asInt();
        act(unit, id, "conclude", Map.of("finding", "TRUE", "conclusion", "属实", "version", version)).andExpect(status().isOk());
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("grade", "MAJOR");
        h.put("clauseId", coalClause(13).toString());
        JsonNode hazard = json(act(unit, id, "hazard", h).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String hazardId = hazard.get("hazardId").asString();

        // every GET of the tip-off API the government roles can call, as each of them
        List<String> apiPaths = List.of("/api/v1/tipoffs", "/api/v1/tipoffs/" + id, "/api/v1/tipoffs/export.xlsx",
                "/api/v1/tipoffs/rewards", "/api/v1/tipoffs/ledger", "/api/v1/tipoffs/reward-rules",
                "/api/v1/tipoffs/" + id + "/reward", "/api/v1/tipoffs/routing?regionCode=140525&industryCode=mine.coal");
        for (String user : new String[]{"city", "zezhou", "zezhou-yingji", "yingji", "nengyuan"}) {
            for (String path : apiPaths) {
                assertThat(leaks(body(user, get(path)))).as(user + " " + path).isEmpty();
            }
            assertThat(leaks(body(user, get("/api/v1/hazards/" + hazardId)))).as(user + " hazard").isEmpty();
            assertThat(leaks(body(user, get("/api/v1/inbox")))).as(user + " inbox").isEmpty();
        }
        // the reported enterprise: its hazard, its inbox, its pages — nothing about who reported, not even the tip-off
        for (String user : new String[]{"qiye", "qiye-fzr"}) {
            String hz = body(user, get("/api/v1/hazards/" + hazardId));
            assertThat(leaks(hz)).isEmpty();
            assertThat(body(user, get("/api/v1/tipoffs/" + id))).doesNotContain(id.toString() + "\",\"number");
            assertThat(leaks(body(user, get("/api/v1/inbox")))).isEmpty();
            assertThat(leaks(body(user, get("/api/v1/hazards/export.xlsx")))).isEmpty();
        }
        // the pages the handling unit and the office use
        for (String user : new String[]{"zezhou-yingji", "zezhou", "city"}) {
            var session = login(user);
            for (String path : new String[]{"/tipoffs", "/tipoffs/" + id, "/tipoffs/rewards", "/hazards/" + hazardId}) {
                assertThat(leaks(pageBody(session, path))).as(user + " " + path).isEmpty();
            }
        }
        // the audit log as the audit administrator reads it, and its raw rows
        assertThat(leaks(body("auditadmin", get("/api/v1/audit?size=200")))).isEmpty();
        assertThat(leaks(body("auditadmin", get("/api/v1/audit/export")))).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where coalesce(changes, '') like :a or coalesce(changes, '') like :b or coalesce(detail, '') like :a")
                .param("a", "%" + NAME + "%").param("b", "%" + PHONE + "%").query(Long.class).single()).isZero();
        // nor the SMS log or any notification
        assertThat(jdbc.sql("select count(*) from ntf_message where body like :a or title like :a").param("a", "%" + NAME + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyASpeciallyAuthorisedAccountOpensTheIdentityForAStatedPurposeAndEachOpeningIsAudited() throws Exception {
        UUID id = acceptedCoalTipoff(NAME);
        // without a grant, no one opens it — not the county office, not the handling unit
        for (String user : new String[]{"zezhou", "zezhou-yingji", "yingji"}) {
            mvc.perform(auth(post("/api/v1/tipoffs/" + id + "/identity"), token(user)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"purpose\":\"核实举报人身份以发放奖励\"}")).andExpect(status().isForbidden());
        }
        // the security administrator grants it to an office account (not to a unit), with the authorising document
        String sec = token("secadmin");
        mvc.perform(auth(post("/api/v1/tipoffs/identity-grants"), sec).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"zezhou-yingji\",\"note\":\"泽安办〔2026〕1号\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TIPOFF_GRANT_ROLE_INVALID"));
        mvc.perform(auth(post("/api/v1/tipoffs/identity-grants"), sec).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"no-such-account\",\"note\":\"泽安办〔2026〕1号\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TIPOFF_GRANT_USER_UNKNOWN"));
        mvc.perform(auth(post("/api/v1/tipoffs/identity-grants"), token("city")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"zezhou\",\"note\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(auth(post("/api/v1/tipoffs/identity-grants"), sec).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"zezhou\",\"note\":\"泽安办〔2026〕1号\"}")).andExpect(status().isCreated());
        String zezhou = token("zezhou");
        mvc.perform(auth(post("/api/v1/tipoffs/" + id + "/identity"), zezhou).contentType(MediaType.APPLICATION_JSON)
                .content("{\"purpose\":\" \"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TIPOFF_IDENTITY_PURPOSE_REQUIRED"));
        long audits = jdbc.sql("select count(*) from audit_log where action = 'VIEW_PERSONAL_DATA' and entity_id = :t")
                .param("t", id.toString()).query(Long.class).single();
        mvc.perform(auth(post("/api/v1/tipoffs/" + id + "/identity"), zezhou).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"purpose\":\"核实举报人身份以发放奖励\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(NAME)).andExpect(jsonPath("$.idNumber").value(ID))
                .andExpect(jsonPath("$.bankAccount").value(ACCOUNT));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'VIEW_PERSONAL_DATA' and entity_id = :t")
                .param("t", id.toString()).query(Long.class).single()).isEqualTo(audits + 1);
        String audited = jdbc.sql("select changes from audit_log where action = 'VIEW_PERSONAL_DATA' and entity_id = :t order by seq desc limit 1")
                .param("t", id.toString()).query(String.class).single();
        assertThat(audited).contains("核实举报人身份以发放奖励");
        assertThat(leaks(audited)).isEmpty();
        JsonNode accesses = json(body("zezhou", get("/api/v1/tipoffs/" + id + "/identity-accesses")));
        assertThat(accesses.get(accesses.size() - 1).get("purpose").asString()).isEqualTo("核实举报人身份以发放奖励");
        // a grant is no key to another county's tip-offs: 404 like any other
        UUID gaopingCase = idOf(submitted(report("高平某企业", "140581", null, NAME)));
        mvc.perform(auth(post("/api/v1/tipoffs/" + gaopingCase + "/identity"), zezhou).contentType(MediaType.APPLICATION_JSON)
                .content("{\"purpose\":\"核实举报人身份以发放奖励\"}")).andExpect(status().isNotFound());
        // revoked: closed again
        mvc.perform(auth(delete("/api/v1/tipoffs/identity-grants/" + userId("zezhou")), sec)).andExpect(status().isNoContent());
        mvc.perform(auth(post("/api/v1/tipoffs/" + id + "/identity"), zezhou).contentType(MediaType.APPLICATION_JSON)
                .content("{\"purpose\":\"核实举报人身份以发放奖励\"}")).andExpect(status().isForbidden());
    }

    @Test
    void anAnonymousReportHasNoIdentityToOpen() throws Exception {
        UUID id = acceptedCoalTipoff(null);
        assertThat(jdbc.sql("select count(*) from tip_identity where tipoff_id = :t").param("t", id).query(Long.class).single()).isZero();
    }
}
