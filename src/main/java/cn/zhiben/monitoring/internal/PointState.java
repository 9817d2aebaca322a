package cn.zhiben.monitoring.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the rules remember of one point between readings; owned by the point's ingestion lane (one thread), reloaded
 * from the database (ReadingWriter) when the lane has not seen the point for a while.
 */
public final class PointState {

    double last = Double.NaN;
    Instant lastAt;
    Evaluation.Flat flat;
    final Set<String> active = new HashSet<>();
    final Map<String, Double> peaks = new HashMap<>();
    /** System.nanoTime() of the last batch of this lane that held the point. */
    long seenAt;

    PointState copy() {
        PointState c = new PointState();
        c.last = last;
        c.lastAt = lastAt;
        c.flat = flat;
        c.active.addAll(active);
        c.peaks.putAll(peaks);
        c.seenAt = seenAt;
        return c;
    }
}
