package cn.zhiben.identity;

import cn.zhiben.identity.Accounts.Account;
import cn.zhiben.identity.internal.PasswordPolicy;
import cn.zhiben.identity.internal.Totp;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static cn.zhiben.identity.Accounts.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Account administration by the security administrator, and the separation of the three administrators. */
class UserAdminWebTests extends IntegrationTest {

    private String sec;

    @BeforeEach
    void securityAdministrator() throws Exception {
        sec = token("secadmin");
    }

    private String unitId(String name) {
        return jdbc.sql("select id::text from org_unit where name = :n").param("n", name).query(String.class).single();
    }

    private MvcResult create(Map<String, Object> body) throws Exception {
        return mvc.perform(auth(post("/api/v1/users"), sec).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andReturn();
    }

    private static JsonNode body(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    private boolean exists(String username) {
        return jdbc.sql("select count(*) from idn_user where username = :u").param("u", username).query(Long.class).single() > 0;
    }

    /** An enterprise to attach accounts to: a demo one if org has loaded them, else a temporary one removed afterwards. */
    private interface WithEnterprise {
        void run(UUID enterpriseId) throws Exception;
    }

    private void withEnterprise(WithEnterprise test) throws Exception {
        UUID existing = jdbc.sql("select id from org_enterprise order by name limit 1").query(UUID.class).optional().orElse(null);
        if (existing != null) {
            test.run(existing);
            return;
        }
        UUID id = UUID.randomUUID();
        String uscc = ("91140500TEST" + Long.toString(System.nanoTime(), 36).toUpperCase() + "000000").substring(0, 18);
        jdbc.sql("""
                insert into org_enterprise (id, name, uscc, region_code, industry_code, scale, status, standardization_grade,
                    principal_name, principal_mobile_enc, principal_mobile_mask, created_at, created_by, updated_at, updated_by)
                values (:id, '账号测试用企业', :uscc, '140525', 'mine.coal', 'ABOVE', 'OPERATING', 'NONE',
                    '张三', 'x', '138****0000', now(), 'test', now(), 'test')""")
                .param("id", id).param("uscc", uscc).update();
        try {
            test.run(id);
        } finally {
            jdbc.sql("delete from org_enterprise where id = :id").param("id", id).update();
        }
    }

    @Test
    void createsAnAccountOfEveryRoleWithItsScope() throws Exception {
        withEnterprise(enterprise -> {
            String yingji = unitId("市应急管理局");
            List<Object[]> cases = List.of(
                    new Object[]{"CITY_OFFICE", null, null, null},
                    new Object[]{"EXPERT", null, null, null},
                    // the three administrators go through the two-person rule: AdminTwoPersonRuleIntegrationTests
                    new Object[]{"COUNTY_OFFICE", "140581", null, null},
                    new Object[]{"COUNTY_OFFICE", "140500-ETDZ", null, null},
                    new Object[]{"TOWNSHIP", "140525100", null, null},
                    new Object[]{"COUNTY_UNIT", "140522", yingji, null},
                    new Object[]{"MEMBER_UNIT", null, yingji, null},
                    new Object[]{"ENTERPRISE", null, null, enterprise.toString()});
            for (Object[] c : cases) {
                String username = Accounts.uniqueName("r");
                MvcResult r = create(Accounts.body(username, (String) c[0], (String) c[1], (String) c[2], (String) c[3]));
                assertThat(r.getResponse().getStatus()).as(c[0] + " " + r.getResponse().getContentAsString()).isEqualTo(201);
                assertThat(r.getResponse().getHeader("Cache-Control")).contains("no-store");
                JsonNode u = body(r).get("user");
                assertThat(u.get("role").asString()).isEqualTo(c[0]);
                assertThat(u.get("mustChangePassword").asBoolean()).isTrue();
                assertThat(u.path("regionCode").asString(null)).isEqualTo(c[1]);
                assertThat(u.path("unitId").asString(null)).isEqualTo(c[2]);
                assertThat(u.path("enterpriseId").asString(null)).isEqualTo(c[3]);
                String password = body(r).get("oneTimePassword").asString();
                assertThat(PasswordPolicy.violations(password, username)).isEmpty();
                // the password is stored only as a hash and works once for a login that must change it
                assertThat(jdbc.sql("select password_hash from idn_user where username = :u").param("u", username)
                        .query(String.class).single()).doesNotContain(password);
                MvcResult login = Accounts.login(mvc, username, password, null);
                assertThat(body(login).get("user").get("pending").toString()).contains("PASSWORD_CHANGE");
            }
            MvcResult county = create(Accounts.body(Accounts.uniqueName("r"), "COUNTY_OFFICE", "140500-ETDZ", null, null));
            assertThat(body(county).get("user").get("regionName").asString()).isEqualTo("晋城经济技术开发区");
        });
    }

    @Test
    void refusesEveryScopeThatDoesNotFitTheRoleAndStoresNothing() throws Exception {
        withEnterprise(enterprise -> {
            String yingji = unitId("市应急管理局");
            String e = enterprise.toString();
            String[][] cases = {
                    // role, region, unit, enterprise, field named in the answer
                    {"COUNTY_OFFICE", null, null, null, "regionCode"},
                    {"COUNTY_OFFICE", "140525100", null, null, "regionCode"},
                    {"COUNTY_OFFICE", "140500", null, null, "regionCode"},
                    {"COUNTY_OFFICE", "999999", null, null, "regionCode"},
                    {"COUNTY_OFFICE", "140525", yingji, null, "unitId"},
                    {"TOWNSHIP", "140525", null, null, "regionCode"},
                    {"TOWNSHIP", null, null, null, "regionCode"},
                    {"COUNTY_UNIT", "140525", null, null, "unitId"},
                    {"COUNTY_UNIT", "140500-ETDZ", yingji, null, "regionCode"},
                    {"COUNTY_UNIT", "140525", UUID.randomUUID().toString(), null, "unitId"},
                    {"MEMBER_UNIT", null, null, null, "unitId"},
                    {"MEMBER_UNIT", "140525", yingji, null, "regionCode"},
                    {"ENTERPRISE", null, null, null, "enterpriseId"},
                    {"ENTERPRISE", null, null, UUID.randomUUID().toString(), "enterpriseId"},
                    {"ENTERPRISE", "140525", null, e, "regionCode"},
                    {"CITY_OFFICE", "140525", null, null, "regionCode"},
                    {"EXPERT", null, null, e, "enterpriseId"},
                    {"SYS_ADMIN", null, yingji, null, "unitId"},
                    {"SEC_ADMIN", "140525", null, null, "regionCode"},
                    {"AUDIT_ADMIN", null, null, e, "enterpriseId"}};
            for (String[] c : cases) {
                String username = Accounts.uniqueName("bad");
                MvcResult r = create(Accounts.body(username, c[0], c[1], c[2], c[3]));
                String why = String.join(",", java.util.Arrays.asList(c)) + " -> " + r.getResponse().getContentAsString();
                assertThat(r.getResponse().getStatus()).as(why).isEqualTo(400);
                assertThat(body(r).get("code").asString()).as(why).isEqualTo("USER_SCOPE_INVALID");
                assertThat(body(r).get("errors").findValuesAsString("field")).as(why).contains(c[4]);
                assertThat(body(r).get("detail").asString()).startsWith("数据范围与角色不符：");
                assertThat(exists(username)).as(why).isFalse();
            }
        });
    }

    @Test
    void refusesBadUsernamesAndDuplicates() throws Exception {
        for (String bad : List.of("Ab", "ab", "1abc", "abc def", "张三abc", "a".repeat(33), "ABC")) {
            MvcResult r = create(Accounts.body(bad, "CITY_OFFICE", null, null, null));
            assertThat(r.getResponse().getStatus()).as(bad).isEqualTo(400);
            assertThat(body(r).get("code").asString()).as(bad).isIn("USERNAME_INVALID", "VALIDATION_FAILED");
            assertThat(exists(bad)).isFalse();
        }
        String name = Accounts.uniqueName("dup");
        assertThat(create(Accounts.body(name, "CITY_OFFICE", null, null, null)).getResponse().getStatus()).isEqualTo(201);
        MvcResult again = create(Accounts.body(name, "EXPERT", null, null, null));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(again).get("code").asString()).isEqualTo("USERNAME_TAKEN");
        assertThat(body(again).get("detail").asString()).isEqualTo("用户名 " + name + " 已被使用");
        MvcResult demo = create(Accounts.body("city", "CITY_OFFICE", null, null, null));
        assertThat(body(demo).get("code").asString()).isEqualTo("USERNAME_TAKEN");
    }

    @Test
    void refusesMissingOrMalformedFields() throws Exception {
        Map<String, Object> noName = Accounts.body(Accounts.uniqueName("v"), "CITY_OFFICE", null, null, null);
        noName.remove("displayName");
        MvcResult r = create(noName);
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r).get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(body(r).get("errors").findValuesAsString("field")).contains("displayName");

        MvcResult role = create(Accounts.body(Accounts.uniqueName("v"), "KING", null, null, null));
        assertThat(role.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(role).get("code").asString()).isEqualTo("INVALID_FIELD_VALUE");

        Map<String, Object> badUnit = Accounts.body(Accounts.uniqueName("v"), "MEMBER_UNIT", null, null, null);
        badUnit.put("unitId", "not-a-uuid");
        assertThat(body(create(badUnit)).get("code").asString()).isEqualTo("INVALID_FIELD_VALUE");
    }

