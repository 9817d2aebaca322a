package cn.zhiben.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Refuses a NUL character in request parameters (query string, form fields) with a 400 before anything reads them:
 * PostgreSQL cannot store NUL in text, so it would otherwise fail deep inside a query or a write. JSON bodies are
 * checked by {@link JsonInputChecks}; multipart fields by the code that reads them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class InputCharacterFilter extends OncePerRequestFilter {

    static final String CODE = "INVALID_CHARACTER";
    static final String MESSAGE = "请求中含有不允许的字符（NUL，\\u0000），请删除后重试";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasNul(request)) {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                Problems.write(response, HttpStatus.BAD_REQUEST, CODE, MESSAGE);
            } else {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasNul(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            // reading parameters would parse the upload here; its query string is checked as text
            return request.getQueryString() != null && request.getQueryString().toLowerCase().contains("%00");
        }
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (e.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String v : e.getValue()) {
                if (v != null && v.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
