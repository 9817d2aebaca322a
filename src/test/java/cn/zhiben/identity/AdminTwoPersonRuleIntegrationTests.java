package cn.zhiben.identity;

import cn.zhiben.identity.Accounts.Account;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static cn.zhiben.identity.Accounts.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 9 item 2b — 三员: the security administrator could make an audit administrator (or a system or security one)
 * and read the audit log with it. Each way there is tried: creating, granting, resetting a password, approving one's
 * own request, approving a request about oneself, holding two of the roles one after the other.
 */
class AdminTwoPersonRuleIntegrationTests extends IntegrationTest {

    private String sec;
    private String auditor;

    @BeforeEach
    void administrators() throws Exception {
        sec = token("secadmin");
        auditor = token("auditadmin");
    }

    private static JsonNode body(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    private MvcResult createAs(String token, String username, String role) throws Exception {
        return mvc.perform(auth(post("/api/v1/users"), token).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Accounts.body(username, role, null, null, null)))).andReturn();
    }

    private MvcResult changeRole(String token, UUID id, String role) throws Exception {
        return mvc.perform(auth(put("/api/v1/users/" + id), token).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("displayName", "改任", "role", role)))).andReturn();
    }

    private MvcResult decide(String token, String requestId, String verb) throws Exception {
        return mvc.perform(auth(post("/api/v1/admin-requests/" + requestId + "/" + verb), token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不同意\"}")).andReturn();
    }

    private boolean exists(String username) {
        return jdbc.sql("select count(*) from idn_user where username = :u").param("u", username).query(Long.class).single() > 0;
    }

    private String role(UUID id) {
        return jdbc.sql("select role from idn_user where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void creatingAnAuditAdministratorOnlyFilesARequestThatTheRequesterCannotApprove() throws Exception {
        for (String role : new String[]{"AUDIT_ADMIN", "SYS_ADMIN", "SEC_ADMIN"}) {
            String name = Accounts.uniqueName("a");
            MvcResult filed = createAs(sec, name, role);
            assertThat(filed.getResponse().getStatus()).as(role).isEqualTo(202);
            assertThat(body(filed).get("status").asString()).isEqualTo("PENDING");
            assertThat(body(filed).has("oneTimePassword")).isFalse();
            assertThat(exists(name)).as("no account before the approval").isFalse();
            String id = body(filed).get("id").asString();

            MvcResult own = decide(sec, id, "approve");
            assertThat(own.getResponse().getStatus()).isEqualTo(403);
            assertThat(body(own).get("code").asString()).isEqualTo("ADMIN_APPROVAL_FORBIDDEN");
            assertThat(exists(name)).isFalse();
            // the same name cannot be asked for twice meanwhile
            assertThat(createAs(sec, name, "CITY_OFFICE").getResponse().getStatus()).isEqualTo(409);

            MvcResult approved = decide(auditor, id, "approve");
            assertThat(approved.getResponse().getStatus()).isEqualTo(200);
            assertThat(approved.getResponse().getHeader("Cache-Control")).contains("no-store");
            assertThat(body(approved).get("request").get("status").asString()).isEqualTo("APPROVED");
            String password = body(approved).get("oneTimePassword").asString();
            assertThat(role(UUID.fromString(body(approved).get("user").get("id").asString()))).isEqualTo(role);
            // the new administrator, with the password only the approver saw, must change it first
            assertThat(body(Accounts.login(mvc, name, password, null)).get("user").get("pending").toString()).contains("PASSWORD_CHANGE");
            assertThat(decide(auditor, id, "approve").getResponse().getStatus()).as("decided once").isEqualTo(409);
        }
    }

    @Test
    void grantingAnAdministratorRoleToAnAccountTheRequesterKnowsResetsItsPasswordForTheApprover() throws Exception {
        // the security administrator knows this account's password (it made it)
        Account known = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        String before = Accounts.token(mvc, known.username(), known.password());
        MvcResult filed = changeRole(sec, known.id(), "AUDIT_ADMIN");
        assertThat(filed.getResponse().getStatus()).isEqualTo(202);
        assertThat(role(known.id())).isEqualTo("CITY_OFFICE");
        MvcResult approved = decide(auditor, body(filed).get("id").asString(), "approve");
        assertThat(approved.getResponse().getStatus()).isEqualTo(200);
        assertThat(role(known.id())).isEqualTo("AUDIT_ADMIN");
        // the requester's knowledge is worthless now: old password refused, old token ended
        assertThat(Accounts.login(mvc, known.username(), known.password(), null).getResponse().getStatus()).isEqualTo(401);
        mvc.perform(auth(get("/api/v1/auth/me"), before)).andExpect(status().isUnauthorized());
        String fresh = body(approved).get("oneTimePassword").asString();
        assertThat(Accounts.login(mvc, known.username(), fresh, null).getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select totp_enabled from idn_user where id = :id").param("id", known.id()).query(Boolean.class).single()).isFalse();
    }

    @Test
    void resettingAnAdministratorsPasswordWaitsForASecondAdministratorWhoAloneSeesIt() throws Exception {
        Account sys = Accounts.createAdminReady(mvc, sec, auditor, "SYS_ADMIN");
        MvcResult filed = mvc.perform(auth(post("/api/v1/users/" + sys.id() + "/reset-password"), sec)).andReturn();
        assertThat(filed.getResponse().getStatus()).isEqualTo(202);
        assertThat(body(filed).get("kind").asString()).isEqualTo("RESET_PASSWORD");
        assertThat(body(filed).has("oneTimePassword")).isFalse();
        assertThat(Accounts.login(mvc, sys.username(), sys.password(), null).getResponse().getStatus()).as("unchanged until approved")
                .isEqualTo(200);
        MvcResult approved = decide(auditor, body(filed).get("id").asString(), "approve");
        assertThat(Accounts.login(mvc, sys.username(), sys.password(), null).getResponse().getStatus()).isEqualTo(401);
        assertThat(Accounts.login(mvc, sys.username(), body(approved).get("oneTimePassword").asString(), null).getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void theAccountARequestIsAboutCannotApproveIt() throws Exception {
        Account second = Accounts.createAdminReady(mvc, sec, auditor, "SEC_ADMIN");
        String secondToken = Accounts.token(mvc, second.username(), second.password());
        MvcResult filed = mvc.perform(auth(post("/api/v1/users/" + second.id() + "/reset-password"), sec)).andReturn();
        MvcResult self = decide(secondToken, body(filed).get("id").asString(), "approve");
        assertThat(self.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(self).get("detail").asString()).contains("涉及本人账号");
        // another security administrator may approve a request it did not file
        Account other = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        MvcResult grant = changeRole(sec, other.id(), "SYS_ADMIN");
        assertThat(decide(secondToken, body(grant).get("id").asString(), "approve").getResponse().getStatus()).isEqualTo(200);
        decide(auditor, body(filed).get("id").asString(), "reject");
    }

    @Test
    void noAccountEverHoldsTwoAdministratorRoles() throws Exception {
        Account sys = Accounts.createAdminReady(mvc, sec, auditor, "SYS_ADMIN");
        MvcResult direct = changeRole(sec, sys.id(), "AUDIT_ADMIN");
        assertThat(direct.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(direct).get("code").asString()).isEqualTo("ADMIN_ROLE_HELD");
        // stepping down to a business role first does not wash the history
        assertThat(changeRole(sec, sys.id(), "CITY_OFFICE").getResponse().getStatus()).isEqualTo(200);
        MvcResult later = changeRole(sec, sys.id(), "AUDIT_ADMIN");
        assertThat(later.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(later).get("detail").asString()).contains("曾担任系统管理员");
        // and the database refuses it whatever the application did
        assertThatThrownBy(() -> jdbc.sql("update idn_user set role = 'AUDIT_ADMIN' where id = :id").param("id", sys.id()).update())
                .hasMessageContaining("idn_user_one_admin_role");
        assertThatThrownBy(() -> jdbc.sql("update idn_user set role = 'AUDIT_ADMIN', admin_role = 'AUDIT_ADMIN' where id = :id")
                .param("id", sys.id()).update()).hasMessageContaining("keeps the administrator role");
        // the demo administrators are one role each
        assertThat(jdbc.sql("select count(*) from idn_user where role in ('SYS_ADMIN', 'SEC_ADMIN', 'AUDIT_ADMIN') and admin_role <> role")
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyTheSecurityAndAuditAdministratorsSeeAndDecideAndRejectionsNeedAReason() throws Exception {
        MvcResult filed = createAs(sec, Accounts.uniqueName("a"), "SYS_ADMIN");
        String id = body(filed).get("id").asString();
        for (String who : new String[]{"sysadmin", "city", "zezhou"}) {
            String t = token(who);
            mvc.perform(auth(get("/api/v1/admin-requests"), t)).andExpect(status().isForbidden());
            assertThat(decide(t, id, "approve").getResponse().getStatus()).isEqualTo(403);
        }
        mvc.perform(auth(get("/api/v1/admin-requests?status=PENDING"), auditor)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].mayApprove").value(true));
        mvc.perform(auth(get("/api/v1/admin-requests/" + id), sec)).andExpect(jsonPath("$.mayApprove").value(false))
                .andExpect(jsonPath("$.mayCancel").value(true));
        MvcResult noReason = mvc.perform(auth(post("/api/v1/admin-requests/" + id + "/reject"), auditor)).andReturn();
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(decide(auditor, id, "reject").getResponse().getStatus()).isEqualTo(200);
        mvc.perform(auth(get("/api/v1/admin-requests/" + id), sec)).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decisionReason").value("不同意"));

        MvcResult withdrawn = createAs(sec, Accounts.uniqueName("a"), "SYS_ADMIN");
        assertThat(decide(auditor, body(withdrawn).get("id").asString(), "cancel").getResponse().getStatus()).isEqualTo(403);
        assertThat(decide(sec, body(withdrawn).get("id").asString(), "cancel").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestNobodyDecidesExpires() throws Exception {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        MvcResult filed = createAs(sec, Accounts.uniqueName("a"), "AUDIT_ADMIN");
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        MvcResult late = decide(token("auditadmin"), body(filed).get("id").asString(), "approve");
        assertThat(late.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(late).get("detail").asString()).contains("已过期");
    }

    @Test
    void thePagesLeadTheRequesterToTheRequestAndTheApproverToThePassword() throws Exception {
        String name = Accounts.uniqueName("a");
        MockHttpSession secPage = login("secadmin");
        MvcResult form = mvc.perform(post("/admin/users").session(secPage).with(csrf())
                .param("username", name).param("displayName", "审计员丙").param("role", "AUDIT_ADMIN")).andReturn();
        String location = form.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/admin/requests/");
        String requestPage = mvc.perform(get(location).session(secPage).flashAttrs(form.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(requestPage).contains("已提交审批").contains("撤回申请").doesNotContain("id=\"approve\"");

        MockHttpSession auditPage = login("auditadmin");
        assertThat(mvc.perform(get("/").session(auditPage)).andReturn().getResponse().getContentAsString())
                .contains("待我审批的管理员授权").contains("href=\"/admin/requests\"");
        assertThat(mvc.perform(get(location).session(auditPage)).andReturn().getResponse().getContentAsString()).contains("id=\"approve\"");
        String approved = mvc.perform(post(location + "/approve").session(auditPage).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(approved).contains("id=\"one-time-password\"").contains(name).contains("返回申请");
        assertThat(exists(name)).isTrue();
    }
}
