package cn.zhiben.audit;

import cn.zhiben.identity.Accounts;
import cn.zhiben.identity.Accounts.Account;
import cn.zhiben.support.IntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.zhiben.identity.Accounts.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit log's web side: search, chain verification (including tampering), export, refused writes, who may read. */
class AuditWebTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private cn.zhiben.standards.StandardsLibrary standards;

    private String auditor;
    private String sec;

    @BeforeEach
    void tokens() throws Exception {
        auditor = token("auditadmin");
        sec = token("secadmin");
    }

    private static JsonNode body(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    /** "k=v&k=v", values taken literally (they may hold spaces). */
    private JsonNode search(String query) throws Exception {
        var request = get("/api/v1/audit");
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            request.param(pair.substring(0, eq), pair.substring(eq + 1));
        }
        MvcResult r = mvc.perform(auth(request, auditor)).andExpect(status().isOk()).andReturn();
        return body(r);
    }

    @Test
    void searchesByEntityActorActionAndResultNewestFirst() throws Exception {
        Account u = Accounts.create(mvc, sec, "CITY_OFFICE", null, null);
        JsonNode one = search("entityType=user&entityId=" + u.id());
        assertThat(one.get("total").asLong()).isEqualTo(1);
        JsonNode row = one.get("items").get(0);
        assertThat(row.get("action").asString()).isEqualTo("CREATE");
        assertThat(row.get("actionLabel").asString()).isEqualTo("新增");
        assertThat(row.get("actorUsername").asString()).isEqualTo("secadmin");
        assertThat(row.get("actorRoleLabel").asString()).isEqualTo("安全管理员");
        assertThat(row.get("result").asString()).isEqualTo("SUCCESS");
        assertThat(row.get("changes").get("role").get(1).asString()).isEqualTo("CITY_OFFICE");
        assertThat(row.get("summary").asString()).contains("角色：空 → 市安委办");

        Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        Accounts.login(mvc, u.username(), u.password(), null);
        JsonNode failures = search("actor=" + u.username() + "&result=FAILURE");
        assertThat(failures.get("total").asLong()).isEqualTo(1);
        assertThat(failures.get("items").get(0).get("action").asString()).isEqualTo("LOGIN_FAILED");
        JsonNode logins = search("actor=" + u.username() + "&action=LOGIN");
        assertThat(logins.get("total").asLong()).isEqualTo(1);
        JsonNode all = search("actor=" + u.username());
        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(all.get("items").get(0).get("seq").asLong()).isGreaterThan(all.get("items").get(1).get("seq").asLong());
        assertThat(all.get("items").get(0).get("action").asString()).isEqualTo("LOGIN");
    }

    @Test
    void searchesByClientAddressAndTime() throws Exception {
        String name = Accounts.uniqueName("ghost");
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + name + "\",\"password\":\"x\"}")
                .with(r -> {
                    r.setRemoteAddr("10.77.1.2");
                    return r;
                }));
        JsonNode byAddress = search("clientAddress=10.77.&actor=" + name);
        assertThat(byAddress.get("total").asLong()).isEqualTo(1);
        assertThat(byAddress.get("items").get(0).get("clientAddress").asString()).isEqualTo("10.77.1.2");
        assertThat(search("clientAddress=10.78.&actor=" + name).get("total").asLong()).isZero();

        String past = Accounts.uniqueName("past");
        clock.set(LocalDateTime.parse("2020-03-01T10:00:00").atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        Accounts.login(mvc, past, "x", null);
        clock.reset();
        assertThat(search("actor=" + past + "&from=2020-03-01&to=2020-03-01").get("total").asLong()).isEqualTo(1);
        assertThat(search("actor=" + past + "&from=2020-03-01T09:59&to=2020-03-01T10:01").get("total").asLong()).isEqualTo(1);
        assertThat(search("actor=" + past + "&from=2020-03-01T10:00:01").get("total").asLong()).isZero();
        assertThat(search("actor=" + past + "&to=2020-02-29").get("total").asLong()).isZero();
        assertThat(search("actor=" + past).get("items").get(0).get("occurredAt").asString()).isEqualTo("2020-03-01T02:00:00Z");
    }

    @Test
    void badSearchParametersAre400() throws Exception {
        mvc.perform(auth(get("/api/v1/audit?from=yesterday"), auditor))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(auth(get("/api/v1/audit?action=HACK"), auditor))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(auth(get("/api/v1/audit?size=0"), auditor)).andExpect(status().isBadRequest());
        mvc.perform(auth(get("/api/v1/audit?page=x"), auditor)).andExpect(status().isBadRequest());
    }

    @Test
    void verifiesAnIntactChain() throws Exception {
        MvcResult r = mvc.perform(auth(get("/api/v1/audit/verify"), auditor)).andExpect(status().isOk()).andReturn();
        long rows = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        assertThat(body(r).get("intact").asBoolean()).isTrue();
        assertThat(body(r).get("rowsChecked").asLong()).isEqualTo(rows);
        assertThat(body(r).has("brokenSeq")).isFalse();
        assertThat(body(r).get("reason").asString()).startsWith("审计日志完整，未发现篡改");
    }

    @Test
    void findsTheRowWhoseContentWasChanged() throws Exception {
        Account u = Accounts.create(mvc, sec, "CITY_OFFICE", null, null);
        long seq = jdbc.sql("select seq from audit_log where entity_id = :id and action = 'CREATE'")
                .param("id", u.id().toString()).query(Long.class).single();
        UUID rowId = jdbc.sql("select id from audit_log where seq = :s").param("s", seq).query(UUID.class).single();
        String original = jdbc.sql("select detail from audit_log where seq = :s").param("s", seq).query(String.class).optional().orElse(null);
        try {
            jdbc.sql("alter table audit_log disable trigger audit_log_append_only").update();
            jdbc.sql("update audit_log set detail = '已篡改' where seq = :s").param("s", seq).update();
            mvc.perform(auth(get("/api/v1/audit/verify"), auditor))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.brokenSeq").value(seq))
                    .andExpect(jsonPath("$.brokenId").value(rowId.toString()))
                    .andExpect(jsonPath("$.reason").value(containsString("内容校验码不符")));
        } finally {
            jdbc.sql("update audit_log set detail = :d where seq = :s").param("d", original).param("s", seq).update();
            jdbc.sql("alter table audit_log enable trigger audit_log_append_only").update();
        }
        mvc.perform(auth(get("/api/v1/audit/verify"), auditor)).andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void findsTheGapOfADeletedRow() throws Exception {
        Account a = Accounts.create(mvc, sec, "CITY_OFFICE", null, null);
        Accounts.create(mvc, sec, "CITY_OFFICE", null, null);
        long seq = jdbc.sql("select seq from audit_log where entity_id = :id and action = 'CREATE'")
                .param("id", a.id().toString()).query(Long.class).single();
        Map<String, Object> row = jdbc.sql("""
                select seq, id, occurred_at, actor_id, actor_username, actor_role, client_address, action, entity_type,
                       entity_id, changes, result, detail, prev_hash, hash, hash_version from audit_log where seq = :s""")
                .param("s", seq).query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        String col = rs.getMetaData().getColumnName(i);
                        m.put(col, col.equals("occurred_at") ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
                    }
                    return m;
                }).single();
        try {
            jdbc.sql("alter table audit_log disable trigger audit_log_append_only").update();
            jdbc.sql("delete from audit_log where seq = :s").param("s", seq).update();
            mvc.perform(auth(get("/api/v1/audit/verify"), auditor))
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.brokenSeq").value(seq + 1))
                    .andExpect(jsonPath("$.reason").value(containsString("缺少第 " + seq + " 条")));
        } finally {
            jdbc.sql("""
                    insert into audit_log (seq, id, occurred_at, actor_id, actor_username, actor_role, client_address, action,
                        entity_type, entity_id, changes, result, detail, prev_hash, hash, hash_version)
                    values (:seq, :id, :occurred_at, :actor_id, :actor_username, :actor_role, :client_address, :action,
                        :entity_type, :entity_id, :changes, :result, :detail, :prev_hash, :hash, :hash_version)""")
                    .params(row).update();
            jdbc.sql("alter table audit_log enable trigger audit_log_append_only").update();
        }
        mvc.perform(auth(get("/api/v1/audit/verify"), auditor)).andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void exportsTheFilteredLogAndAuditsTheExport() throws Exception {
        Account u = Accounts.create(mvc, sec, "CITY_OFFICE", null, null);
        MvcResult r = mvc.perform(auth(get("/api/v1/audit/export?entityType=user&entityId=" + u.id()), auditor))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn();
        assertThat(r.getResponse().getHeader("Content-Disposition")).contains("attachment");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("secadmin");
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("新增");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo(u.id().toString());
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("账号");
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo(u.username());
            assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).contains("角色：空 → 市安委办");
            // the values as recorded (and hashed) stay in the export beside the readable ones
            assertThat(sheet.getRow(0).getCell(12).getStringCellValue()).isEqualTo("对象类型（原值）");
            assertThat(sheet.getRow(1).getCell(12).getStringCellValue()).isEqualTo("user");
            assertThat(sheet.getRow(0).getCell(13).getStringCellValue()).isEqualTo("内容（原值）");
            assertThat(sheet.getRow(1).getCell(13).getStringCellValue()).contains("\"role\":[null,\"CITY_OFFICE\"]");
        }
        String facts = jdbc.sql("select changes from audit_log where action = 'EXPORT' and actor_username = 'auditadmin' order by seq desc limit 1")
                .query(String.class).single();
        assertThat(JSON.readTree(facts).get("entityId").asString()).isEqualTo(u.id().toString());
        assertThat(JSON.readTree(facts).get("rows").asInt()).isEqualTo(1);
    }

    /** 三员分立: only the audit administrator reads the log (等保 8.1.4.3). */
    @Test
    void onlyTheAuditAdministratorReadsTheLog() throws Exception {
        for (String who : List.of("secadmin", "sysadmin", "city", "zezhou")) {
            String t = token(who);
            for (String path : List.of("/api/v1/audit", "/api/v1/audit/verify", "/api/v1/audit/export")) {
                mvc.perform(auth(get(path), t)).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
            }
        }
        for (String path : List.of("/api/v1/audit", "/api/v1/audit/verify", "/api/v1/audit/export")) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
        }
        // and the audit administrator changes no account
        mvc.perform(auth(post("/api/v1/users"), auditor).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Accounts.body(Accounts.uniqueName("aud"), "CITY_OFFICE", null, null, null))))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusedWritesAreRecorded() throws Exception {
        String city = token("city");
        String name = Accounts.uniqueName("rej");
        mvc.perform(auth(post("/api/v1/users"), city).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Accounts.body(name, "CITY_OFFICE", null, null, null))))
                .andExpect(status().isForbidden());
        JsonNode byCity = search("action=REJECTED_WRITE&actor=city&entityId=POST /api/v1/users");
        JsonNode forbidden = byCity.get("items").get(0);
        assertThat(forbidden.get("result").asString()).isEqualTo("FAILURE");
        assertThat(forbidden.get("actorRole").asString()).isEqualTo("CITY_OFFICE");
        assertThat(forbidden.get("changes").get("status").asInt()).isEqualTo(403);
        assertThat(forbidden.get("changes").get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(forbidden.get("changes").get("method").asString()).isEqualTo("POST");
        assertThat(forbidden.get("changes").get("path").asString()).isEqualTo("/api/v1/users");

        long before = jdbc.sql("select count(*) from audit_log where action = 'REJECTED_WRITE'").query(Long.class).single();
        mvc.perform(auth(post("/api/v1/users"), sec).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Accounts.body("city", "CITY_OFFICE", null, null, null))))
                .andExpect(status().isConflict());
        JsonNode conflict = search("action=REJECTED_WRITE&actor=secadmin").get("items").get(0);
        assertThat(conflict.get("changes").get("code").asString()).isEqualTo("USERNAME_TAKEN");
        assertThat(conflict.get("detail").asString()).isEqualTo("用户名 city 已被使用");

        UUID nobody = UUID.randomUUID();
        mvc.perform(put("/api/v1/users/" + nobody).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        JsonNode anonymous = search("action=REJECTED_WRITE&entityId=PUT /api/v1/users/" + nobody).get("items").get(0);
        assertThat(anonymous.get("changes").get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.get("changes").get("status").asInt()).isEqualTo(401);
        assertThat(anonymous.get("actorUsername")).isNull();

        // refused logins are audited by the login itself, refused reads not at all
        Accounts.login(mvc, Accounts.uniqueName("nobody"), "Wrong#Pass1", null);
        mvc.perform(auth(get("/api/v1/users"), city)).andExpect(status().isForbidden());
        long after = jdbc.sql("select count(*) from audit_log where action = 'REJECTED_WRITE'").query(Long.class).single();
        assertThat(after).isEqualTo(before + 2);
        // the refused write left nothing behind
        assertThat(jdbc.sql("select count(*) from idn_user where username = :u").param("u", name).query(Long.class).single()).isZero();
    }

    // --- page ---

    /** Issue 10 item 7: Chinese field names and labels, ids resolved to names and numbers, a Chinese type filter. */
    @Test
    void readsAsAnAuditorWouldWithNamesInsteadOfCodesAndIds() throws Exception {
        Account u = Accounts.create(mvc, sec, "TOWNSHIP", "140525100", null);
        String township = jdbc.sql("select name from org_region where code = '140525100'").query(String.class).single();
        JsonNode row = search("entityType=账号&entityId=" + u.id()).get("items").get(0);
        assertThat(row.get("entityTypeLabel").asString()).isEqualTo("账号");
        assertThat(row.get("entityName").asString()).isEqualTo(u.username());
        assertThat(row.get("summary").asString())
                .contains("角色：空 → 乡镇（街道）").contains("所属区域：空 → " + township).contains("须修改密码：空 → 是")
                .doesNotContain("TOWNSHIP").doesNotContain("140525100").doesNotContain("regionCode");
        assertThat(row.get("changes").get("regionCode").get(1).asString()).isEqualTo("140525100");

        // a hazard reads with its number and the labels of its grade, channel and state
        UUID enterprise = jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
        LocalDate today = LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
        UUID clause = standards.clausesInForce("mine.coal", java.util.Set.of(), today).get(3).id();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("enterpriseId", enterprise.toString());
        report.put("channel", "SELF_INSPECTION");
        report.put("grade", "GENERAL");
        report.put("clauseId", clause.toString());
        report.put("description", "审计可读性检查：皮带机托辊缺失");
        report.put("location", "主斜井");
        report.put("foundOn", today.toString());
        report.put("foundBy", "安全科 王工");
        report.put("deadline", today.plusDays(10).toString());
        MvcResult made = mvc.perform(auth(post("/api/v1/hazards"), token("qiye")).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(report))).andExpect(status().isCreated()).andReturn();
        JsonNode hazard = body(made);
        String hazardId = hazard.has("id") ? hazard.get("id").asString() : hazard.get("hazard").get("id").asString();
        JsonNode created = search("entityType=隐患&entityId=" + hazardId).get("items").get(0);
        String number = jdbc.sql("select number from hz_hazard where id = :id").param("id", UUID.fromString(hazardId))
                .query(String.class).single();
        assertThat(created.get("entityTypeLabel").asString()).isEqualTo("隐患");
        assertThat(created.get("entityName").asString()).isEqualTo(number);
        assertThat(created.get("summary").asString()).contains("隐患编号：" + number).contains("隐患等级：一般")
                .contains("状态：").doesNotContain("GENERAL").doesNotContain("SELF_INSPECTION")
                .doesNotContain(created.get("changes").get("status").asString());

        MockHttpSession s = Accounts.formLogin(mvc, "auditadmin", DEMO_PASSWORD, null);
        String page = mvc.perform(get("/audit").session(s).param("entityType", "user").param("entityId", u.id().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<option value=\"hazard\">隐患</option>").contains("<option value=\"user\" selected=\"selected\">账号</option>")
                .contains("title=\"" + u.id() + "\"").contains(">" + u.username() + "<")
                .containsPattern("<td class=\"nowrap\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}</td>")
                .doesNotContain("如 user");
    }

    @Test
    void pageShowsFiltersRowsAndTheChainCheck() throws Exception {
        Account u = Accounts.create(mvc, sec, "CITY_OFFICE", null, null);
        MockHttpSession s = Accounts.formLogin(mvc, "auditadmin", DEMO_PASSWORD, null);
        mvc.perform(get("/audit").session(s).param("entityId", u.id().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 <span>1</span> 条")))
                .andExpect(content().string(containsString("安全管理员")))
                .andExpect(content().string(containsString("新增")));
        mvc.perform(get("/audit/verify").session(s).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("完整：已校验")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/audit/verify").session(s)).andExpect(content().string(containsString("<html")));
        mvc.perform(get("/audit").session(s).param("from", "someday"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("时间格式不正确")));
        mvc.perform(get("/audit/export").session(s).param("entityId", u.id().toString()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        mvc.perform(get("/").session(s)).andExpect(content().string(containsString("href=\"/audit\"")));

        MockHttpSession secSession = Accounts.formLogin(mvc, "secadmin", DEMO_PASSWORD, null);
        mvc.perform(get("/audit").session(secSession)).andExpect(status().isForbidden());
        mvc.perform(get("/audit/verify").session(secSession)).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export").session(secSession)).andExpect(status().isForbidden());
    }
}
