package cn.zhiben.identity.web;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Until an account has changed its initial password (and, for an administrator outside demo mode, enrolled TOTP),
 * it may do nothing else: the UI is redirected to the page that does it, the API answers 403 with a code saying what.
 */
class PendingDutiesFilter extends OncePerRequestFilter {

    private final boolean api;

    PendingDutiesFilter(boolean api) {
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var user = CurrentUser.current().filter(u -> !u.ready());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (user.isEmpty() || allowed(path)) {
            chain.doFilter(request, response);
            return;
        }
        boolean password = user.get().pending().contains(CurrentUser.Pending.PASSWORD_CHANGE);
        if (api) {
            if (password) {
                Problems.write(response, HttpStatus.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED", "首次登录或密码被重置，请先修改密码（POST /api/v1/auth/password）");
            } else {
                Problems.write(response, HttpStatus.FORBIDDEN, "TOTP_ENROLLMENT_REQUIRED", "管理员账号须先启用动态口令（POST /api/v1/auth/totp/setup）");
            }
            return;
        }
        response.sendRedirect(request.getContextPath() + (password ? "/account/password" : "/account/totp"));
    }

    private boolean allowed(String path) {
        return path.startsWith("/api/v1/auth/") || path.startsWith("/account/") || path.equals("/logout")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/") || path.startsWith("/webjars/")
                || path.equals("/favicon.ico") || path.equals("/error");
    }
}
