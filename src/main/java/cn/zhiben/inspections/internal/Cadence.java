package cn.zhiben.inspections.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cadence of enterprises' own checks (plan item 23: 按照集团公司季查、厂矿月查、车间周查、班组日查的要求): which periods
 * required a check of which level, and which of them have one. Periods are calendar days, ISO weeks (Monday–Sunday),
 * calendar months and quarters in Asia/Shanghai — the dates passed in are already local dates there.
 */
public final class Cadence {

    /** Plan item 23: the mechanism is in place by the end of June 2024, so checks are required from 1 July 2024. */
    public static final LocalDate DEFAULT_TRACKING_FROM = LocalDate.of(2024, 7, 1);

    private Cadence() {
    }

    public enum Unit {
        DAY, WEEK, MONTH, QUARTER
    }

    public record Period(SelfInspections.Level level, LocalDate start, LocalDate end, String label) {
    }

    public enum State {
        /** a check is on record in the period */
        DONE,
        /** the period is over without one */
        MISSING,
        /** the period is still running and has none yet */
        PENDING
    }

    public record PeriodState(Period period, State state) {
    }

    /**
     * @param groupChecks      the enterprise belongs to a group company that checks it quarterly
     * @param teamWorkdaysOnly team checks only on Monday–Friday (an enterprise that does not work weekends; public
     *                         holidays are not known to the platform)
     */
    public record Settings(boolean groupChecks, boolean teamWorkdaysOnly, LocalDate trackingFrom) {
    }

    /** The periods of one level that overlap [from, to]. */
    public static List<Period> periods(SelfInspections.Level level, LocalDate from, LocalDate to, boolean workdaysOnly) {
        List<Period> out = new ArrayList<>();
        LocalDate start = switch (level.unit()) {
            case DAY -> from;
            case WEEK -> from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> from.withDayOfMonth(1);
            case QUARTER -> from.withMonth((from.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
        };
        while (!start.isAfter(to)) {
            LocalDate end = switch (level.unit()) {
                case DAY -> start;
                case WEEK -> start.plusDays(6);
                case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
                case QUARTER -> start.plusMonths(3).minusDays(1);
            };
            boolean skip = level.unit() == Unit.DAY && workdaysOnly
                    && (start.getDayOfWeek() == DayOfWeek.SATURDAY || start.getDayOfWeek() == DayOfWeek.SUNDAY);
            if (!skip) {
                out.add(new Period(level, start, end, label(level.unit(), start)));
            }
            start = end.plusDays(1);
        }
        return out;
    }

    static String label(Unit unit, LocalDate start) {
        return switch (unit) {
            case DAY -> start.toString();
            case WEEK -> start.get(IsoFields.WEEK_BASED_YEAR) + " 年第 " + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                    + " 周（" + start + " 起）";
            case MONTH -> start.getYear() + " 年 " + start.getMonthValue() + " 月";
            case QUARTER -> start.getYear() + " 年第 " + start.get(IsoFields.QUARTER_OF_YEAR) + " 季度";
        };
    }

    /**
     * Every required period of [from, to] (not before tracking started, not after today) with its state.
     *
     * @param done dates (Asia/Shanghai) on which a check of each level is on record
     */
    public static List<PeriodState> evaluate(Settings settings, Map<SelfInspections.Level, Set<LocalDate>> done,
                                             LocalDate from, LocalDate to, LocalDate today) {
        LocalDate start = from.isBefore(settings.trackingFrom()) ? settings.trackingFrom() : from;
        LocalDate end = to.isAfter(today) ? today : to;
        List<PeriodState> out = new ArrayList<>();
        if (end.isBefore(start)) {
            return out;
        }
        for (SelfInspections.Level level : SelfInspections.Level.values()) {
            if (level == SelfInspections.Level.GROUP && !settings.groupChecks()) {
                continue;
            }
            NavigableSet<LocalDate> dates = new TreeSet<>(done.getOrDefault(level, Set.of()));
            for (Period p : periods(level, start, end, settings.teamWorkdaysOnly())) {
                LocalDate hit = dates.ceiling(p.start());
                State state = hit != null && !hit.isAfter(p.end()) ? State.DONE
                        : p.end().isBefore(today) ? State.MISSING : State.PENDING;
                out.add(new PeriodState(p, state));
            }
        }
        return out;
    }
}
