package cn.zhiben.audit.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit log is searched by; null means "any". Times are [from, to): a bare date as "to" includes that whole
 * day; times without an offset are Asia/Shanghai.
 */
public record AuditFilter(String actor, AuditAction action, String entityType, String entityId, String result,
                          Instant from, Instant to, String clientAddress, int page, int size) {

    public static final int MAX_SIZE = 200;

    public AuditFilter {
        actor = blank(actor);
        entityType = blank(entityType);
        entityId = blank(entityId);
        clientAddress = blank(clientAddress);
        result = blank(result);
        if (result != null && !List.of("SUCCESS", "FAILURE").contains(result)) {
            throw bad("result", "结果只能是 SUCCESS 或 FAILURE");
        }
        for (String s : new String[]{actor, entityType, entityId, clientAddress}) {
            if (s != null && s.length() > 200) {
                throw ProblemException.badRequest("INVALID_PARAMETER", "查询条件过长");
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw bad("to", "结束时间须晚于开始时间");
        }
        if (page < 0) {
            throw bad("page", "页码不能小于 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw bad("size", "每页条数须在 1 到 " + MAX_SIZE + " 之间");
        }
    }

    /** Builds a filter from request parameters as typed by a person or a client. */
    public static AuditFilter parse(String actor, String action, String entityType, String entityId, String result,
                                    String from, String to, String clientAddress, int page, int size) {
        AuditAction a = null;
        if (blank(action) != null) {
            try {
                a = AuditAction.valueOf(action.trim());
            } catch (IllegalArgumentException e) {
                throw bad("action", "操作类型无效");
            }
        }
        return new AuditFilter(actor, a, entityType, entityId, result, time("from", from, false), time("to", to, true),
                clientAddress, page, size);
    }

    /** ISO date-time with offset, local date-time (Asia/Shanghai) or a date; a date as an end means the end of that day. */
    static Instant time(String name, String value, boolean end) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        // a '+' of an offset that arrived unencoded in a query string
        v = v.replace(' ', v.length() > 10 && v.charAt(10) == ' ' ? 'T' : '+');
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (end ? d.plusDays(1) : d).atStartOfDay(PlatformConfiguration.ZONE).toInstant();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).atZone(PlatformConfiguration.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(name, "时间格式不正确，应为 2026-11-29、2026-11-29T08:30 或带时区的 ISO 8601 时间");
        }
    }

    /** The conditions that are set, for the export's own audit entry. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "actor", actor);
        put(m, "action", action == null ? null : action.name());
        put(m, "entityType", entityType);
        put(m, "entityId", entityId);
        put(m, "result", result);
        put(m, "from", from == null ? null : from.toString());
        put(m, "to", to == null ? null : to.toString());
        put(m, "clientAddress", clientAddress);
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static ProblemException bad(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", message,
                List.of(new ProblemException.FieldProblem(field, message)));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
