package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.PrincipalFactory;
import cn.zhiben.identity.internal.ScopeGeneration;
import cn.zhiben.identity.internal.UserAccount;
import cn.zhiben.identity.internal.UserRepository;
import cn.zhiben.platform.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

/**
 * Ends a UI session whose account was disabled, locked, or had its password, role or scope changed since login
 * (the security stamp differs), instead of letting it run to its timeout. When the supervision of industries changed
 * since the session's principal was built, rebuilds the principal, so a member unit's scope follows the change at once.
 */
class SessionStampFilter extends OncePerRequestFilter {

    private static final String ATTR = "zhiben.securityStamp";
    private static final String GENERATION = "zhiben.scopeGeneration";
    private final UserRepository users;
    private final Clock clock;
    private final PrincipalFactory principals;
    private final ScopeGeneration scopes;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionStampFilter(UserRepository users, Clock clock, PrincipalFactory principals, ScopeGeneration scopes) {
        this.users = users;
        this.clock = clock;
        this.principals = principals;
        this.scopes = scopes;
    }

    static void remember(HttpSession session, UUID stamp) {
        session.setAttribute(ATTR, stamp);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        var user = CurrentUser.current();
        if (session != null && user.isPresent()) {
            UserAccount account = users.findById(user.get().id()).orElse(null);
            boolean valid = account != null && account.enabled() && !account.lockedAt(clock.instant())
                    && account.securityStamp().equals(session.getAttribute(ATTR));
            if (!valid) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?ended");
                return;
            }
            // read before building, so a change committed meanwhile triggers another rebuild on the next request
            // the day is part of it: an expert's assignments begin and end with dates
            String generation = scopes.current() + "@" + java.time.LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
            if (!generation.equals(session.getAttribute(GENERATION))) {
                CurrentUser fresh = principals.principal(account);
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                        PrincipalFactory.authorities(fresh)));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
                session.setAttribute(GENERATION, generation);
            }
        }
        chain.doFilter(request, response);
    }
}
