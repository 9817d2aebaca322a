package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.UserAccount;
import cn.zhiben.identity.internal.UserRepository;
import cn.zhiben.platform.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

/**
 * Ends a UI session whose account was disabled, locked, or had its password, role or scope changed since login
 * (the security stamp differs), instead of letting it run to its timeout.
 */
class SessionStampFilter extends OncePerRequestFilter {

    private static final String ATTR = "zhiben.securityStamp";
    private final UserRepository users;
    private final Clock clock;

    SessionStampFilter(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
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
        }
        chain.doFilter(request, response);
    }
}
