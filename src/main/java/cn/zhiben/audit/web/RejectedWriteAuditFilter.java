package cn.zhiben.audit.web;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.platform.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Records every API write the platform refused (status 400 and above: validation, rights, scope, conflicts, errors)
 * as REJECTED_WRITE, committed on its own because the write itself was rolled back (等保 GB/T 22239-2019 8.1.4.3 安全审计).
 * Token requests are left out: LoginService audits every login attempt itself.
 * It wraps the security filters, so it also sees refusals by authentication and authorisation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RejectedWriteAuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RejectedWriteAuditFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String TOKEN_PATH = "/api/v1/auth/token";
    /** Problem details are small; anything larger is not parsed for its code. */
    private static final int MAX_PROBLEM_BYTES = 16 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditLog audit;

    RejectedWriteAuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !WRITES.contains(request.getMethod()) || !path.startsWith("/api/") || path.equals(TOKEN_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Capturing wrapper = new Capturing(response);
        try {
            chain.doFilter(request, wrapper);
        } catch (IOException | ServletException | RuntimeException e) {
            wrapper.captureActor();
            record(request, wrapper, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            throw e;
        }
        try {
            if (wrapper.getStatus() >= 400) {
                record(request, wrapper, wrapper.getStatus());
            }
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    private void record(HttpServletRequest request, Capturing response, int status) {
        try {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("method", request.getMethod());
            String path = path(request);
            facts.put("path", path.length() > 300 ? path.substring(0, 300) : path);
            facts.put("status", status);
            String detail = null;
            JsonNode problem = problem(response);
            if (problem != null) {
                if (problem.path("code").isString()) {
                    facts.put("code", problem.path("code").asString());
                }
                if (problem.path("detail").isString()) {
                    String d = problem.path("detail").asString();
                    detail = d.length() > 500 ? d.substring(0, 500) + "…" : d;
                }
            }
            CurrentUser u = response.actor;
            AuditEntry.Actor actor = u == null ? new AuditEntry.Actor(null, null, null, request.getRemoteAddr())
                    : new AuditEntry.Actor(u.id(), u.username(), u.role().name(), request.getRemoteAddr());
            audit.recordIndependently(new AuditEntry(AuditAction.REJECTED_WRITE, "request", request.getMethod() + " " + facts.get("path"),
                    facts, false, detail, actor));
        } catch (RuntimeException e) {
            // the refusal stands whether or not it could be recorded; the failure must be seen in the log
            log.error("could not audit a refused {} {}", request.getMethod(), request.getRequestURI(), e);
        }
    }

    private static JsonNode problem(ContentCachingResponseWrapper response) {
        String type = response.getContentType();
        byte[] body = response.getContentAsByteArray();
        if (type == null || !type.contains("json") || body.length == 0 || body.length > MAX_PROBLEM_BYTES) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Remembers who made the request while the security context still holds them: it is cleared before we return. */
    private static final class Capturing extends ContentCachingResponseWrapper {
        private CurrentUser actor;

        Capturing(HttpServletResponse response) {
            super(response);
        }

        void captureActor() {
            if (actor == null) {
                actor = CurrentUser.current().orElse(null);
            }
        }

        @Override
        public void setStatus(int sc) {
            super.setStatus(sc);
            if (sc >= 400) {
                captureActor();
            }
        }

        @Override
        public void sendError(int sc) throws IOException {
            captureActor();
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            captureActor();
            super.sendError(sc, msg);
        }
    }
}
