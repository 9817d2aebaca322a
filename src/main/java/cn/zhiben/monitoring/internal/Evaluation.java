package cn.zhiben.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.OptionalDouble;

/**
 * The alarm rules as pure functions: given the condition's state and what was measured, is the condition active now?
 * No clock, no database — the rule engine and the jobs feed them, the tests check them against tables of cases.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * A threshold with hysteresis (煤矿安全规程表19: alarm/power-cut at the trigger value, restore only below the restore
     * value). HIGH: active from value ≥ trigger until value < clear. LOW: active from value < trigger until value ≥ clear.
     */
    public static boolean threshold(boolean active, double value, Rule.Direction direction, double trigger, double clear) {
        if (direction == Rule.Direction.HIGH) {
            return active ? value >= clear : value >= trigger;
        }
        return active ? value < clear : value < trigger;
    }

    /**
     * Rate of change per minute between two consecutive readings. Readings more than {@code maxGap} apart say nothing
     * about a rate (the condition keeps its state); HIGH watches rises, LOW falls.
     */
    public static boolean rate(boolean active, double previous, Instant previousAt, double value, Instant at,
                               Rule.Direction direction, double perMinute, Duration maxGap) {
        if (previousAt == null || !at.isAfter(previousAt)) {
            return active;
        }
        Duration gap = Duration.between(previousAt, at);
        if (gap.compareTo(maxGap) > 0) {
            return false;
        }
        double minutes = gap.toMillis() / 60_000.0;
        double change = (value - previous) / minutes;
        return direction == Rule.Direction.HIGH ? change >= perMinute : -change >= perMinute;
    }

    /** No reading received for the rule's minutes (a point that never reported counts from when it was set up). */
    public static boolean noData(Instant lastReceived, Instant now, int minutes) {
        return !lastReceived.plus(Duration.ofMinutes(minutes)).isAfter(now);
    }

    /** Where a flat line stands: the value and since when it has been exactly that. */
    public record Flat(double value, Instant since) {
    }

    /** The flat-line tracker after a reading: the same value keeps its start, any change starts anew. */
    public static Flat flatAfter(Flat flat, double value, Instant at) {
        if (flat != null && Double.compare(flat.value(), value) == 0 && !at.isBefore(flat.since())) {
            return flat;
        }
        return new Flat(value, at);
    }

    /** Exactly the same value for at least the rule's minutes, up to the reading at {@code at}. */
    public static boolean flatLine(Flat flat, Instant at, int minutes) {
        return flat != null && !flat.since().plus(Duration.ofMinutes(minutes)).isAfter(at);
    }

    /**
     * The idle electricity baseline of an enterprise: a low percentile of its total load over 5-minute buckets of its
     * own history — the load that remains when nothing is produced (fans, pumps, lighting). Empty when fewer than
     * {@code minDays} days have data: then no judgement is made. Method and defaults: docs/monitoring.md.
     */
    public static OptionalDouble idleBaseline(Collection<Double> bucketLoadsKw, int daysWithData, double percentile,
                                              int minDays) {
        if (daysWithData < minDays || bucketLoadsKw.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = bucketLoadsKw.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.floor(percentile * (sorted.length - 1));
        return OptionalDouble.of(sorted[Math.max(0, Math.min(index, sorted.length - 1))]);
    }

    /**
     * 疑似违法生产: a shutdown order is in force and the recent mean load exceeds factor × the idle baseline. Without a
     * baseline or without an order nothing is suspected; the condition clears when the load falls back to factor ×
     * baseline or the order is lifted.
     */
    public static boolean producingDuringShutdown(boolean shutdownInForce, OptionalDouble baselineKw, double recentMeanKw,
                                                  double factor) {
        if (!shutdownInForce || baselineKw.isEmpty()) {
            return false;
        }
        double b = Math.max(baselineKw.getAsDouble(), 1.0);
        return recentMeanKw > factor * b;
    }

    /** Mean of the values, or empty. */
    public static OptionalDouble mean(double... values) {
        return Arrays.stream(values).average();
    }
}
