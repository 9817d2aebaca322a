package cn.zhiben.monitoring.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationTests {

    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    /** Hysteresis as 煤矿安全规程表19 states it: trigger at ≥ the setting, restore only below the restore value. */
    @ParameterizedTest(name = "{0}: active={1}, value={2} → {5}")
    @CsvSource({
            // case,                                  active, value, trigger, clear, expected
            "'below the alarm value stays off',        false, 0.99, 1.0, 1.0, false",
            "'reaching the alarm value triggers',      false, 1.00, 1.0, 1.0, true",
            "'power-cut 1.5: 1.49 does not cut',       false, 1.49, 1.5, 1.0, false",
            "'power-cut 1.5: 1.50 cuts',               false, 1.50, 1.5, 1.0, true",
            "'cut stays while above restore (1.2)',    true,  1.20, 1.5, 1.0, true",
            "'cut stays at exactly 1.0 (restore <1.0)', true, 1.00, 1.5, 1.0, true",
            "'restores below 1.0',                     true,  0.99, 1.5, 1.0, false",
            "'intake 0.5: restores below 0.5',         true,  0.49, 0.5, 0.5, false",
    })
    void highThresholdsKeepTheirStateUntilTheRestoreValue(String name, boolean active, double value, double trigger,
                                                          double clear, boolean expected) {
        assertThat(Evaluation.threshold(active, value, Rule.Direction.HIGH, trigger, clear)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'oxygen 19.6 is fine',          false, 19.6, false",
            "'oxygen 19.4 is too low',       false, 19.4, true",
            "'still low at 19.49',           true,  19.49, true",
            "'back to normal at 19.5',       true,  19.5, false",
    })
    void lowThresholdsTriggerBelowAndClearAtTheValue(String name, boolean active, double value, boolean expected) {
        assertThat(Evaluation.threshold(active, value, Rule.Direction.LOW, 19.5, 19.5)).isEqualTo(expected);
    }

    @Test
    void rateOfChangeCountsPerMinuteAndIgnoresLongGaps() {
        Duration gap = Duration.ofMinutes(10);
        // +0.2 in 30 s = 0.4 per minute ≥ 0.3
        assertThat(Evaluation.rate(false, 0.4, T0, 0.6, T0.plusSeconds(30), Rule.Direction.HIGH, 0.3, gap)).isTrue();
        // +0.2 in 2 min = 0.1 per minute
        assertThat(Evaluation.rate(true, 0.4, T0, 0.6, T0.plusSeconds(120), Rule.Direction.HIGH, 0.3, gap)).isFalse();
        // a fall does not trigger a HIGH rate rule
        assertThat(Evaluation.rate(false, 0.9, T0, 0.3, T0.plusSeconds(30), Rule.Direction.HIGH, 0.3, gap)).isFalse();
        // readings 11 minutes apart say nothing about a rate
        assertThat(Evaluation.rate(false, 0.1, T0, 3.0, T0.plusSeconds(660), Rule.Direction.HIGH, 0.3, gap)).isFalse();
        // an out-of-order or same-time reading keeps the state
        assertThat(Evaluation.rate(true, 0.1, T0, 3.0, T0, Rule.Direction.HIGH, 0.3, gap)).isTrue();
    }

    @Test
    void noDataCountsFromTheLastReceptionAgainstTheClock() {
        assertThat(Evaluation.noData(T0, T0.plus(Duration.ofMinutes(4)).plusSeconds(59), 5)).isFalse();
        assertThat(Evaluation.noData(T0, T0.plus(Duration.ofMinutes(5)), 5)).isTrue();
    }

    @Test
    void aFlatLineIsExactlyTheSameValueForTheRulesMinutes() {
        Evaluation.Flat f = Evaluation.flatAfter(null, 3.0, T0);
        f = Evaluation.flatAfter(f, 3.0, T0.plus(Duration.ofMinutes(30)));
        assertThat(Evaluation.flatLine(f, T0.plus(Duration.ofMinutes(30)), 60)).isFalse();
        f = Evaluation.flatAfter(f, 3.0, T0.plus(Duration.ofMinutes(60)));
        assertThat(Evaluation.flatLine(f, T0.plus(Duration.ofMinutes(60)), 60)).isTrue();
        // the smallest change starts the count again
        f = Evaluation.flatAfter(f, 3.0001, T0.plus(Duration.ofMinutes(61)));
        assertThat(f.since()).isEqualTo(T0.plus(Duration.ofMinutes(61)));
        assertThat(Evaluation.flatLine(f, T0.plus(Duration.ofMinutes(61)), 60)).isFalse();
    }

    @Test
    void theIdleBaselineIsALowPercentileOfTheEnterprisesOwnLoadAndNeedsEnoughDays() {
        // a mine idle at 800 kW for a third of the day and producing at 2900 kW otherwise
        List<Double> loads = new java.util.ArrayList<>();
        for (int i = 0; i < 288 * 5; i++) {
            loads.add(i % 288 < 96 ? 800.0 + (i % 7) : 2900.0);
        }
        assertThat(Evaluation.idleBaseline(loads, 5, 0.1, 3).getAsDouble()).isBetween(800.0, 807.0);
        assertThat(Evaluation.idleBaseline(loads, 2, 0.1, 3)).isEmpty();
        assertThat(Evaluation.idleBaseline(List.of(), 5, 0.1, 3)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case,                                          order, baseline, recent, expected
            "'under an order, 2.0× the baseline: suspected',    true,  800,  1600, true",
            "'under an order, 1.4× the baseline: not',          true,  800,  1120, false",
            "'no order: producing is lawful',                   false, 800,  3000, false",
            "'no baseline learned: no judgement',               true,  -1,   3000, false",
    })
    void electricityAboveTheIdleBaselineDuringAShutdownOrderIsSuspected(String name, boolean order, double baseline,
                                                                         double recent, boolean expected) {
        OptionalDouble b = baseline < 0 ? OptionalDouble.empty() : OptionalDouble.of(baseline);
        assertThat(Evaluation.producingDuringShutdown(order, b, recent, 1.5)).isEqualTo(expected);
    }
}
