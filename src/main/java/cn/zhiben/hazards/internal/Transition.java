package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.HazardStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One step on a hazard's timeline: a state change (from ≠ to) or an action within a state (progress, extension…).
 * Rows are only ever appended.
 */
public record Transition(HazardStatus from, HazardStatus to, HazardAction action, UUID actorId, String actorName,
                         String actorRole, Instant at, String reason) {
}
