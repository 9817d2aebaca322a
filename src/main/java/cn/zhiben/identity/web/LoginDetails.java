package cn.zhiben.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Carries the login form's TOTP field to the authentication provider. */
class LoginDetails extends WebAuthenticationDetails {

    private final String totp;

    LoginDetails(HttpServletRequest request) {
        super(request);
        this.totp = request.getParameter("totp");
    }

    String totp() {
        return totp;
    }
}
