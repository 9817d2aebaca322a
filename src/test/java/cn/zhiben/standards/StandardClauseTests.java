package cn.zhiben.standards;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Applicability and validity of a clause, without a database. */
class StandardClauseTests {

    private static final StandardVersionRef INDTRADE = new StandardVersionRef(UUID.randomUUID(), "indtrade", "工贸",
            "工贸企业重大事故隐患判定标准", "2023", "应急管理部", "应急管理部令第10号", "部门规章",
            LocalDate.of(2023, 5, 15), null, true, false, false);

    private static StandardClause clause(List<String> industries, boolean all, String special, StandardVersionRef v) {
        return new StandardClause(UUID.randomUUID(), v, "1.1", "1", "分类", null, "摘要", Confidence.CONFIRMED,
                ClauseOrigin.STANDARD, industries, all, special, v.effectiveFrom(), v.effectiveTo(), null, null, null, null);
    }

    @Test
    void industryCodesCoverTheirSubIndustriesOnly() {
        assertThat(StandardClause.covers("indtrade", "indtrade")).isTrue();
        assertThat(StandardClause.covers("indtrade", "indtrade.metallurgy")).isTrue();
        assertThat(StandardClause.covers("indtrade.metallurgy", "indtrade")).isFalse();
        assertThat(StandardClause.covers("indtrade", "indtradex")).isFalse();
        assertThat(StandardClause.covers("mine", "mine.coal")).isTrue();
    }

    @Test
    void industryClauseAppliesToItsIndustryAndBelow() {
        StandardClause metallurgy = clause(List.of("indtrade.metallurgy"), false, null, INDTRADE);
        assertThat(metallurgy.appliesTo("indtrade.metallurgy", Set.of())).isTrue();
        assertThat(metallurgy.appliesTo("indtrade.nonferrous", Set.of())).isFalse();
        assertThat(metallurgy.appliesTo("indtrade", Set.of())).isFalse();
        assertThat(metallurgy.appliesTo(null, Set.of())).isFalse();
    }

    @Test
    void specialClauseNeedsTheSpecialOperationAsWellAsTheIndustry() {
        StandardClause dust = clause(List.of("indtrade"), false, "DUST_EXPLOSION", INDTRADE);
        assertThat(dust.appliesTo("indtrade.machinery", Set.of("DUST_EXPLOSION"))).isTrue();
        assertThat(dust.appliesTo("indtrade.machinery", Set.of("CONFINED_SPACE"))).isFalse();
        assertThat(dust.appliesTo("indtrade.machinery", null)).isFalse();
        assertThat(dust.appliesTo("hazchem.production", Set.of("DUST_EXPLOSION"))).isFalse();
    }

    @Test
    void allIndustriesClauseAppliesToEveryone() {
        StandardClause fire = clause(List.of("fire"), true, null, INDTRADE);
        assertThat(fire.appliesTo("mine.coal", Set.of())).isTrue();
        assertThat(fire.appliesTo("catering", Set.of())).isTrue();
    }

    @Test
    void validityIsInclusiveOnBothEndsAndNeedsAPublishedVersion() {
        StandardVersionRef fire2017 = new StandardVersionRef(UUID.randomUUID(), "fire", "消防", "重大火灾隐患判定方法",
                "GB 35181-2017", "质检总局", "GB 35181-2017", "强制性国家标准", LocalDate.of(2018, 7, 1),
                LocalDate.of(2025, 10, 31), true, true, false);
        StandardClause c = clause(List.of("fire"), true, null, fire2017);
        assertThat(c.validOn(LocalDate.of(2018, 7, 1))).isTrue();
        assertThat(c.validOn(LocalDate.of(2025, 10, 31))).isTrue();
        assertThat(c.validOn(LocalDate.of(2025, 11, 1))).isFalse();
        assertThat(c.validOn(LocalDate.of(2018, 6, 30))).isFalse();
        StandardVersionRef draft = new StandardVersionRef(UUID.randomUUID(), "x", "x", "x", "x", "x", null, "x",
                LocalDate.of(2020, 1, 1), null, false, false, false);
        assertThat(clause(List.of("fire"), true, null, draft).validOn(LocalDate.of(2024, 1, 1))).isFalse();
    }

    @Test
    void unknownStartDateCountsAsAlreadyInForce() {
        StandardVersionRef gas = new StandardVersionRef(UUID.randomUUID(), "gas", "燃气", "城镇燃气", "2023", "住建部",
                null, "规范性文件", null, null, true, true, false);
        assertThat(gas.inForceOn(LocalDate.of(2024, 1, 1))).isTrue();
        assertThat(gas.citation()).isEqualTo("城镇燃气");
        assertThat(INDTRADE.citation()).isEqualTo("工贸企业重大事故隐患判定标准（应急管理部令第10号）");
    }
}
