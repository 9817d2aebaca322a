package cn.zhiben.identity;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Test accounts made through the real API by the demo security administrator, with unique names, so tests never touch
 * the demo accounts other tests log in with.
 */
public final class Accounts {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Accounts() {
    }

    /** A created account: its id, name and current password. */
    public record Account(UUID id, String username, String password) {
        public Account withPassword(String p) {
            return new Account(id, username, p);
        }
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
    }

    /** A fresh strong password that contains no username. */
    public static String strongPassword() {
        return "Str0ng#" + Integer.toString(SEQ.incrementAndGet() + 1000, 36) + "Pw";
    }

    public static Map<String, Object> body(String username, String role, String region, String unit, String enterprise) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", username);
        m.put("displayName", "测试 " + username);
        m.put("role", role);
        if (region != null) {
            m.put("regionCode", region);
        }
        if (unit != null) {
            m.put("unitId", unit);
        }
        if (enterprise != null) {
            m.put("enterpriseId", enterprise);
        }
        return m;
    }

    /** Creates an account; it still has its one-time password. */
    public static Account create(MockMvc mvc, String adminToken, String role, String region, String unit) throws Exception {
        String username = uniqueName("t");
        MvcResult r = mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body(username, role, region, unit, null))))
                .andReturn();
        if (r.getResponse().getStatus() != 201) {
            throw new IllegalStateException("create failed: " + r.getResponse().getContentAsString());
        }
        JsonNode n = JSON.readTree(r.getResponse().getContentAsString());
        return new Account(UUID.fromString(n.get("user").get("id").asString()), username, n.get("oneTimePassword").asString());
    }

    /**
     * Creates an account of one of the three administrator roles: requested by one administrator, approved by another
     * (三员 two-person rule); the one-time password comes from the approval.
     */
    public static Account createAdmin(MockMvc mvc, String requesterToken, String approverToken, String role) throws Exception {
        String username = uniqueName("a");
        MvcResult r = mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + requesterToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body(username, role, null, null, null))))
                .andReturn();
        if (r.getResponse().getStatus() != 202) {
            throw new IllegalStateException("request failed: " + r.getResponse().getContentAsString());
        }
        String request = JSON.readTree(r.getResponse().getContentAsString()).get("id").asString();
        MvcResult a = mvc.perform(post("/api/v1/admin-requests/" + request + "/approve").header("Authorization", "Bearer " + approverToken))
                .andReturn();
        if (a.getResponse().getStatus() != 200) {
            throw new IllegalStateException("approval failed: " + a.getResponse().getContentAsString());
        }
        JsonNode n = JSON.readTree(a.getResponse().getContentAsString());
        return new Account(UUID.fromString(n.get("user").get("id").asString()), username, n.get("oneTimePassword").asString());
    }

    /** As {@link #createAdmin}, with the one-time password changed. */
    public static Account createAdminReady(MockMvc mvc, String requesterToken, String approverToken, String role) throws Exception {
        Account a = createAdmin(mvc, requesterToken, approverToken, role);
        String next = strongPassword();
        changePassword(mvc, token(mvc, a.username(), a.password()), a.password(), next, 204);
        return a.withPassword(next);
    }

    /** Creates an account and changes its one-time password, so it may work. */
    public static Account createReady(MockMvc mvc, String adminToken, String role, String region, String unit) throws Exception {
        Account a = create(mvc, adminToken, role, region, unit);
        String token = token(mvc, a.username(), a.password());
        String next = strongPassword();
        changePassword(mvc, token, a.password(), next, 204);
        return a.withPassword(next);
    }

    public static MvcResult login(MockMvc mvc, String username, String password, String totp) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", username);
        m.put("password", password);
        if (totp != null) {
            m.put("totp", totp);
        }
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(m)))
                .andReturn();
    }

    public static String token(MockMvc mvc, String username, String password) throws Exception {
        return token(mvc, username, password, null);
    }

    public static String token(MockMvc mvc, String username, String password, String totp) throws Exception {
        MvcResult r = login(mvc, username, password, totp);
        JsonNode n = JSON.readTree(r.getResponse().getContentAsString());
        if (!n.has("accessToken")) {
            throw new IllegalStateException("login of " + username + " failed: " + n);
        }
        return n.get("accessToken").asString();
    }

    public static MvcResult changePassword(MockMvc mvc, String token, String current, String next, int expectStatus) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/auth/password").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("currentPassword", current, "newPassword", next))))
                .andReturn();
        if (r.getResponse().getStatus() != expectStatus) {
            throw new AssertionError("password change answered " + r.getResponse().getStatus() + ": " + r.getResponse().getContentAsString());
        }
        return r;
    }

    /**
     * Logs in through the login form — with the TOTP code in the second step when the account asks for one; the
     * session, or null when the login was refused (or needed a code that was not given).
     */
    public static MockHttpSession formLogin(MockMvc mvc, String username, String password, String totp) throws Exception {
        MvcResult r = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())).andReturn();
        String location = r.getResponse().getRedirectedUrl();
        MockHttpSession session = (MockHttpSession) r.getRequest().getSession(false);
        if ("/login/totp".equals(location) && totp != null) {
            r = mvc.perform(post("/login/totp").session(session).param("code", totp).with(csrf())).andReturn();
            location = r.getResponse().getRedirectedUrl();
            session = (MockHttpSession) r.getRequest().getSession(false);
        }
        if (location == null || location.contains("/login")) {
            return null;
        }
        return session;
    }

    /** The login form's error message after a refused login. */
    public static String formLoginError(MockMvc mvc, String username, String password) throws Exception {
        MvcResult r = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())).andReturn();
        Object e = r.getRequest().getSession() == null ? null
                : r.getRequest().getSession().getAttribute("SPRING_SECURITY_LAST_EXCEPTION");
        return e == null ? null : ((Exception) e).getMessage();
    }
}
