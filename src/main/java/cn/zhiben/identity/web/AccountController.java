package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.AccountService;
import cn.zhiben.identity.internal.LoginRules;
import cn.zhiben.identity.internal.PrincipalFactory;
import cn.zhiben.identity.internal.UserAccount;
import cn.zhiben.identity.internal.UserRepository;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** The user's own account pages: password and second factor. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final AccountService accounts;
    private final UserRepository users;
    private final PlatformProperties platform;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountController(AccountService accounts, UserRepository users, PlatformProperties platform) {
        this.accounts = accounts;
        this.users = users;
        this.platform = platform;
    }

    @GetMapping("/password")
    String passwordForm() {
        return "account/password";
    }

    /** Done, the user goes on to the home page (or to enrol the second factor an administrator still owes). */
    @PostMapping("/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, Model model,
                          HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("errors", List.of("两次输入的新密码不一致"));
            return "account/password";
        }
        try {
            CurrentUser refreshed = accounts.changePassword(CurrentUser.require(), currentPassword, newPassword);
            refreshSession(refreshed, request, response);
            if (!refreshed.ready()) {
                return "redirect:/account/totp";
            }
            redirect.addFlashAttribute(LoginNotice.ATTRIBUTE, "密码已修改。");
            return "redirect:/";
        } catch (ProblemException e) {
            model.addAttribute("errors", e.errors().isEmpty() ? List.of(e.getMessage())
                    : e.errors().stream().map(ProblemException.FieldProblem::message).toList());
        }
        return "account/password";
    }

    @GetMapping("/totp")
    String totp(Model model) {
        fillTotp(model, null, null);
        return "account/totp";
    }

    @PostMapping("/totp/setup")
    String setup(Model model) {
        try {
            AccountService.TotpSetup setup = accounts.startTotp(CurrentUser.require());
            fillTotp(model, setup.secret(), setup.otpauthUri());
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            fillTotp(model, null, null);
        }
        return "account/totp";
    }

    @PostMapping("/totp/confirm")
    String confirm(@RequestParam String code, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            CurrentUser refreshed = accounts.confirmTotp(CurrentUser.require(), code);
            refreshSession(refreshed, request, response);
            model.addAttribute("me", refreshed);
            model.addAttribute("message", "动态口令已启用，下次登录时需要输入。");
            fillTotp(model, null, null);
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            fillTotp(model, null, null);
        }
        return "account/totp";
    }

    @PostMapping("/totp/disable")
    String disable(@RequestParam String password, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            CurrentUser user = CurrentUser.require();
            accounts.disableTotp(user, password);
            // the new security stamp would otherwise end this very session
            refreshSession(user, request, response);
            model.addAttribute("message", "动态口令已停用。");
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
        }
        fillTotp(model, null, null);
        return "account/totp";
    }

    private void fillTotp(Model model, String secret, String uri) {
        UserAccount u = users.findById(CurrentUser.require().id()).orElseThrow();
        model.addAttribute("enabled", u.totpEnabled());
        model.addAttribute("mandatory", LoginRules.totpRequired(u.role(), platform.demo()));
        model.addAttribute("secret", secret);
        model.addAttribute("uri", uri);
    }

    /** The password or factor changed: the session keeps going with the new principal and the new security stamp. */
    private void refreshSession(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, PrincipalFactory.authorities(user));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        SessionStampFilter.remember(request.getSession(), users.findById(user.id()).orElseThrow().securityStamp());
    }
}
