package cn.zhiben.inspections.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The periods of plan item 23's cadence: ISO weeks from Monday, calendar months and quarters, working days. */
class CadenceTests {

    @Test
    void weeksStartOnMondayAndOverlapTheRange() {
        List<Cadence.Period> weeks = Cadence.periods(SelfInspections.Level.WORKSHOP, LocalDate.of(2026, 11, 4),
                LocalDate.of(2026, 11, 17), false);
        assertThat(weeks).extracting(Cadence.Period::start)
                .containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16));
        assertThat(weeks.get(0).end()).isEqualTo(LocalDate.of(2026, 11, 8));
    }

    @Test
    void quartersAndMonthsAreCalendarOnes() {
        assertThat(Cadence.periods(SelfInspections.Level.GROUP, LocalDate.of(2026, 2, 10), LocalDate.of(2026, 4, 2), false))
                .extracting(Cadence.Period::start, Cadence.Period::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)));
        assertThat(Cadence.periods(SelfInspections.Level.ENTERPRISE, LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 28), false))
                .singleElement().satisfies(p -> assertThat(p.end()).isEqualTo(LocalDate.of(2026, 2, 28)));
    }

    @Test
    void teamsWorkingOnlyOnWorkdaysSkipWeekends() {
        // 2026-11-07 and 08 are a Saturday and Sunday
        assertThat(Cadence.periods(SelfInspections.Level.TEAM, LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 9), true))
                .extracting(Cadence.Period::start).containsExactly(LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 9));
    }

    @Test
    void aPeriodIsMissingOnlyOnceOverAndNothingCountsBeforeTrackingStarts() {
        Map<SelfInspections.Level, Set<LocalDate>> done = new EnumMap<>(SelfInspections.Level.class);
        done.put(SelfInspections.Level.ENTERPRISE, Set.of(LocalDate.of(2026, 10, 20)));
        var states = Cadence.evaluate(new Cadence.Settings(false, false, LocalDate.of(2026, 10, 1)), done,
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 3)).stream()
                .filter(s -> s.period().level() == SelfInspections.Level.ENTERPRISE).toList();
        assertThat(states).extracting(s -> s.period().start(), Cadence.PeriodState::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 10, 1), Cadence.State.DONE),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 1), Cadence.State.MISSING),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 1), Cadence.State.PENDING));
    }

    @Test
    void aGroupCompanysQuarterlyCheckIsRequiredOnlyOfMembersOfAGroup() {
        var without = Cadence.evaluate(new Cadence.Settings(false, false, Cadence.DEFAULT_TRACKING_FROM), Map.of(),
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 12, 3));
        var with = Cadence.evaluate(new Cadence.Settings(true, false, Cadence.DEFAULT_TRACKING_FROM), Map.of(),
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 12, 3));
        assertThat(without).noneMatch(s -> s.period().level() == SelfInspections.Level.GROUP);
        assertThat(with).filteredOn(s -> s.period().level() == SelfInspections.Level.GROUP).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(Cadence.State.MISSING));
    }
}
