package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.internal.TipoffCodes.AccidentLevel;
import cn.zhiben.tipoffs.internal.TipoffCodes.Category;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reward amounts under 安全生产领域举报奖励办法 (安监总财〔2018〕19号), from a table of cases. */
class RewardCalculatorTests {

    static RewardRule rule(String code, int version, RewardRule.Level level, String region, String industry, int bp,
                           LocalDate from, LocalDate to, String status) {
        Map<AccidentLevel, Long> deaths = new EnumMap<>(AccidentLevel.class);
        deaths.put(AccidentLevel.GENERAL, 3_000_000L);
        deaths.put(AccidentLevel.LARGER, 4_000_000L);
        deaths.put(AccidentLevel.MAJOR, 5_000_000L);
        deaths.put(AccidentLevel.ESPECIALLY_MAJOR, 6_000_000L);
        return new RewardRule(UUID.randomUUID(), code, version, code, level, region, industry, bp, true, 300_000L,
                30_000_000L, deaths, 30_000_000L, from, to, "test", "V", status);
    }

    static final RewardRule NATIONAL = rule("national", 1, RewardRule.Level.NATIONAL, null, null, 1500,
            LocalDate.of(2018, 1, 1), null, "APPROVED");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | category | enterprise fine fen | person fine fen | expected fen        (source: 安监总财〔2018〕19号)
            "15 % of a CNY 100,000 fine                       | MAJOR_HAZARD       | 10000000  | 0       | 1500000",
            "below the minimum: 15 % of CNY 10,000 -> 3,000   | MAJOR_HAZARD       | 1000000   | 0       | 300000",
            "above the maximum: 15 % of CNY 3 m -> 300,000    | ILLEGAL_PRODUCTION | 300000000 | 0       | 30000000",
            "exactly the maximum: 15 % of CNY 2 m             | ILLEGAL_PRODUCTION | 200000000 | 0       | 30000000",
            "person fines (一案双罚) count (our inference)      | MAJOR_HAZARD       | 5000000   | 1000000 | 900000",
            "rounded half up to the fen (our inference)       | MAJOR_HAZARD       | 3333333   | 0       | 500000",
            "odd fen: 15 % of 2,000,003 fen = 300,000.45      | MAJOR_HAZARD       | 2000003   | 0       | 300000"})
    void aShareOfTheFineActuallyImposedBetweenTheMinimumAndTheMaximum(String name, Category category, long enterpriseFine,
                                                                       long personFine, long expected) {
        var r = RewardCalculator.compute(NATIONAL, new RewardCalculator.Inputs(category, true, enterpriseFine, personFine, Map.of()));
        assertThat(r.amountFen()).isEqualTo(expected);
        assertThat(r.inputs()).containsEntry("rule", "national v1").containsEntry("fineFen", enterpriseFine + personFine);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | general | larger | major | especially | expected fen     (source: 安监总财〔2018〕19号, concealed accidents)
            "one concealed death in a general accident: 30,000    | 1 | 0 | 0 | 0 | 3000000",
            "2 general + 1 larger: 60,000 + 40,000                | 2 | 1 | 0 | 0 | 10000000",
            "6 in a major accident: 300,000, the cap exactly      | 0 | 0 | 6 | 0 | 30000000",
            "7 in an especially major accident: capped at 300,000 | 0 | 0 | 0 | 7 | 30000000"})
    void concealedAccidentsAreRewardedPerConcealedDeathUpToTheCap(String name, int general, int larger, int major,
                                                                  int especially, long expected) {
        Map<AccidentLevel, Integer> deaths = new EnumMap<>(AccidentLevel.class);
        deaths.put(AccidentLevel.GENERAL, general);
        deaths.put(AccidentLevel.LARGER, larger);
        deaths.put(AccidentLevel.MAJOR, major);
        deaths.put(AccidentLevel.ESPECIALLY_MAJOR, especially);
        var r = RewardCalculator.compute(NATIONAL, new RewardCalculator.Inputs(Category.CONCEALED_ACCIDENT, true, 0, 0, deaths));
        assertThat(r.amountFen()).isEqualTo(expected);
    }

    @Test
    void onlyTheFirstValidReporterIsRewarded() {
        assertThatThrownBy(() -> RewardCalculator.compute(NATIONAL,
                new RewardCalculator.Inputs(Category.MAJOR_HAZARD, false, 10_000_000, 0, Map.of())))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("REWARD_NOT_FIRST_REPORTER"));
    }

    @Test
    void withoutAFineOrAConcealedDeathOrOutsideTheCategoriesThereIsNothingToCompute() {
        assertThatThrownBy(() -> RewardCalculator.compute(NATIONAL,
                new RewardCalculator.Inputs(Category.MAJOR_HAZARD, true, 0, 0, Map.of())))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("REWARD_NO_FINE"));
        assertThatThrownBy(() -> RewardCalculator.compute(NATIONAL,
                new RewardCalculator.Inputs(Category.CONCEALED_ACCIDENT, true, 0, 0, Map.of())))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("REWARD_NO_DEATHS"));
        assertThatThrownBy(() -> RewardCalculator.compute(NATIONAL,
                new RewardCalculator.Inputs(Category.OTHER, true, 10_000_000, 0, Map.of())))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("REWARD_NOT_COVERED"));
    }

    @Test
    void aRuleVersionChangeInTheMiddleOfACaseKeepsTheVersionInForceWhenTheTipOffWasReceived() {
        LocalDate change = LocalDate.of(2026, 7, 1);
        RewardRule v1 = rule("national", 1, RewardRule.Level.NATIONAL, null, null, 1500, LocalDate.of(2018, 1, 1), change, "APPROVED");
        RewardRule v2 = rule("national", 2, RewardRule.Level.NATIONAL, null, null, 2000, change, null, "APPROVED");
        List<RewardRule> rules = List.of(v1, v2);
        // received before the change, decided (fine known) after it: version 1 still applies
        RewardRule chosen = RewardCalculator.select(rules, "140525", "mine.coal", change.minusDays(10)).orElseThrow();
        assertThat(chosen.version()).isEqualTo(1);
        assertThat(RewardCalculator.compute(chosen, new RewardCalculator.Inputs(Category.MAJOR_HAZARD, true, 10_000_000, 0, Map.of()))
                .amountFen()).isEqualTo(1_500_000);
        // received on the day of the change: version 2 (valid_from inclusive, valid_to exclusive)
        RewardRule later = RewardCalculator.select(rules, "140525", "mine.coal", change).orElseThrow();
        assertThat(later.version()).isEqualTo(2);
        assertThat(RewardCalculator.compute(later, new RewardCalculator.Inputs(Category.MAJOR_HAZARD, true, 10_000_000, 0, Map.of()))
                .amountFen()).isEqualTo(2_000_000);
    }

    @Test
    void theMostSpecificApprovedRuleInForceApplies() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        RewardRule shanxiHousing = rule("shanxi-housing", 1, RewardRule.Level.PROVINCE, "140000", "construction", 1500,
                LocalDate.of(2024, 4, 22), null, "APPROVED");
        RewardRule zezhou = rule("zezhou", 1, RewardRule.Level.COUNTY, "140525", null, 2000, LocalDate.of(2026, 1, 1), null, "APPROVED");
        RewardRule draft = rule("gaoping", 1, RewardRule.Level.COUNTY, "140581", null, 5000, LocalDate.of(2026, 1, 1), null, "DRAFT");
        List<RewardRule> rules = List.of(NATIONAL, shanxiHousing, zezhou, draft);
        assertThat(RewardCalculator.select(rules, "140525", "mine.coal", day)).get().extracting(RewardRule::code).isEqualTo("zezhou");
        assertThat(RewardCalculator.select(rules, "140522", "construction.housing", day)).get()
                .extracting(RewardRule::code).isEqualTo("shanxi-housing");
        // a county's draft is not in force until approved
        assertThat(RewardCalculator.select(rules, "140581", "mine.coal", day)).get().extracting(RewardRule::code).isEqualTo("national");
        // before the national rule there is none
        assertThat(RewardCalculator.select(rules, "140581", "mine.coal", LocalDate.of(2017, 12, 31))).isEmpty();
    }
}
