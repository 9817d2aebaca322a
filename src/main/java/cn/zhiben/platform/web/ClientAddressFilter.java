package cn.zhiben.platform.web;

import cn.zhiben.platform.PlatformProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Believes X-Forwarded-For and X-Forwarded-Proto only from the proxies listed in zhiben.web.trusted-proxies (default
 * none), so the client address in the audit log and the login rate limits cannot be chosen by the client. Replaces
 * server.forward-headers-strategy=native, whose Tomcat valve trusts every private address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClientAddressFilter extends OncePerRequestFilter {

    private final TrustedProxies proxies;

    public ClientAddressFilter(PlatformProperties properties) {
        this.proxies = new TrustedProxies(properties.web().trustedProxies());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return proxies.isEmpty() || !proxies.trusted(request.getRemoteAddr());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = proxies.client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        String proto = request.getHeader("X-Forwarded-Proto");
        boolean https = proto != null ? proto.strip().equalsIgnoreCase("https") : request.isSecure();
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }

            @Override
            public boolean isSecure() {
                return https;
            }

            @Override
            public String getScheme() {
                return https ? "https" : "http";
            }
        }, response);
    }
}
