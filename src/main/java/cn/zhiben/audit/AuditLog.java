package cn.zhiben.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tamper-evident audit log. {@link #record} joins the caller's transaction, so a write and its audit entry
 * commit or roll back together; {@link #recordIndependently} commits on its own (failed logins, refused writes).
 */
public interface AuditLog {

    void record(AuditEntry entry);

    void recordIndependently(AuditEntry entry);

    /** Fields whose values differ, as field -> [before, after]. */
    static Map<String, List<Object>> diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        if (before != null) {
            keys.addAll(before.keySet());
        }
        if (after != null) {
            keys.addAll(after.keySet());
        }
        for (String k : keys) {
            Object b = before == null ? null : before.get(k);
            Object a = after == null ? null : after.get(k);
            if (!Objects.equals(b, a)) {
                out.put(k, java.util.Arrays.asList(b, a));
            }
        }
        return out;
    }
}
