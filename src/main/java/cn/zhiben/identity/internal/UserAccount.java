package cn.zhiben.identity.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;

import java.time.Instant;
import java.util.UUID;

/** An account as stored. */
public record UserAccount(UUID id, String username, String displayName, Role role, String regionCode, UUID unitId,
                          UUID enterpriseId, String mobileEnc, String passwordHash, Instant passwordChangedAt,
                          boolean mustChangePassword, String totpSecretEnc, boolean totpEnabled, int failedAttempts,
                          Instant lockedUntil, boolean enabled, boolean demo, Instant lastLoginAt, Instant createdAt,
                          String createdBy, Instant updatedAt, UUID securityStamp, int version,
                          CurrentUser.EnterprisePosition enterprisePosition) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
