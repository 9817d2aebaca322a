package cn.zhiben.tipoffs.internal;

import java.time.Instant;
import java.util.UUID;

/** One step on a tip-off's timeline; rows are only appended. */
public record Transition(TipoffStatus from, TipoffStatus to, TipoffAction action, UUID actorId, String actorName,
                         String actorRole, Instant at, String reason) {
}
