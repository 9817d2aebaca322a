package cn.zhiben.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a point's rules to one reading: the per-reading rules (thresholds, rate of change, flat line) here; no data
 * and electricity during a shutdown are judged by their jobs. Returns what changed: a condition became active
 * (TRIGGER), stopped (CLEAR), or an active one reached a new extreme (PEAK).
 */
final class RuleEngine {

    static final Duration RATE_MAX_GAP = Duration.ofMinutes(10);

    enum Change { TRIGGER, CLEAR, PEAK }

    record Signal(PointInfo point, Rule rule, Change change, double value, Instant readingAt) {
    }

    private RuleEngine() {
    }

    static List<Signal> apply(PointInfo p, PointState s, double v, Instant ts) {
        List<Signal> out = new ArrayList<>(0);
        boolean inOrder = s.lastAt == null || ts.isAfter(s.lastAt);
        Evaluation.Flat flat = inOrder ? Evaluation.flatAfter(s.flat, v, ts) : s.flat;
        for (Rule r : p.rules()) {
            boolean was = s.active.contains(r.code());
            boolean now;
            switch (r.type()) {
                case THRESHOLD -> now = Evaluation.threshold(was, v, r.direction(), r.trigger(), r.clear());
                case RATE -> {
                    if (!inOrder) {
                        continue;
                    }
                    now = Evaluation.rate(was, s.last, s.lastAt, v, ts, r.direction(), r.trigger(), RATE_MAX_GAP);
                }
                case FLAT_LINE -> {
                    if (!inOrder) {
                        continue;
                    }
                    now = Evaluation.flatLine(flat, ts, r.minutes());
                }
                default -> {
                    continue;
                }
            }
            if (now && !was) {
                s.active.add(r.code());
                s.peaks.put(r.code(), v);
                out.add(new Signal(p, r, Change.TRIGGER, v, ts));
            } else if (!now && was) {
                s.active.remove(r.code());
                s.peaks.remove(r.code());
                out.add(new Signal(p, r, Change.CLEAR, v, ts));
            } else if (now && r.type() == Rule.Type.THRESHOLD) {
                Double peak = s.peaks.get(r.code());
                boolean beyond = peak == null || (r.direction() == Rule.Direction.HIGH ? v > peak : v < peak);
                if (beyond) {
                    s.peaks.put(r.code(), v);
                    out.add(new Signal(p, r, Change.PEAK, v, ts));
                }
            }
        }
        if (inOrder) {
            s.last = v;
            s.lastAt = ts;
            s.flat = flat;
        }
        return out;
    }
}
