package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.LoginService;
import cn.zhiben.identity.internal.UserRepository;
import cn.zhiben.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.io.IOException;

/**
 * Remembers the account's security stamp in the session, so a later password, role or status change ends it, and
 * leaves the owner the notice of their last login and of failed attempts since.
 */
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final UserRepository users;

    LoginSuccessHandler(UserRepository users) {
        this.users = users;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        CurrentUser user = (CurrentUser) authentication.getPrincipal();
        SessionStampFilter.remember(request.getSession(), users.findById(user.id()).orElseThrow().securityStamp());
        if (authentication.getDetails() instanceof LoginService.LoginResult r) {
            LoginNotice.flash(LoginNotice.text(r), request, response);
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
