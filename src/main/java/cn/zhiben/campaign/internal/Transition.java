package cn.zhiben.campaign.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One step in a campaign record's history: a state change (from ≠ to) or an action within a state (progress, an
 * attachment). onBehalf: an office recorded it for the addressee (e.g. from a report received on paper).
 */
public record Transition(String from, String to, String action, String actionLabel, UUID actorId, String actorName,
                         String actorRole, boolean onBehalf, Instant at, String reason) {
}
