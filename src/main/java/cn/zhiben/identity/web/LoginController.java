package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.DemoAccountListing;
import cn.zhiben.identity.internal.LoginFailure;
import cn.zhiben.identity.internal.LoginService;
import cn.zhiben.identity.internal.PrincipalFactory;
import cn.zhiben.identity.internal.UserRepository;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.Optional;

/**
 * The login page (in demo mode with the demo accounts to pick from) and its second step, which asks for the TOTP code
 * only of accounts that have one, after their password was right (issue 10 item 13).
 */
@Controller
class LoginController {

    private final PlatformProperties platform;
    private final DemoAccountListing demoAccounts;
    private final LoginService logins;
    private final UserRepository users;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    LoginController(PlatformProperties platform, DemoAccountListing demoAccounts, LoginService logins, UserRepository users,
                    Clock clock) {
        this.platform = platform;
        this.demoAccounts = demoAccounts;
        this.logins = logins;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (CurrentUser.current().isPresent()) {
            return "redirect:/";
        }
        if (platform.demo()) {
            model.addAttribute("demoAccounts", demoAccounts.listed());
        }
        return "login";
    }

    @GetMapping("/login/totp")
    String secondStep(HttpServletRequest request, Model model) {
        Optional<SecondStep> step = SecondStep.current(request.getSession(false), clock.instant());
        if (step.isEmpty()) {
            return "login-totp";
        }
        model.addAttribute("username", step.get().username());
        return "login-totp";
    }

    @PostMapping("/login/totp")
    String completeSecondStep(@RequestParam(required = false) String code, HttpServletRequest request,
                              HttpServletResponse response, Model model) {
        HttpSession session = request.getSession(false);
        Optional<SecondStep> step = SecondStep.current(session, clock.instant());
        if (step.isEmpty()) {
            // a bookmarked or expired second step: the page says to start again
            response.setStatus(400);
            return "login-totp";
        }
        LoginService.LoginResult result;
        try {
            result = logins.completeSecondFactor(step.get().userId(), code == null ? null : code.strip(), "WEB");
        } catch (LoginFailure e) {
            if (!e.code().equals("TOTP_INVALID")) {
                // locked, disabled, the factor removed: the half-login is over
                SecondStep.end(session);
            }
            model.addAttribute("username", step.get().username());
            model.addAttribute("error", e.getMessage());
            response.setStatus(e.code().equals("LOGIN_RATE_LIMITED") ? 429 : 401);
            return "login-totp";
        }
        SecondStep.end(session);
        // a new session id for the signed-in session (no fixation), then the same as after a one-step login
        request.changeSessionId();
        CurrentUser user = result.user();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, PrincipalFactory.authorities(user)));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        SessionStampFilter.remember(request.getSession(), users.findById(user.id()).orElseThrow().securityStamp());
        LoginNotice.flash(LoginNotice.text(result), request, response);
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        return "redirect:" + (saved != null ? saved.getRedirectUrl() : "/");
    }
}
