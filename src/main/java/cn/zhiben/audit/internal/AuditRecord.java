package cn.zhiben.audit.internal;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * An audit row as the audit administrator reads it: Chinese labels, the object's name or number, a one-line readable
 * summary of its changes — and the values as recorded ({@code entityType}, {@code entityId}, {@code changes},
 * {@code rawChanges}), which the hash covers.
 */
public record AuditRecord(long seq, UUID id, Instant occurredAt, UUID actorId, String actorUsername, String actorRole,
                          String actorRoleLabel, String clientAddress, String action, String actionLabel,
                          String entityType, String entityTypeLabel, String entityId, String entityName,
                          JsonNode changes, String summary, String rawChanges, String result, String detail, String hash) {
}
