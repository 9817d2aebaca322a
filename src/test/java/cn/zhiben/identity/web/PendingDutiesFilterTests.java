package cn.zhiben.identity.web;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator who has not enrolled TOTP (outside demo mode) or anyone with a one-time password does nothing else. */
class PendingDutiesFilterTests {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(CurrentUser.Pending... pending) {
        var set = pending.length == 0 ? EnumSet.noneOf(CurrentUser.Pending.class) : EnumSet.copyOf(List.of(pending));
        var user = new CurrentUser(UUID.randomUUID(), "sec", "安全管理员", Role.SEC_ADMIN, DataScope.none(), null, null, set);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }

    @ParameterizedTest
    @CsvSource({
            "TOTP_ENROLLMENT, /api/v1/users, 403, TOTP_ENROLLMENT_REQUIRED",
            "PASSWORD_CHANGE, /api/v1/users, 403, PASSWORD_CHANGE_REQUIRED",
            "TOTP_ENROLLMENT, /api/v1/auth/totp/setup, 200, ",
            "PASSWORD_CHANGE, /api/v1/auth/password, 200, "})
    void apiAnswers403WithWhatIsPending(CurrentUser.Pending pending, String path, int status, String code) throws Exception {
        signIn(pending);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        new PendingDutiesFilter(true).doFilter(new MockHttpServletRequest("GET", path), response, chain);
        assertThat(response.getStatus()).isEqualTo(status);
        if (code != null) {
            assertThat(response.getContentAsString()).contains("\"code\":\"" + code + "\"");
            assertThat(chain.getRequest()).isNull();
        } else {
            assertThat(chain.getRequest()).isNotNull();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "TOTP_ENROLLMENT, /admin/users, /account/totp",
            "PASSWORD_CHANGE, /, /account/password",
            "TOTP_ENROLLMENT, /account/totp, ",
            "PASSWORD_CHANGE, /css/app.css, "})
    void pagesRedirectToWhatIsPending(CurrentUser.Pending pending, String path, String redirect) throws Exception {
        signIn(pending);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        new PendingDutiesFilter(false).doFilter(new MockHttpServletRequest("GET", path), response, chain);
        assertThat(response.getRedirectedUrl()).isEqualTo(redirect);
        assertThat(chain.getRequest() != null).isEqualTo(redirect == null);
    }
}
