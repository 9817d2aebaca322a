package cn.zhiben.audit.internal;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** An audit row as the audit administrator reads it, with Chinese labels and a one-line summary of its changes. */
public record AuditRecord(long seq, UUID id, Instant occurredAt, UUID actorId, String actorUsername, String actorRole,
                          String actorRoleLabel, String clientAddress, String action, String actionLabel,
                          String entityType, String entityId, JsonNode changes, String summary, String result,
                          String detail, String hash) {
}
