package cn.zhiben.org.internal;

import cn.zhiben.org.LeadingGroupPosition;

import java.time.Instant;
import java.util.UUID;

/** A person holding a position in the campaign's leading group (Attachment 1). */
public record LeadingGroupMember(UUID id, LeadingGroupPosition position, String positionLabel, String personName,
                                 String jobTitle, UUID unitId, String unitName, UUID userId, int sortOrder,
                                 Instant createdAt, Instant updatedAt) {
}
