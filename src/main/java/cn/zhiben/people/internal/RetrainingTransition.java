package cn.zhiben.people.internal;

import java.time.Instant;
import java.util.UUID;

/** One step on a retraining case's timeline; rows are only ever appended. */
public record RetrainingTransition(RetrainingStatus from, RetrainingStatus to, RetrainingAction action, UUID actorId,
                                   String actorName, String actorRole, Instant at, String reason) {
}
