package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.LoginFailure;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.io.IOException;

/**
 * A refused login goes back to the form with the reason; a right password of an account with a second factor goes
 * to the second step, which asks for the code (only such accounts are asked, issue 10 item 13).
 */
class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    private final java.time.Clock clock;

    LoginFailureHandler(java.time.Clock clock) {
        super("/login?error");
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (exception instanceof LoginFailure.SecondFactorRequired s) {
            SecondStep.start(request.getSession(), s.userId(), s.username(), clock.instant());
            getRedirectStrategy().sendRedirect(request, response, "/login/totp");
            return;
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
