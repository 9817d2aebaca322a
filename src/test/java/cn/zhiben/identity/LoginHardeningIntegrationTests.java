package cn.zhiben.identity;

import cn.zhiben.identity.Accounts.Account;
import cn.zhiben.identity.internal.Totp;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import static cn.zhiben.identity.Accounts.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 9 item 3 — the login controls an attacker met: answers that told real accounts apart, failures counted too
 * late under parallel requests, passwords bcrypt cannot hash; and issue 10 item 13 — the code asked only of accounts
 * that have a second factor, in a second step.
 */
class LoginHardeningIntegrationTests extends IntegrationTest {

    private String sec;

    @BeforeEach
    void securityAdministrator() throws Exception {
        sec = token("secadmin");
    }

    private static JsonNode body(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    /** status, code and message: what an attacker compares. */
    private static String answer(MvcResult r) throws Exception {
        JsonNode b = body(r);
        return r.getResponse().getStatus() + " " + b.path("code").asString() + " " + b.path("detail").asString();
    }

    @Test
    void anUnknownUsernameGetsExactlyTheAnswersOfAnAccountIncludingTheLock() throws Exception {
        Account real = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        String ghost = Accounts.uniqueName("t");
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        for (int i = 1; i <= 6; i++) {
            String a = answer(Accounts.login(mvc, real.username(), "Wrong#Pass1", null));
            String b = answer(Accounts.login(mvc, ghost, "Wrong#Pass1", null));
            assertThat(b).as("attempt %d", i).isEqualTo(a);
            if (i < 5) {
                assertThat(a).isEqualTo("401 BAD_CREDENTIALS 用户名或密码错误");
            }
        }
        assertThat(answer(Accounts.login(mvc, ghost, "Wrong#Pass1", null))).startsWith("423 ACCOUNT_LOCKED");
        // the real password during the lock: still the same answer as for the name that is none
        assertThat(answer(Accounts.login(mvc, real.username(), real.password(), null)))
                .isEqualTo(answer(Accounts.login(mvc, ghost, real.password(), null)));
        // and after the lock the account opens, while the unknown name still fails as an unknown name
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(Accounts.login(mvc, real.username(), real.password(), null).getResponse().getStatus()).isEqualTo(200);
        assertThat(answer(Accounts.login(mvc, ghost, real.password(), null))).isEqualTo("401 BAD_CREDENTIALS 用户名或密码错误");
    }

    @Test
    void failuresFurtherApartThanTheWindowAreNotConsecutiveForAccountsAndUnknownNamesAlike() throws Exception {
        Account real = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        String ghost = Accounts.uniqueName("t");
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        for (int i = 0; i < 4; i++) {
            Accounts.login(mvc, real.username(), "Wrong#Pass1", null);
            Accounts.login(mvc, ghost, "Wrong#Pass1", null);
        }
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        assertThat(answer(Accounts.login(mvc, real.username(), "Wrong#Pass1", null))).isEqualTo("401 BAD_CREDENTIALS 用户名或密码错误");
        assertThat(answer(Accounts.login(mvc, ghost, "Wrong#Pass1", null))).isEqualTo("401 BAD_CREDENTIALS 用户名或密码错误");
    }

    @Test
    void thirtyParallelWrongPasswordsCheckExactlyFiveBeforeTheLock() throws Exception {
        Account u = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        HttpClient client = HttpClient.newHttpClient();
        String body = JSON.writeValueAsString(Map.of("username", u.username(), "password", "Wrong#Pass1"));
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        JsonNode n = JSON.readTree(r.body());
                        return r.statusCode() + " " + n.path("detail").asString();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            start.countDown();
            Map<String, Long> counted = answers.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            // four checked and wrong, the fifth checked, wrong and locking; the other 25 refused unchecked
            assertThat(counted).containsOnly(
                    Map.entry("401 用户名或密码错误", 4L),
                    Map.entry("423 用户名或密码错误；连续失败 5 次，已锁定 10 分钟，请稍后再试", 1L),
                    Map.entry("423 连续登录失败次数过多，已锁定，请 10 分钟后再试", 25L));
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select failed_attempts from idn_user where id = :id").param("id", u.id()).query(Integer.class).single())
                .isEqualTo(5);
    }

    @Test
    void aPasswordLongerThanBcryptTakesIsRefusedWithAReasonNeverA500() throws Exception {
        Account u = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        String token = Accounts.token(mvc, u.username(), u.password());
        String chinese = "Aa1!" + "安全生产治本攻坚".repeat(4);   // 36 characters, 100 bytes
        MvcResult change = Accounts.changePassword(mvc, token, u.password(), chinese, 400);
        assertThat(body(change).get("code").asString()).isEqualTo("PASSWORD_TOO_WEAK");
        assertThat(body(change).get("detail").asString()).contains("密码不能超过 72 字节");

        assertThat(answer(Accounts.login(mvc, u.username(), chinese, null))).isEqualTo("401 BAD_CREDENTIALS 用户名或密码错误");
        assertThat(answer(Accounts.login(mvc, u.username(), "密".repeat(120), null))).isEqualTo("401 BAD_CREDENTIALS 用户名或密码错误");
        assertThat(Accounts.formLoginError(mvc, u.username(), "密".repeat(120))).isEqualTo("用户名或密码错误");
        Accounts.changePassword(mvc, token, "密".repeat(120), Accounts.strongPassword(), 400);
        // 72 bytes exactly is a password like any other
        String longest = "Aa1!" + "x".repeat(68);
        Accounts.changePassword(mvc, token, u.password(), longest, 204);
        assertThat(Accounts.login(mvc, u.username(), longest, null).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theOwnerIsToldOfFailedAttemptsAfterTheNextSuccessfulLogin() throws Exception {
        Account u = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        Accounts.login(mvc, u.username(), u.password(), null);
        Accounts.login(mvc, u.username(), "Wrong#Pass1", null);
        Accounts.login(mvc, u.username(), "Wrong#Pass2", null);
        MvcResult ok = Accounts.login(mvc, u.username(), u.password(), null);
        assertThat(body(ok).get("failedAttemptsSinceLastLogin").asInt()).isEqualTo(2);
        assertThat(body(ok).get("previousLoginAt").isNull()).isFalse();
        assertThat(body(Accounts.login(mvc, u.username(), u.password(), null)).get("failedAttemptsSinceLastLogin").asInt()).isZero();

        Accounts.login(mvc, u.username(), "Wrong#Pass3", null);
        MockHttpSession session = Accounts.formLogin(mvc, u.username(), u.password(), null);
        MvcResult login = mvc.perform(post("/login").param("username", u.username()).param("password", u.password()).with(csrf()))
                .andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(session).isNotNull();
        Accounts.login(mvc, u.username(), "Wrong#Pass4", null);
        MvcResult form = mvc.perform(post("/login").param("username", u.username()).param("password", u.password()).with(csrf()))
                .andReturn();
        MockHttpSession fresh = (MockHttpSession) form.getRequest().getSession(false);
        // the notice waits in the session for the first page, once
        String home = mvc.perform(get("/").session(fresh)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("id=\"page-notice\"").contains("此后您的账号有 1 次登录失败");
        assertThat(mvc.perform(get("/").session(fresh)).andReturn().getResponse().getContentAsString()).doesNotContain("page-notice");
    }

    @Test
    void theLoginFormAsksForTheCodeOnlyOfAccountsThatHaveOneAndOnlyAfterTheirPassword() throws Exception {
        Account plain = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        MvcResult one = mvc.perform(post("/login").param("username", plain.username()).param("password", plain.password()).with(csrf()))
                .andReturn();
        assertThat(one.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString()).doesNotContain("name=\"totp\"")
                .doesNotContain("动态口令（");

        Account twoFactor = Accounts.createReady(mvc, sec, "CITY_OFFICE", null, null);
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String token = Accounts.token(mvc, twoFactor.username(), twoFactor.password());
        String secret = body(mvc.perform(auth(post("/api/v1/auth/totp/setup"), token)).andReturn()).get("secret").asString();
        mvc.perform(auth(post("/api/v1/auth/totp/confirm"), token).contentType("application/json")
                .content("{\"code\":\"" + Totp.code(secret, Totp.step(clock.instant())) + "\"}")).andExpect(status().isNoContent());
        clock.advance(Duration.ofSeconds(30));

        // a wrong password says nothing about a second factor
        MvcResult wrong = mvc.perform(post("/login").param("username", twoFactor.username()).param("password", "Wrong#Pass1").with(csrf()))
                .andReturn();
        assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");

        MvcResult first = mvc.perform(post("/login").param("username", twoFactor.username()).param("password", twoFactor.password())
                .with(csrf())).andReturn();
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/login/totp");
        MockHttpSession half = (MockHttpSession) first.getRequest().getSession(false);
        mvc.perform(get("/").session(half)).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/login/totp").session(half)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(twoFactor.username()).contains("name=\"code\"");

        MvcResult bad = mvc.perform(post("/login/totp").session(half).param("code", "000000").with(csrf())).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(401);
        assertThat(bad.getResponse().getContentAsString()).contains("动态口令错误或已过期");

        // the session lives in the database (Spring Session); the test's MockHttpSession carries its cookie
        String cookie = "cn.zhiben.support.MockSessionBridge.cookie";
        Object sessionBefore = half.getAttribute(cookie);
        assertThat(sessionBefore).isNotNull();
        MvcResult good = mvc.perform(post("/login/totp").session(half).param("code", Totp.code(secret, Totp.step(clock.instant())))
                .with(csrf())).andReturn();
        // to the page asked for before the login (here the home page), as after a one-step login
        assertThat(good.getResponse().getRedirectedUrl()).matches("(http://localhost)?/(\\?continue)?");
        MockHttpSession signedIn = (MockHttpSession) good.getRequest().getSession(false);
        // a new session id after the second step (no session fixation)
        assertThat(signedIn.getAttribute(cookie)).isNotNull().isNotEqualTo(sessionBefore);
        mvc.perform(get("/").session(signedIn)).andExpect(status().isOk());
        // without a half-done login the second step only says to start again
        assertThat(mvc.perform(get("/login/totp").session(new MockHttpSession())).andReturn().getResponse().getContentAsString())
                .contains("没有进行中的登录").doesNotContain("name=\"code\"");
        assertThat(mvc.perform(post("/login/totp").session(new MockHttpSession()).param("code", "123456").with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void theLoginPageListsTheDemoAccountsInDemoMode() throws Exception {
        String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"demo-accounts\"").contains("Zhiben@2026").doesNotContain("见 README")
                .contains("data-demo-user=\"city\"").contains("data-demo-user=\"zezhou-yingji\"").contains("data-demo-user=\"auditadmin\"")
                .contains("泽州县应急管理局");
    }
}
