package cn.zhiben.audit;

import java.util.Map;
import java.util.Objects;

/**
 * One thing to append to the audit log. The actor and client address are taken from the current request unless
 * given (logins have no signed-in user yet). Personal data must be masked before it is put into a summary.
 *
 * @param changes a before/after summary: field -> [before, after]; or any short facts worth keeping
 */
public record AuditEntry(
        AuditAction action,
        String entityType,
        String entityId,
        Map<String, ?> changes,
        boolean success,
        String detail,
        Actor actor) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        changes = changes == null ? Map.of() : changes;
    }

    public static AuditEntry success(AuditAction action, String entityType, Object entityId, Map<String, ?> changes) {
        return new AuditEntry(action, entityType, entityId == null ? null : entityId.toString(), changes, true, null, null);
    }

    public static AuditEntry failure(AuditAction action, String entityType, Object entityId, String detail) {
        return new AuditEntry(action, entityType, entityId == null ? null : entityId.toString(), Map.of(), false, detail, null);
    }

    public AuditEntry by(Actor actor) {
        return new AuditEntry(action, entityType, entityId, changes, success, detail, actor);
    }

    public AuditEntry withDetail(String detail) {
        return new AuditEntry(action, entityType, entityId, changes, success, detail, actor);
    }

    /** Who acted, when it is not the signed-in user of the request. */
    public record Actor(java.util.UUID userId, String username, String role, String clientAddress) {
    }
}
