package cn.zhiben.audit.internal;

import java.time.Instant;
import java.util.UUID;

/** A stored audit row, as hashed. */
record AuditRow(long seq, UUID id, Instant occurredAt, UUID actorId, String actorUsername, String actorRole,
                String clientAddress, String action, String entityType, String entityId, String changes,
                String result, String detail, String prevHash, String hash, short hashVersion) {

    /** The hash this row must carry: SHA-256 for rows of before the anchoring, the keyed HMAC since. */
    String computeHash(AuditKey key) {
        String[] fields = {Long.toString(seq), id.toString(), occurredAt.toString(),
                actorId == null ? null : actorId.toString(), actorUsername, actorRole, clientAddress, action,
                entityType, entityId, changes, result, detail, prevHash};
        if (hashVersion == AuditHash.SHA256) {
            return AuditHash.of(fields);
        }
        String[] withVersion = java.util.Arrays.copyOf(fields, fields.length + 1);
        withVersion[fields.length] = Short.toString(hashVersion);
        return AuditHash.hmac(key, withVersion);
    }
}