    @Test
    void listsWithFiltersAndPages() throws Exception {
        String tag = Accounts.uniqueName("lst").replace("-", "");
        String yingji = unitId("市应急管理局");
        assertThat(create(Accounts.body(tag + "a", "COUNTY_OFFICE", "140525", null, null)).getResponse().getStatus()).isEqualTo(201);
        create(Accounts.body(tag + "b", "TOWNSHIP", "140525100", null, null));
        create(Accounts.body(tag + "c", "TOWNSHIP", "140581001", null, null));
        String d = body(create(Accounts.body(tag + "d", "MEMBER_UNIT", null, yingji, null))).get("user").get("id").asString();
        mvc.perform(auth(post("/api/v1/users/" + d + "/disable"), sec)).andExpect(status().isOk());

        mvc.perform(auth(get("/api/v1/users").param("keyword", tag), sec))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[0].username").value(tag + "a"));
        mvc.perform(auth(get("/api/v1/users").param("keyword", tag).param("region", "140525"), sec))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(auth(get("/api/v1/users").param("keyword", tag).param("role", "TOWNSHIP"), sec))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(auth(get("/api/v1/users").param("keyword", tag).param("enabled", "false"), sec))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].username").value(tag + "d"))
                .andExpect(jsonPath("$.items[0].unitName").value("市应急管理局"));
        mvc.perform(auth(get("/api/v1/users").param("keyword", tag).param("size", "1").param("page", "2"), sec))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].username").value(tag + "c"));
        // the keyword's wildcards are taken literally
        mvc.perform(auth(get("/api/v1/users").param("keyword", "%"), sec)).andExpect(jsonPath("$.total").value(0));
        mvc.perform(auth(get("/api/v1/users").param("size", "1000"), sec))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        mvc.perform(auth(get("/api/v1/users").param("role", "KING"), sec))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
        // no secrets in the answer
        String all = mvc.perform(auth(get("/api/v1/users").param("keyword", tag), sec)).andReturn().getResponse().getContentAsString();
        assertThat(all).doesNotContain("passwordHash").doesNotContain("totpSecret").doesNotContain("{bcrypt}");
    }

    @Test
    void listFiltersLockedAccounts() throws Exception {
        Account u = Accounts.createReady(mvc, sec, "EXPERT", null, null);
        for (int i = 0; i < 5; i++) {
            Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        }
        mvc.perform(auth(get("/api/v1/users").param("keyword", u.username()).param("locked", "true"), sec))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].locked").value(true))
                .andExpect(jsonPath("$.items[0].failedAttempts").value(5));
        mvc.perform(auth(get("/api/v1/users").param("keyword", u.username()).param("locked", "false"), sec))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void getsOneAccountOr404() throws Exception {
        Account u = Accounts.create(mvc, sec, "CITY_OFFICE", null, null);
        mvc.perform(auth(get("/api/v1/users/" + u.id()), sec))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(u.username()))
                .andExpect(jsonPath("$.roleLabel").value("市安委办"));
        mvc.perform(auth(get("/api/v1/users/" + UUID.randomUUID()), sec))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("USER_NOT_FOUND"));
        mvc.perform(auth(get("/api/v1/users/nope"), sec))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
    }

    @Test
    void updatesRoleAndScopeWithAuditedBeforeAndAfter() throws Exception {
        Account u = Accounts.create(mvc, sec, "COUNTY_OFFICE", "140525", null);
        int version = body(mvc.perform(auth(get("/api/v1/users/" + u.id()), sec)).andReturn()).get("version").asInt();
        String yingji = unitId("市应急管理局");
        Map<String, Object> change = new LinkedHashMap<>(Map.of("displayName", "泽州县应急局", "role", "COUNTY_UNIT",
                "regionCode", "140525", "unitId", yingji, "version", version));
        mvc.perform(auth(put("/api/v1/users/" + u.id()), sec).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(change)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("COUNTY_UNIT"))
                .andExpect(jsonPath("$.unitId").value(yingji));
        String changes = jdbc.sql("select changes from audit_log where entity_id = :id and action = 'UPDATE' order by seq desc limit 1")
                .param("id", u.id().toString()).query(String.class).single();
        assertThat(JSON.readTree(changes).get("role").toString()).isEqualTo("[\"COUNTY_OFFICE\",\"COUNTY_UNIT\"]");
        assertThat(JSON.readTree(changes).get("unitId").toString()).isEqualTo("[null,\"" + yingji + "\"]");
        assertThat(JSON.readTree(changes).get("sessionsEnded").asBoolean()).isTrue();

        // an editor who saw the old version is told, not overwriting
        mvc.perform(auth(put("/api/v1/users/" + u.id()), sec).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(change)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONCURRENT_MODIFICATION"));
        // a bad scope changes nothing
        mvc.perform(auth(put("/api/v1/users/" + u.id()), sec).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("displayName", "x", "role", "TOWNSHIP", "regionCode", "140525"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("USER_SCOPE_INVALID"));
        mvc.perform(auth(get("/api/v1/users/" + u.id()), sec))
                .andExpect(jsonPath("$.role").value("COUNTY_UNIT")).andExpect(jsonPath("$.displayName").value("泽州县应急局"));
    }

    @Test
    void resetPasswordGivesANewOneTimePasswordAndUnlocks() throws Exception {
        Account u = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        for (int i = 0; i < 5; i++) {
            Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        }
        MvcResult r = mvc.perform(auth(post("/api/v1/users/" + u.id() + "/reset-password"), sec))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.user.mustChangePassword").value(true))
                .andExpect(jsonPath("$.user.locked").value(false))
                .andReturn();
        String fresh = body(r).get("oneTimePassword").asString();
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(401);
        MvcResult login = Accounts.login(mvc, u.username(), fresh, null);
        assertThat(login.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(login).get("user").get("pending").toString()).contains("PASSWORD_CHANGE");
        String audited = jdbc.sql("select changes from audit_log where entity_id = :id and action = 'SECURITY' order by seq desc limit 1")
                .param("id", u.id().toString()).query(String.class).single();
        assertThat(audited).contains("password-reset").doesNotContain(fresh);
    }

    @Test
    void unlockIsRefusedForAnAccountThatIsNotLocked() throws Exception {
        Account u = Accounts.create(mvc, sec, "CITY_OFFICE", null, null);
        mvc.perform(auth(post("/api/v1/users/" + u.id() + "/unlock"), sec))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("USER_NOT_LOCKED"));
    }

    @Test
    void disablesAndEnables() throws Exception {
        Account u = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        mvc.perform(auth(post("/api/v1/users/" + u.id() + "/disable"), sec))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(auth(post("/api/v1/users/" + u.id() + "/disable"), sec))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("USER_ALREADY_DISABLED"));
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(403);
        mvc.perform(auth(post("/api/v1/users/" + u.id() + "/enable"), sec))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(true));
        mvc.perform(auth(post("/api/v1/users/" + u.id() + "/enable"), sec))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("USER_ALREADY_ENABLED"));
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(200);
        List<String> changes = jdbc.sql("select changes from audit_log where entity_id = :id and action = 'SECURITY' order by seq")
                .param("id", u.id().toString()).query(String.class).list();
        assertThat(changes).anyMatch(c -> c.contains("\"enabled\":[true,false]")).anyMatch(c -> c.contains("\"enabled\":[false,true]"));
    }

    @Test
    void securityAdministratorCannotChangeOwnRoleOrDisableSelf() throws Exception {
        Account me = Accounts.createAdminReady(mvc, sec, token("auditadmin"), "SEC_ADMIN");
        String mine = Accounts.token(mvc, me.username(), me.password());
        mvc.perform(auth(put("/api/v1/users/" + me.id()), mine).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("displayName", "我", "role", "CITY_OFFICE"))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CANNOT_CHANGE_OWN_ROLE"));
        mvc.perform(auth(post("/api/v1/users/" + me.id() + "/disable"), mine))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CANNOT_DISABLE_SELF"));
        // renaming oneself is fine
        mvc.perform(auth(put("/api/v1/users/" + me.id()), mine).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("displayName", "安全管理员乙", "role", "SEC_ADMIN"))))
                .andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/users/" + me.id()), mine))
                .andExpect(jsonPath("$.role").value("SEC_ADMIN")).andExpect(jsonPath("$.enabled").value(true));
    }

    @Test
    void resetsTheSecondFactor() throws Exception {
        Account u = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        String token = Accounts.token(mvc, u.username(), u.password());
        mvc.perform(auth(post("/api/v1/users/" + u.id() + "/reset-totp"), sec))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("TOTP_NOT_ENABLED"));
        String secret = body(mvc.perform(auth(post("/api/v1/auth/totp/setup"), token)).andReturn()).get("secret").asString();
        mvc.perform(auth(post("/api/v1/auth/totp/confirm"), token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + Totp.code(secret, Totp.step(Instant.now())) + "\"}")).andExpect(status().isNoContent());
        assertThat(body(Accounts.login(mvc, u.username(), u.password(), null)).get("code").asString()).isEqualTo("TOTP_REQUIRED");

        mvc.perform(auth(post("/api/v1/users/" + u.id() + "/reset-totp"), sec))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totpEnabled").value(false));
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void everyChangeIsAuditedWithTheAdministratorAsActor() throws Exception {
        Account u = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        for (int i = 0; i < 5; i++) {
            Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        }
        mvc.perform(auth(post("/api/v1/users/" + u.id() + "/unlock"), sec)).andExpect(status().isOk());
        mvc.perform(auth(post("/api/v1/users/" + u.id() + "/disable"), sec)).andExpect(status().isOk());
        List<String> rows = jdbc.sql("""
                        select action || ':' || actor_username from audit_log
                        where entity_type = 'user' and entity_id = :id and actor_username = 'secadmin' order by seq""")
                .param("id", u.id().toString()).query(String.class).list();
        assertThat(rows).containsExactly("CREATE:secadmin", "SECURITY:secadmin", "SECURITY:secadmin");
        String created = jdbc.sql("select changes from audit_log where entity_id = :id and action = 'CREATE'")
                .param("id", u.id().toString()).query(String.class).single();
        assertThat(created).contains("\"role\":[null,\"CITY_OFFICE\"]").contains("\"username\":[null,\"" + u.username() + "\"]");
    }

    @Test
    void rolesAreListedWithChineseLabels() throws Exception {
        mvc.perform(auth(get("/api/v1/roles"), sec))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(10))
                .andExpect(jsonPath("$[?(@.code == 'SEC_ADMIN')].label").value("安全管理员"))
                .andExpect(jsonPath("$[?(@.code == 'SEC_ADMIN')].permissions[0].label").value("管理账号、角色与数据范围，解锁、重置密码"))
                .andExpect(jsonPath("$[?(@.code == 'COUNTY_OFFICE')].scopeLabel").value("所属县（市、区）、开发区或乡镇（街道）"));
        mvc.perform(auth(get("/api/v1/roles"), token("auditadmin"))).andExpect(status().isOk());
    }

    /** 三员分立 (等保 8.1.4.2 / 8.1.4.3): every account endpoint refuses the other two administrators and business users. */
    @Test
    void onlyTheSecurityAdministratorManagesAccounts() throws Exception {
        Account target = Accounts.create(mvc, sec, "CITY_OFFICE", null, null);
        String body = JSON.writeValueAsString(Accounts.body(Accounts.uniqueName("sep"), "CITY_OFFICE", null, null, null));
        String update = JSON.writeValueAsString(Map.of("displayName", "x", "role", "EXPERT"));
        // builders collect headers, so each call gets a fresh one
        List<Supplier<MockHttpServletRequestBuilder>> endpoints = List.of(
                () -> get("/api/v1/users"),
                () -> get("/api/v1/users/" + target.id()),
                () -> post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content(body),
                () -> put("/api/v1/users/" + target.id()).contentType(MediaType.APPLICATION_JSON).content(update),
                () -> post("/api/v1/users/" + target.id() + "/reset-password"),
                () -> post("/api/v1/users/" + target.id() + "/unlock"),
                () -> post("/api/v1/users/" + target.id() + "/disable"),
                () -> post("/api/v1/users/" + target.id() + "/enable"),
                () -> post("/api/v1/users/" + target.id() + "/reset-totp"));
        for (String who : List.of("sysadmin", "auditadmin", "city", "zezhou")) {
            String t = token(who);
            for (Supplier<MockHttpServletRequestBuilder> e : endpoints) {
                mvc.perform(auth(e.get(), t)).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
            }
        }
        for (Supplier<MockHttpServletRequestBuilder> e : endpoints) {
            mvc.perform(e.get()).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        }
        for (String who : List.of("sysadmin", "city")) {
            mvc.perform(auth(get("/api/v1/roles"), token(who))).andExpect(status().isForbidden());
        }
        // nothing happened to the target
        mvc.perform(auth(get("/api/v1/users/" + target.id()), sec))
                .andExpect(jsonPath("$.enabled").value(true)).andExpect(jsonPath("$.role").value("CITY_OFFICE"))
                .andExpect(jsonPath("$.displayName").value("测试 " + target.username()));
    }

    @Test
    void securityAdministratorCannotReadTheAuditLog() throws Exception {
        for (String path : List.of("/api/v1/audit", "/api/v1/audit/verify", "/api/v1/audit/export")) {
            mvc.perform(auth(get(path), sec)).andExpect(status().isForbidden());
            mvc.perform(auth(get(path), token("sysadmin"))).andExpect(status().isForbidden());
        }
    }

    // --- pages ---

    private MockHttpSession page(String username) throws Exception {
        MockHttpSession s = Accounts.formLogin(mvc, username, DEMO_PASSWORD, null);
        assertThat(s).isNotNull();
        return s;
    }

    @Test
    void accountPagesAreForTheSecurityAdministratorOnly() throws Exception {
        MockHttpSession secSession = page("secadmin");
        mvc.perform(get("/admin/users").session(secSession))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("账号管理")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("secadmin")));
        mvc.perform(get("/admin/users/new").session(secSession)).andExpect(status().isOk());
        mvc.perform(get("/admin/roles").session(secSession))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("三员分立")));
        mvc.perform(get("/").session(secSession))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("系统管理")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/admin/users")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("href=\"/audit\""))));

        MockHttpSession auditSession = page("auditadmin");
        mvc.perform(get("/admin/users").session(auditSession)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/roles").session(auditSession)).andExpect(status().isOk());
        mvc.perform(post("/admin/users").session(auditSession).with(csrf()).param("username", Accounts.uniqueName("x"))
                .param("displayName", "x").param("role", "CITY_OFFICE")).andExpect(status().isForbidden());
        MockHttpSession sysSession = page("sysadmin");
        mvc.perform(get("/admin/users").session(sysSession)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/roles").session(sysSession)).andExpect(status().isForbidden());
        mvc.perform(get("/").session(sysSession))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/admin/users"))));
    }

    @Test
    void formCreatesAnAccountAndShowsThePasswordOnce() throws Exception {
        MockHttpSession s = page("secadmin");
        String username = Accounts.uniqueName("ui");
        MvcResult r = mvc.perform(post("/admin/users").session(s).with(csrf()).param("username", username)
                        .param("displayName", "界面新建").param("role", "TOWNSHIP").param("regionCode", "140525100"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("one-time-password")))
                .andReturn();
        String html = r.getResponse().getContentAsString();
        String password = html.replaceAll("(?s).*id=\"one-time-password\">([^<]+)<.*", "$1");
        assertThat(PasswordPolicy.violations(password, username)).isEmpty();
        assertThat(Accounts.login(mvc, username, password, null).getResponse().getStatus()).isEqualTo(200);
        UUID id = jdbc.sql("select id from idn_user where username = :u").param("u", username).query(UUID.class).single();
        mvc.perform(get("/admin/users/" + id).session(s))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(password))));
    }

    @Test
    void formShowsScopeProblemsAndStoresNothing() throws Exception {
        MockHttpSession s = page("secadmin");
        String username = Accounts.uniqueName("ui");
        mvc.perform(post("/admin/users").session(s).with(csrf()).param("username", username)
                        .param("displayName", "界面新建").param("role", "TOWNSHIP").param("regionCode", "140525"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-code=\"USER_SCOPE_INVALID\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不是乡镇（街道）")));
        assertThat(exists(username)).isFalse();
    }

    @Test
    void roleChoiceSwapsInItsScopeFields() throws Exception {
        MockHttpSession s = page("secadmin");
        mvc.perform(get("/admin/users/scope-fields").session(s).param("role", "TOWNSHIP"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("140525100")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("name=\"unitId\""))));
        mvc.perform(get("/admin/users/scope-fields").session(s).param("role", "COUNTY_UNIT"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"unitId\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("140525")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("140500-ETDZ"))));
        mvc.perform(get("/admin/users/scope-fields").session(s).param("role", "COUNTY_OFFICE"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("140500-ETDZ")));
        mvc.perform(get("/admin/users/scope-fields").session(s).param("role", "ENTERPRISE"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"enterprise\"")));
    }

    @Test
    void pageActionsResetUnlockDisable() throws Exception {
        Account u = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        for (int i = 0; i < 5; i++) {
            Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        }
        MockHttpSession s = page("secadmin");
        mvc.perform(get("/admin/users/" + u.id()).session(s))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已锁定至")));
        mvc.perform(post("/admin/users/" + u.id() + "/unlock").session(s).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + u.id()));
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(200);
        mvc.perform(post("/admin/users/" + u.id() + "/disable").session(s).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + u.id()));
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(403);
        mvc.perform(post("/admin/users/" + u.id() + "/enable").session(s).with(csrf()));
        mvc.perform(post("/admin/users/" + u.id() + "/reset-password").session(s).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("密码已重置")));
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(401);
        mvc.perform(get("/admin/users/" + UUID.randomUUID()).session(s)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/users").session(s).param("keyword", u.username()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(u.username())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("待改密")));
    }
}
