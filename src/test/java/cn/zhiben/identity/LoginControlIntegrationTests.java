package cn.zhiben.identity;

import cn.zhiben.identity.Accounts.Account;
import cn.zhiben.identity.internal.Totp;
import cn.zhiben.support.IntegrationTest;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.zhiben.identity.Accounts.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 等保 level-3 login controls end to end: lockout, password history, first-login change, idle timeout, TOTP, session end. */
class LoginControlIntegrationTests extends IntegrationTest {

    @Autowired
    WebApplicationContext context;

    private String sec;

    @BeforeEach
    void securityAdministrator() throws Exception {
        sec = token("secadmin");
    }

    private Account cityUser() throws Exception {
        return Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
    }

    private static JsonNode body(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    private void fixClock() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void locksAfterFiveFailuresTellsWhyAndUnlocksAfterTenMinutes() throws Exception {
        Account u = cityUser();
        fixClock();
        for (int i = 1; i <= 4; i++) {
            MvcResult r = Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
            assertThat(r.getResponse().getStatus()).isEqualTo(401);
            assertThat(body(r).get("code").asString()).isEqualTo("BAD_CREDENTIALS");
            // how many attempts remain is told to nobody who is still trying (issue 9 item 3)
            assertThat(body(r).get("detail").asString()).isEqualTo("用户名或密码错误");
        }
        MvcResult fifth = Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        assertThat(fifth.getResponse().getStatus()).isEqualTo(423);
        assertThat(body(fifth).get("code").asString()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(body(fifth).get("detail").asString()).isEqualTo("用户名或密码错误；连续失败 5 次，已锁定 10 分钟，请稍后再试");

        // even the right password is refused during the lock
        MvcResult locked = Accounts.login(mvc, u.username(), u.password(), null);
        assertThat(locked.getResponse().getStatus()).isEqualTo(423);
        assertThat(body(locked).get("detail").asString()).isEqualTo("连续登录失败次数过多，已锁定，请 10 分钟后再试");

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(423);
        clock.advance(Duration.ofSeconds(1));
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select failed_attempts from idn_user where id = :id").param("id", u.id()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() throws Exception {
        Account u = cityUser();
        for (int i = 0; i < 4; i++) {
            Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        }
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(200);
        MvcResult r = Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        assertThat(r.getResponse().getStatus()).isEqualTo(401);
        assertThat(jdbc.sql("select failed_attempts from idn_user where id = :id").param("id", u.id()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void securityAdministratorUnlocksAtOnce() throws Exception {
        Account u = cityUser();
        for (int i = 0; i < 5; i++) {
            Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        }
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(423);
        mvc.perform(auth(post("/api/v1/users/" + u.id() + "/unlock"), sec))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(false));
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void failedLoginFormCountsOnceAndShowsTheReason() throws Exception {
        Account u = cityUser();
        String message = Accounts.formLoginError(mvc, u.username(), "Wrong#Pass1");
        assertThat(message).isEqualTo("用户名或密码错误");
        assertThat(jdbc.sql("select failed_attempts from idn_user where id = :id").param("id", u.id()).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(Accounts.formLogin(mvc, u.username(), u.password(), null)).isNotNull();
    }

    @Test
    void disabledAccountIsToldSoOnlyWithTheRightPassword() throws Exception {
        Account u = cityUser();
        mvc.perform(auth(post("/api/v1/users/" + u.id() + "/disable"), sec)).andExpect(status().isOk());
        MvcResult wrong = Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        assertThat(body(wrong).get("code").asString()).isEqualTo("BAD_CREDENTIALS");
        MvcResult right = Accounts.login(mvc, u.username(), u.password(), null);
        assertThat(right.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(right).get("code").asString()).isEqualTo("ACCOUNT_DISABLED");
    }

    @Test
    void noneOfTheLastFivePasswordsMayBeReusedButTheSixthMay() throws Exception {
        // all changes at one instant: the history's order must not depend on timestamps
        fixClock();
        Account created = Accounts.create(mvc, sec, "CITY_OFFICE", null, null);
        String token = Accounts.token(mvc, created.username(), created.password());
        List<String> history = new ArrayList<>();
        history.add(created.password());
        String current = created.password();
        for (int i = 0; i < 5; i++) {
            String next = Accounts.strongPassword();
            Accounts.changePassword(mvc, token, current, next, 204);
            history.add(next);
            current = next;
        }
        // history: one-time password, then P1..P5 (P5 current); the last five are P1..P5
        for (String recent : history.subList(1, 6)) {
            MvcResult r = Accounts.changePassword(mvc, token, current, recent, 400);
            assertThat(body(r).get("code").asString()).isEqualTo("PASSWORD_REUSED");
            assertThat(body(r).get("detail").asString()).isEqualTo("新密码不能与最近 5 次使用过的密码相同");
        }
        Accounts.changePassword(mvc, token, current, history.get(0), 204);
    }

    @Test
    void weakNewPasswordIsRefusedWithReasons() throws Exception {
        Account u = cityUser();
        String token = Accounts.token(mvc, u.username(), u.password());
        MvcResult r = Accounts.changePassword(mvc, token, u.password(), "X" + u.username() + "#1", 400);
        assertThat(body(r).get("code").asString()).isEqualTo("PASSWORD_TOO_WEAK");
        assertThat(body(r).get("detail").asString()).isEqualTo("密码不能包含用户名");
        MvcResult simple = Accounts.changePassword(mvc, token, u.password(), "abcdefgh", 400);
        assertThat(body(simple).get("detail").asString()).isEqualTo("密码须包含大写字母、小写字母、数字、特殊符号中的至少三类");
        assertThat(body(simple).get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        MvcResult wrongCurrent = Accounts.changePassword(mvc, token, "Not#Mine12", Accounts.strongPassword(), 400);
        assertThat(body(wrongCurrent).get("code").asString()).isEqualTo("PASSWORD_CURRENT_WRONG");
        // nothing changed: the old password still works
        assertThat(Accounts.login(mvc, u.username(), u.password(), null).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void apiRequiresTheOneTimePasswordToBeChangedFirst() throws Exception {
        Account u = Accounts.create(mvc, sec, "CITY_OFFICE", null, null);
        MvcResult login = Accounts.login(mvc, u.username(), u.password(), null);
        assertThat(body(login).get("user").get("pending").toString()).contains("PASSWORD_CHANGE");
        String token = body(login).get("accessToken").asString();

        mvc.perform(auth(get("/api/v1/no-such-thing"), token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("PASSWORD_CHANGE_REQUIRED"));
        mvc.perform(auth(get("/api/v1/auth/me"), token)).andExpect(status().isOk());

        Accounts.changePassword(mvc, token, u.password(), Accounts.strongPassword(), 204);
        // the same token carries on, now without the pending duty
        mvc.perform(auth(get("/api/v1/auth/me"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pending").isEmpty());
        mvc.perform(auth(get("/api/v1/no-such-thing"), token))
                .andExpect(status().isNotFound());
    }

    @Test
    void changingThePasswordEndsTheOtherTokens() throws Exception {
        Account u = cityUser();
        String first = Accounts.token(mvc, u.username(), u.password());
        String second = Accounts.token(mvc, u.username(), u.password());
        Accounts.changePassword(mvc, second, u.password(), Accounts.strongPassword(), 204);
        mvc.perform(auth(get("/api/v1/auth/me"), first))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("TOKEN_INVALID"));
        mvc.perform(auth(get("/api/v1/auth/me"), second)).andExpect(status().isOk());
    }

    @Test
    void pagesRedirectToThePasswordFormUntilChanged() throws Exception {
        Account u = Accounts.create(mvc, sec, "CITY_OFFICE", null, null);
        MockHttpSession session = Accounts.formLogin(mvc, u.username(), u.password(), null);
        assertThat(session).isNotNull();
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());

        String next = Accounts.strongPassword();
        // done, the user goes on to the home page, which says so (issue 10 item 12)
        MvcResult changed = mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", u.password()).param("newPassword", next).param("confirmPassword", next))
                .andExpect(redirectedUrl("/")).andReturn();
        String home = mvc.perform(get("/").session(session).flashAttrs(changed.getFlashMap())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(home).contains("密码已修改");
    }

    @Test
    void tokenEndsAfterIdleTimeoutButNotWhileUsed() throws Exception {
        Account u = cityUser();
        fixClock();
        String token = Accounts.token(mvc, u.username(), u.password());
        clock.advance(Duration.ofMinutes(14));
        mvc.perform(auth(get("/api/v1/auth/me"), token)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(14));
        mvc.perform(auth(get("/api/v1/auth/me"), token)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        mvc.perform(auth(get("/api/v1/auth/me"), token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("TOKEN_INVALID"));
    }

    @Test
    void serverSessionsTimeOutAfterTheIdleTimeout() {
        // the embedded server's own servlet context (RANDOM_PORT), in minutes
        ServletContext servlet = context.getServletContext();
        assertThat(servlet.getSessionTimeout()).isEqualTo(15);
        assertThat(context.getBean(IdentityProperties.class).idleTimeout()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void changingTheRoleEndsTheSessionAndTheToken() throws Exception {
        Account u = Accounts.createReady(mvc, sec, "COUNTY_OFFICE", "140525", null);
        String token = Accounts.token(mvc, u.username(), u.password());
        MockHttpSession session = Accounts.formLogin(mvc, u.username(), u.password(), null);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/auth/me"), token)).andExpect(status().isOk());

        mvc.perform(auth(put("/api/v1/users/" + u.id()), sec).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("displayName", "改为乡镇", "role", "TOWNSHIP", "regionCode", "140525100"))))
                .andExpect(status().isOk());

        mvc.perform(auth(get("/api/v1/auth/me"), token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("TOKEN_INVALID"));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?ended"));
        // a new login has the new role
        String again = Accounts.token(mvc, u.username(), u.password());
        mvc.perform(auth(get("/api/v1/auth/me"), again))
                .andExpect(jsonPath("$.role").value("TOWNSHIP"))
                .andExpect(jsonPath("$.scope.regionCode").value("140525100"));
    }

    @Test
    void renamingKeepsTheSession() throws Exception {
        Account u = cityUser();
        String token = Accounts.token(mvc, u.username(), u.password());
        mvc.perform(auth(put("/api/v1/users/" + u.id()), sec).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("displayName", "新名称", "role", "CITY_OFFICE"))))
                .andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/auth/me"), token)).andExpect(status().isOk());
    }

    @Test
    void disablingEndsTheSessionAndTheToken() throws Exception {
        Account u = cityUser();
        String token = Accounts.token(mvc, u.username(), u.password());
        MockHttpSession session = Accounts.formLogin(mvc, u.username(), u.password(), null);
        mvc.perform(auth(post("/api/v1/users/" + u.id() + "/disable"), sec)).andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/auth/me"), token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    void totpEnrolmentLoginAndReplay() throws Exception {
        Account u = cityUser();
        fixClock();
        String token = Accounts.token(mvc, u.username(), u.password());
        MvcResult setup = mvc.perform(auth(post("/api/v1/auth/totp/setup"), token)).andExpect(status().isOk()).andReturn();
        String secret = body(setup).get("secret").asString();
        assertThat(body(setup).get("otpauthUri").asString()).startsWith("otpauth://totp/").contains("secret=" + secret);

        mvc.perform(auth(post("/api/v1/auth/totp/confirm"), token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"000000\"}".replace("000000", wrongCode(secret))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TOTP_INVALID"));
        String enrolCode = Totp.code(secret, Totp.step(clock.instant()));
        mvc.perform(auth(post("/api/v1/auth/totp/confirm"), token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + enrolCode + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(auth(get("/api/v1/auth/me"), token)).andExpect(status().isOk());

        MvcResult missing = Accounts.login(mvc, u.username(), u.password(), null);
        assertThat(missing.getResponse().getStatus()).isEqualTo(401);
        assertThat(body(missing).get("code").asString()).isEqualTo("TOTP_REQUIRED");
        MvcResult replayedEnrolment = Accounts.login(mvc, u.username(), u.password(), enrolCode);
        assertThat(body(replayedEnrolment).get("code").asString()).isEqualTo("TOTP_INVALID");

        clock.advance(Duration.ofSeconds(30));
        String code = Totp.code(secret, Totp.step(clock.instant()));
        assertThat(Accounts.login(mvc, u.username(), u.password(), code).getResponse().getStatus()).isEqualTo(200);
        MvcResult replay = Accounts.login(mvc, u.username(), u.password(), code);
        assertThat(replay.getResponse().getStatus()).isEqualTo(401);
        assertThat(body(replay).get("code").asString()).isEqualTo("TOTP_INVALID");

        // the login form carries the code too
        clock.advance(Duration.ofSeconds(30));
        assertThat(Accounts.formLogin(mvc, u.username(), u.password(), null)).isNull();
        assertThat(Accounts.formLogin(mvc, u.username(), u.password(), Totp.code(secret, Totp.step(clock.instant())))).isNotNull();
    }

    @Test
    void totpEnrolmentAndRemovalThroughThePagesKeepTheSession() throws Exception {
        Account u = cityUser();
        fixClock();
        MockHttpSession session = Accounts.formLogin(mvc, u.username(), u.password(), null);
        String page = mvc.perform(post("/account/totp/setup").session(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String secret = page.replaceAll("(?s).*id=\"totp-secret\">([A-Z2-7]+)<.*", "$1");
        assertThat(secret).matches("[A-Z2-7]{32}");
        mvc.perform(post("/account/totp/confirm").session(session).with(csrf())
                        .param("code", Totp.code(secret, Totp.step(clock.instant()))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("动态口令已启用")));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat(Accounts.formLogin(mvc, u.username(), u.password(), null)).isNull();

        mvc.perform(post("/account/totp/disable").session(session).with(csrf()).param("password", u.password()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("动态口令已停用")));
        // the page that removed the factor does not log its own user out
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat(Accounts.formLogin(mvc, u.username(), u.password(), null)).isNotNull();
    }

    @Test
    void lockoutCountsTotpFailures() throws Exception {
        Account u = cityUser();
        fixClock();
        String token = Accounts.token(mvc, u.username(), u.password());
        String secret = body(mvc.perform(auth(post("/api/v1/auth/totp/setup"), token)).andReturn()).get("secret").asString();
        mvc.perform(auth(post("/api/v1/auth/totp/confirm"), token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + Totp.code(secret, Totp.step(clock.instant())) + "\"}")).andExpect(status().isNoContent());

        Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        Accounts.login(mvc, u.username(), u.password(), wrongCode(secret));
        Accounts.login(mvc, u.username(), u.password(), wrongCode(secret));
        MvcResult fifth = Accounts.login(mvc, u.username(), u.password(), wrongCode(secret));
        assertThat(fifth.getResponse().getStatus()).isEqualTo(423);
        assertThat(body(fifth).get("detail").asString()).startsWith("动态口令错误或已过期；连续失败 5 次");
        clock.advance(Duration.ofSeconds(30));
        MvcResult right = Accounts.login(mvc, u.username(), u.password(), Totp.code(secret, Totp.step(clock.instant())));
        assertThat(right.getResponse().getStatus()).isEqualTo(423);
    }

    @Test
    void everyLoginAttemptIsAudited() throws Exception {
        Account u = cityUser();
        Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        Accounts.login(mvc, u.username(), u.password(), null);
        List<String> actions = jdbc.sql("select action || ':' || result from audit_log where actor_username = :u order by seq")
                .param("u", u.username()).query(String.class).list();
        assertThat(actions).containsSubsequence("LOGIN_FAILED:FAILURE", "LOGIN:SUCCESS");
    }

    /** A code that is none of the accepted ones around now. */
    private String wrongCode(String secret) {
        long step = Totp.step(clock.instant());
        List<String> valid = List.of(Totp.code(secret, step - 1), Totp.code(secret, step), Totp.code(secret, step + 1));
        for (int i = 0; ; i++) {
            String c = String.format("%06d", (123456 + i * 7919) % 1_000_000);
            if (!valid.contains(c)) {
                return c;
            }
        }
    }
}
