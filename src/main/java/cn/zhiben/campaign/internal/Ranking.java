package cn.zhiben.campaign.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ranking of an evaluation: counties among counties, units among units, enterprises among enterprises, by total
 * points, highest first. Equal totals share a rank and the next rank is skipped ("1, 2, 2, 4" — the usual way a
 * published ranking reads; our choice, documented); within a tie, by name.
 */
public final class Ranking {

    private Ranking() {
    }

    public record Entry(UUID targetId, String group, String name, BigDecimal total) {
    }

    public record Ranked(UUID targetId, String group, String name, BigDecimal total, int rank) {
    }

    public static List<Ranked> rank(List<Entry> entries) {
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        entries.forEach(e -> groups.computeIfAbsent(e.group(), k -> new ArrayList<>()).add(e));
        List<Ranked> out = new ArrayList<>();
        for (List<Entry> g : groups.values()) {
            List<Entry> sorted = new ArrayList<>(g);
            sorted.sort(Comparator.comparing(Entry::total).reversed().thenComparing(Entry::name));
            for (Entry e : sorted) {
                int rank = 1 + (int) sorted.stream().filter(x -> x.total().compareTo(e.total()) > 0).count();
                out.add(new Ranked(e.targetId(), e.group(), e.name(), e.total(), rank));
            }
        }
        return out;
    }

    public record Gap(int itemNo, String item, BigDecimal max, BigDecimal points, BigDecimal lost, String reason,
                      BigDecimal selfPoints) {
    }

    /** A target's lost points, largest first: what it must make up (找短板、查弱项、补漏项). */
    public static List<Gap> gaps(List<Gap> items) {
        return items.stream().filter(g -> g.lost().signum() > 0)
                .sorted(Comparator.comparing(Gap::lost).reversed().thenComparingInt(Gap::itemNo)).toList();
    }
}
