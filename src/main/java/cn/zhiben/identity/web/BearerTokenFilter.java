package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.PrincipalFactory;
import cn.zhiben.identity.internal.TokenService;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/** Authenticates API requests that carry "Authorization: Bearer zb_…". A bad or expired token is a 401, never a fallback. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final TokenService tokens;

    BearerTokenFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<CurrentUser> user = tokens.resolve(header.substring(7).trim());
            if (user.isEmpty()) {
                Problems.write(response, HttpStatus.UNAUTHORIZED, "TOKEN_INVALID", "令牌无效、已过期或已注销，请重新获取");
                return;
            }
            var auth = UsernamePasswordAuthenticationToken.authenticated(user.get(), null, PrincipalFactory.authorities(user.get()));
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
