package cn.zhiben.monitoring.internal;

import java.time.Instant;

/** A checked reading of a known point, ready to be stored. */
public record Reading(PointInfo point, long seq, Instant ts, double value, Instant receivedAt) {
}
