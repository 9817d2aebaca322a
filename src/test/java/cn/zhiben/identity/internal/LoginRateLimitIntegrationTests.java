package cn.zhiben.identity.internal;

import cn.zhiben.identity.Accounts;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Login and token requests are limited per client address and per username, in buckets every instance shares (issue 9
 * item 3). The test context allows very many (the suite signs in from one address), so each test empties the bucket
 * of an address or a name of its own and sees the refusal — before any password is checked — and the refill.
 */
class LoginRateLimitIntegrationTests extends IntegrationTest {

    @Autowired
    LoginThrottle throttle;

    private MvcResult token(String address, String username, String password) throws Exception {
        MockHttpServletRequestBuilder r = post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .with(req -> {
                    req.setRemoteAddr(address);
                    return req;
                });
        return mvc.perform(r).andReturn();
    }

    @Test
    void anAddressThatUsedItsRequestsIsRefusedUntilTheBucketRefills() throws Exception {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String address = "10.250.0." + (int) (Math.random() * 250 + 1);
        throttle.drainAddress(address);

        MvcResult refused = token(address, "city", DEMO_PASSWORD);
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getContentAsString()).contains("LOGIN_RATE_LIMITED").contains("登录请求过于频繁");
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isPositive();
        // refused before the password: nothing was counted against the account
        assertThat(jdbc.sql("select failed_attempts from idn_user where username = 'city'").query(Integer.class).single()).isZero();
        // another address is not affected
        assertThat(token("10.251.0.1", "city", DEMO_PASSWORD).getResponse().getStatus()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        assertThat(token(address, "city", DEMO_PASSWORD).getResponse().getStatus()).isEqualTo(200);
        // the login form is limited by the same buckets
        throttle.drainAddress(address);
        String message = mvc.perform(post("/login").param("username", "city").param("password", DEMO_PASSWORD).with(csrf())
                        .with(req -> {
                            req.setRemoteAddr(address);
                            return req;
                        }))
                .andReturn().getRequest().getSession().getAttribute("SPRING_SECURITY_LAST_EXCEPTION").toString();
        assertThat(message).contains("登录请求过于频繁");
    }

    @Test
    void aUsernameThatUsedItsRequestsIsRefusedFromEveryAddressExistingOrNot() throws Exception {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        for (String name : new String[]{Accounts.uniqueName("t"), "nengyuan"}) {
            throttle.drainAccount(name);
            MvcResult a = token("10.252.0.1", name, "Wrong#Pass1");
            MvcResult b = token("10.252.0.2", name, "Wrong#Pass1");
            assertThat(a.getResponse().getStatus()).isEqualTo(429);
            assertThat(b.getResponse().getStatus()).isEqualTo(429);
            clock.advance(Duration.ofMinutes(1));
            assertThat(token("10.252.0.3", name, "Wrong#Pass1").getResponse().getStatus()).isEqualTo(401);
        }
        // one audit entry per name and period, not one per refused request
        assertThat(jdbc.sql("""
                select count(*) from audit_log where action = 'LOGIN_FAILED' and actor_username = 'nengyuan'
                  and changes like '%LOGIN_RATE_LIMITED%'""").query(Long.class).single()).isEqualTo(1);
    }
}
