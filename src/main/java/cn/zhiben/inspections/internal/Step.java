package cn.zhiben.inspections.internal;

import java.time.Instant;
import java.util.UUID;

/** One step on a plan's, inspection's or decision's timeline (from ≠ to for a state change); rows are only appended. */
public record Step(String from, String to, String action, String actionLabel, UUID actorId, String actorName, Instant at,
                   String reason) {
}
