package cn.zhiben.identity.internal;

import java.time.Instant;
import java.util.UUID;

/** An account as the security administrator sees it: no password hash, no TOTP secret. */
public record UserView(UUID id, String username, String displayName, String role, String roleLabel,
                       String regionCode, String regionName, UUID unitId, String unitName,
                       UUID enterpriseId, String enterpriseName, boolean enabled, boolean locked, Instant lockedUntil,
                       int failedAttempts, boolean mustChangePassword, boolean totpEnabled, Instant lastLoginAt,
                       Instant passwordChangedAt, Instant createdAt, String createdBy, boolean demo, int version,
                       String enterprisePosition, String enterprisePositionLabel) {
}
