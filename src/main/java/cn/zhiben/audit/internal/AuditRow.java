package cn.zhiben.audit.internal;

import java.time.Instant;
import java.util.UUID;

/** A stored audit row, as hashed. */
record AuditRow(long seq, UUID id, Instant occurredAt, UUID actorId, String actorUsername, String actorRole,
                String clientAddress, String action, String entityType, String entityId, String changes,
                String result, String detail, String prevHash, String hash) {

    String computeHash() {
        return AuditHash.of(Long.toString(seq), id.toString(), occurredAt.toString(),
                actorId == null ? null : actorId.toString(), actorUsername, actorRole, clientAddress, action,
                entityType, entityId, changes, result, detail, prevHash);
    }
}
