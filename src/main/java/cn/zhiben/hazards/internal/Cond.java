package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A condition on a hazard written once and read two ways: tested on a hazard in Java (the verb, the offered forms) and
 * rendered as SQL over {@code hz_hazard h} (the inbox). Rules are built from these, so both readings cannot drift.
 */
public abstract class Cond {

    public abstract boolean test(HazardFacts h);

    /** The condition over {@code hz_hazard h}, binding its values into {@code params}. */
    public abstract String sql(Params params);

    /** Named parameters of a rendered condition, each value bound once under a fresh name. */
    public static final class Params {
        private final Map<String, Object> values = new LinkedHashMap<>();

        String bind(Object value) {
            String name = "c" + values.size();
            values.put(name, value);
            return ":" + name;
        }

        public Map<String, Object> values() {
            return values;
        }
    }

    public static final Cond TRUE = of(h -> true, p -> "true");
    public static final Cond FALSE = of(h -> false, p -> "false");

    static Cond of(Predicate<HazardFacts> test, java.util.function.Function<Params, String> sql) {
        return new Cond() {
            @Override
            public boolean test(HazardFacts h) {
                return test.test(h);
            }

            @Override
            public String sql(Params params) {
                return sql.apply(params);
            }
        };
    }

    public static Cond status(Set<HazardStatus> statuses) {
        Set<HazardStatus> s = statuses.isEmpty() ? EnumSet.noneOf(HazardStatus.class) : EnumSet.copyOf(statuses);
        return s.isEmpty() ? FALSE : of(h -> s.contains(h.status()), p -> "h.status in " + HazardStatus.sqlList(s));
    }

    public static Cond status(HazardStatus first, HazardStatus... rest) {
        return status(EnumSet.of(first, rest));
    }

    public static Cond open() {
        return status(HazardStatus.where(s -> !s.terminal()));
    }

    public static Cond grade(Grade g) {
        return of(h -> h.grade() == g, p -> "h.grade = '" + g.name() + "'");
    }

    public static Cond listed() {
        return of(h -> h.listingLevel() != null, p -> "h.listing_level is not null");
    }

    public static Cond unlisted() {
        return not(listed());
    }

    /** Listed at one of these levels; {@code null} in the set stands for "not listed". */
    public static Cond listingIn(Collection<ListingLevel> levels, boolean orUnlisted) {
        Set<ListingLevel> s = levels.isEmpty() ? EnumSet.noneOf(ListingLevel.class) : EnumSet.copyOf(levels);
        Cond in = s.isEmpty() ? FALSE : of(h -> h.listingLevel() != null && s.contains(h.listingLevel()),
                p -> "h.listing_level in " + s.stream().map(l -> "'" + l.name() + "'").collect(Collectors.joining(", ", "(", ")")));
        return orUnlisted ? or(unlisted(), in) : in;
    }

    public static Cond extensionPending() {
        return of(HazardFacts::extensionPending, p -> "h.extension_pending");
    }

    public static Cond extensionsBelow(int max) {
        return of(h -> h.extensionCount() < max, p -> "h.extension_count < " + max);
    }

    public static Cond deadlineSet() {
        return of(h -> h.deadline() != null, p -> "h.deadline is not null");
    }

    public static Cond flaggedDuplicate() {
        return of(h -> h.possibleDuplicateOf() != null, p -> "h.possible_duplicate_of is not null");
    }

    public static Cond accountabilityOpen() {
        return of(h -> "OPEN".equals(h.accountabilityStatus()), p -> "h.accountability_status = 'OPEN'");
    }

    public static Cond reportedBy(UUID userId) {
        return userId == null ? FALSE
                : of(h -> userId.equals(h.finderUserId()), p -> "h.finder_user_id = " + p.bind(userId));
    }

    /** The field whose lead department reviews the hazard is one of these. */
    public static Cond primaryFieldIn(Set<String> fields) {
        Set<String> f = Set.copyOf(fields);
        return f.isEmpty() ? FALSE : of(h -> f.contains(h.primaryField()),
                p -> "coalesce(h.field_code, h.industry_code) in (" + p.bind(List.copyOf(f)) + ")");
    }

    /** The enterprise's industry or the hazard's own field is one of these. */
    public static Cond anyFieldIn(Set<String> fields) {
        Set<String> f = Set.copyOf(fields);
        if (f.isEmpty()) {
            return FALSE;
        }
        return of(h -> f.contains(h.industryCode()) || (h.fieldCode() != null && f.contains(h.fieldCode())), p -> {
            String list = p.bind(List.copyOf(f));
            return "(h.industry_code in (" + list + ") or h.field_code in (" + list + "))";
        });
    }

    public static Cond and(Cond... parts) {
        List<Cond> list = Arrays.stream(parts).filter(c -> c != TRUE).toList();
        if (list.contains(FALSE)) {
            return FALSE;
        }
        if (list.isEmpty()) {
            return TRUE;
        }
        if (list.size() == 1) {
            return list.get(0);
        }
        return of(h -> list.stream().allMatch(c -> c.test(h)),
                p -> list.stream().map(c -> "(" + c.sql(p) + ")").collect(Collectors.joining(" and ")));
    }

    public static Cond or(Cond... parts) {
        List<Cond> list = Arrays.stream(parts).filter(Objects::nonNull).filter(c -> c != FALSE).toList();
        if (list.contains(TRUE)) {
            return TRUE;
        }
        if (list.isEmpty()) {
            return FALSE;
        }
        if (list.size() == 1) {
            return list.get(0);
        }
        return of(h -> list.stream().anyMatch(c -> c.test(h)),
                p -> list.stream().map(c -> "(" + c.sql(p) + ")").collect(Collectors.joining(" or ")));
    }

    public static Cond not(Cond c) {
        if (c == TRUE) {
            return FALSE;
        }
        if (c == FALSE) {
            return TRUE;
        }
        return of(h -> !c.test(h), p -> "not (" + c.sql(p) + ")");
    }
}
