package cn.zhiben.people.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How often each area of an enterprise drills evacuation: at least once a year, every half year in high-risk industries
 * (晋市安委发〔2024〕6号 四(五)18; 生产安全事故应急条例 Art. 8 [V]: high-risk units drill at least every half year;
 * 生产安全事故应急预案管理办法 88号令 Art. 33 [P]). Periods are calendar years or halves (1 Jan–30 Jun, 1 Jul–31 Dec),
 * our reading of "每年"/"每半年".
 */
public final class DrillPolicy {

    private DrillPolicy() {
    }

    public record Period(LocalDate from, LocalDate to, String label) {
        public boolean contains(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }

        public Period previous(boolean halfYearly) {
            return of(from.minusDays(1), halfYearly);
        }
    }

    public static Period of(LocalDate date, boolean halfYearly) {
        int y = date.getYear();
        if (!halfYearly) {
            return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), y + " 年");
        }
        return date.getMonthValue() <= 6
                ? new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 6, 30), y + " 年上半年")
                : new Period(LocalDate.of(y, 7, 1), LocalDate.of(y, 12, 31), y + " 年下半年");
    }

    /** An evacuation drill: when and which areas it covered. */
    public record Drill(LocalDate heldOn, Set<DrillArea> areas) {
    }

    /** For each area the enterprise has, the date of its latest evacuation drill within the period (null: none). */
    public static Map<DrillArea, LocalDate> coverage(Set<DrillArea> areas, Period period, List<Drill> evacuationDrills) {
        Map<DrillArea, LocalDate> out = new EnumMap<>(DrillArea.class);
        for (DrillArea a : areas) {
            out.put(a, null);
        }
        for (Drill d : evacuationDrills) {
            if (!period.contains(d.heldOn())) {
                continue;
            }
            for (DrillArea a : d.areas()) {
                if (out.containsKey(a) && (out.get(a) == null || out.get(a).isBefore(d.heldOn()))) {
                    out.put(a, d.heldOn());
                }
            }
        }
        return out;
    }

    public static boolean complete(Map<DrillArea, LocalDate> coverage) {
        return coverage.values().stream().allMatch(java.util.Objects::nonNull);
    }
}
