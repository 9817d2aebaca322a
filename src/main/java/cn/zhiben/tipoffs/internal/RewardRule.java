package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.tipoffs.internal.TipoffCodes.AccidentLevel;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a reward rule, as data (tip_reward_rule). Valid from {@code validFrom} inclusive to {@code validTo}
 * exclusive; a COUNTY rule applies in its county, a PROVINCE rule in its province, the NATIONAL rule everywhere.
 */
public record RewardRule(UUID id, String code, int version, String name, Level level, String regionCode,
                         String industryPrefix, int percentBp, boolean includePersonFines, long minFen, long maxFen,
                         Map<AccidentLevel, Long> perDeathFen, long deathCapFen, LocalDate validFrom, LocalDate validTo,
                         String source, String confidence, String status) {

    public enum Level {
        NATIONAL(0, "国家"), PROVINCE(1, "省级"), COUNTY(2, "县级");

        final int specificity;
        final String label;

        Level(int specificity, String label) {
            this.specificity = specificity;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The per-death amounts in level order, as yuan text (for the rules page). */
    public java.util.List<String> deathAmountsYuan() {
        return java.util.Arrays.stream(AccidentLevel.values()).map(l -> Money.yuan(perDeathFen.getOrDefault(l, 0L))).toList();
    }

    boolean inForceOn(LocalDate d) {
        return !d.isBefore(validFrom) && (validTo == null || d.isBefore(validTo));
    }

    boolean appliesTo(String region, String industry) {
        if (level != Level.NATIONAL && (region == null || !RegionCodes.contains(regionCode, region))) {
            return false;
        }
        return industryPrefix == null
                || (industry != null && (industry.equals(industryPrefix) || industry.startsWith(industryPrefix + ".")));
    }
}
