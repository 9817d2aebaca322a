package cn.zhiben.people.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who must be trained under a target and who is (definitions in docs/people.md, "Coverage"):
 * <ul>
 * <li>Required: at the reference date (31 December of the target year, or today while the year runs) every enterprise
 * of the sector has its holders of the target's roles — each employment holding one of the roles that day. An enterprise
 * with no such holder counts one required slot, "未登记", so that a missing register cannot raise the rate.</li>
 * <li>Trained: the person attended sessions starting within the target year for at least the minimum days in total, and
 * those sessions together covered every required topic. Training counts for the person wherever they worked when they
 * attended, so a principal who moved to a sector enterprise mid-year brings their training along; someone who left the
 * sector before the reference date is no longer required.</li>
 * </ul>
 * 晋市安委发〔2024〕6号 四(四)15 (sectors and years), 16 (≥3 days, 100 %); the summing of days over several sessions and the
 * reference date are our reading of it.
 */
public final class CoveragePolicy {

    private CoveragePolicy() {
    }

    /** What the target asks. */
    public record Rule(int year, Set<String> roles, BigDecimal minDays, Set<String> requiredTopics) {
    }

    /** An employment: who, where, as what, from when to when (to null: still there). */
    public record Employment(UUID personId, String personName, UUID enterpriseId, Set<String> roles, LocalDate from,
                             LocalDate to) {
        boolean activeOn(LocalDate d) {
            return !from.isAfter(d) && (to == null || !to.isBefore(d));
        }
    }

    /** One attendance: the person, the session's first day, the days attended and the session's topics. */
    public record Attendance(UUID personId, LocalDate sessionStart, BigDecimal days, Set<String> topics) {
    }

    public enum Gap {
        NONE("已完成"),
        NOT_REGISTERED("未登记"),
        NOT_TRAINED("未参训"),
        TOO_FEW_DAYS("培训天数不足"),
        TOPICS_MISSING("培训内容不全");

        private final String label;

        Gap(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One required slot: an enterprise's holder (or none registered) and how far their training goes. */
    public record Slot(UUID enterpriseId, UUID personId, String personName, BigDecimal days, Set<String> missingTopics,
                       Gap gap) {
        public boolean trained() {
            return gap == Gap.NONE;
        }
    }

    public static LocalDate referenceDate(int year, LocalDate today) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return today.isBefore(end) ? today : end;
    }

    public static List<Slot> evaluate(Rule rule, LocalDate today, List<UUID> enterprises, List<Employment> employments,
                                      List<Attendance> attendance) {
        LocalDate ref = referenceDate(rule.year(), today);
        LocalDate first = LocalDate.of(rule.year(), 1, 1);
        LocalDate last = LocalDate.of(rule.year(), 12, 31);
        Map<UUID, BigDecimal> days = new HashMap<>();
        Map<UUID, Set<String>> topics = new HashMap<>();
        for (Attendance a : attendance) {
            if (a.sessionStart().isBefore(first) || a.sessionStart().isAfter(last) || a.sessionStart().isAfter(ref)) {
                continue;
            }
            days.merge(a.personId(), a.days(), BigDecimal::add);
            topics.computeIfAbsent(a.personId(), k -> new LinkedHashSet<>()).addAll(a.topics());
        }
        Map<UUID, List<Employment>> holders = new HashMap<>();
        for (Employment e : employments) {
            if (e.activeOn(ref) && e.roles().stream().anyMatch(rule.roles()::contains)) {
                holders.computeIfAbsent(e.enterpriseId(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (UUID enterprise : enterprises) {
            List<Employment> list = holders.getOrDefault(enterprise, List.of());
            if (list.isEmpty()) {
                slots.add(new Slot(enterprise, null, null, BigDecimal.ZERO, new TreeSet<>(rule.requiredTopics()), Gap.NOT_REGISTERED));
                continue;
            }
            Set<UUID> seen = new LinkedHashSet<>();
            list.stream().sorted(Comparator.comparing(Employment::personName)).forEach(e -> {
                if (!seen.add(e.personId())) {
                    return;
                }
                BigDecimal d = days.getOrDefault(e.personId(), BigDecimal.ZERO);
                Set<String> missing = new TreeSet<>(rule.requiredTopics());
                missing.removeAll(topics.getOrDefault(e.personId(), Set.of()));
                Gap gap;
                if (!days.containsKey(e.personId())) {
                    gap = Gap.NOT_TRAINED;
                } else if (d.compareTo(rule.minDays()) < 0) {
                    gap = Gap.TOO_FEW_DAYS;
                } else if (!missing.isEmpty()) {
                    gap = Gap.TOPICS_MISSING;
                } else {
                    gap = Gap.NONE;
                }
                slots.add(new Slot(enterprise, e.personId(), e.personName(), d, missing, gap));
            });
        }
        return slots;
    }

    /** Trained share in whole per cent (rounded down, so 99.6 % is not shown as meeting 100 %). */
    public static int percent(long trained, long required) {
        return required == 0 ? 100 : (int) (trained * 100 / required);
    }
}
