package cn.zhiben.people.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage of a target (晋市安委发〔2024〕6号 四(四)15 sectors and years, 16 ≥3 days and 100 %): each case is one principal
 * (or none) at enterprise A or B, their attendance, and what the slot counts as. Reference date: 31 December of the
 * target year, or today while it runs; days add up over sessions of the year; training follows the person.
 */
class CoveragePolicyTests {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID P = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final Set<String> TOPICS = Set.of("XI_REMARKS", "LAWS", "ACCIDENT_WARNING", "INDUSTRY_SPECIFIC");
    private static final CoveragePolicy.Rule MINES_2024 = new CoveragePolicy.Rule(2024, Set.of("PRINCIPAL"), BigDecimal.valueOf(3), TOPICS);
    private static final LocalDate LATER = LocalDate.of(2026, 12, 3);

    private static CoveragePolicy.Employment principal(UUID enterprise, LocalDate from, LocalDate to) {
        return new CoveragePolicy.Employment(P, "严巴山", enterprise, Set.of("PRINCIPAL"), from, to);
    }

    private static CoveragePolicy.Attendance attended(LocalDate start, double days) {
        return new CoveragePolicy.Attendance(P, start, BigDecimal.valueOf(days), TOPICS);
    }

    private static CoveragePolicy.Gap gapAt(UUID enterprise, LocalDate today, List<CoveragePolicy.Employment> e,
                                            List<CoveragePolicy.Attendance> a) {
        return CoveragePolicy.evaluate(MINES_2024, today, List.of(enterprise), e, a).get(0).gap();
    }

    record Case(String name, UUID at, LocalDate today, List<CoveragePolicy.Employment> employments,
                List<CoveragePolicy.Attendance> attendance, CoveragePolicy.Gap expected) {
    }

    @Test
    void coverageFollowsTheTableOfCases() {
        LocalDate long_ago = LocalDate.of(2018, 1, 1);
        List<Case> cases = List.of(
                new Case("3 days in one session", A, LATER, List.of(principal(A, long_ago, null)),
                        List.of(attended(LocalDate.of(2024, 6, 17), 3)), CoveragePolicy.Gap.NONE),
                new Case("2 + 1 days in two sessions add up", A, LATER, List.of(principal(A, long_ago, null)),
                        List.of(attended(LocalDate.of(2024, 3, 1), 2), attended(LocalDate.of(2024, 11, 5), 1)), CoveragePolicy.Gap.NONE),
                new Case("2.5 days are too few", A, LATER, List.of(principal(A, long_ago, null)),
                        List.of(attended(LocalDate.of(2024, 6, 17), 2.5)), CoveragePolicy.Gap.TOO_FEW_DAYS),
                new Case("a session starting on 31 Dec counts", A, LATER, List.of(principal(A, long_ago, null)),
                        List.of(attended(LocalDate.of(2024, 12, 31), 3)), CoveragePolicy.Gap.NONE),
                new Case("a session starting on 1 Jan of the next year does not", A, LATER, List.of(principal(A, long_ago, null)),
                        List.of(attended(LocalDate.of(2025, 1, 1), 3)), CoveragePolicy.Gap.NOT_TRAINED),
                new Case("one from the year before does not either", A, LATER, List.of(principal(A, long_ago, null)),
                        List.of(attended(LocalDate.of(2023, 12, 31), 3)), CoveragePolicy.Gap.NOT_TRAINED),
                new Case("no principal registered: one missing slot", A, LATER, List.of(), List.of(), CoveragePolicy.Gap.NOT_REGISTERED),
                new Case("trained at A in June, moved to B in September: counts at B", B, LATER,
                        List.of(principal(A, long_ago, LocalDate.of(2024, 8, 31)), principal(B, LocalDate.of(2024, 9, 1), null)),
                        List.of(attended(LocalDate.of(2024, 6, 17), 3)), CoveragePolicy.Gap.NONE),
                new Case("left A on 30 Dec: A has no principal at the reference date", A, LATER,
                        List.of(principal(A, long_ago, LocalDate.of(2024, 12, 30))), List.of(attended(LocalDate.of(2024, 6, 17), 3)),
                        CoveragePolicy.Gap.NOT_REGISTERED),
                new Case("left A on 31 Dec: still required there", A, LATER,
                        List.of(principal(A, long_ago, LocalDate.of(2024, 12, 31))), List.of(), CoveragePolicy.Gap.NOT_TRAINED),
                new Case("while the year runs, today is the reference date: a session after today is not yet counted", A,
                        LocalDate.of(2024, 6, 1), List.of(principal(A, long_ago, null)), List.of(attended(LocalDate.of(2024, 6, 17), 3)),
                        CoveragePolicy.Gap.NOT_TRAINED));
        for (Case c : cases) {
            assertThat(gapAt(c.at(), c.today(), c.employments(), c.attendance())).as(c.name()).isEqualTo(c.expected());
        }
    }

    @Test
    void aSessionWithoutTheRequiredTopicsDoesNotComplete() {
        var a = new CoveragePolicy.Attendance(P, LocalDate.of(2024, 6, 17), BigDecimal.valueOf(3), Set.of("LAWS"));
        var slot = CoveragePolicy.evaluate(MINES_2024, LATER, List.of(A), List.of(principal(A, LocalDate.of(2018, 1, 1), null)),
                List.of(a)).get(0);
        assertThat(slot.gap()).isEqualTo(CoveragePolicy.Gap.TOPICS_MISSING);
        assertThat(slot.missingTopics()).containsExactlyInAnyOrder("XI_REMARKS", "ACCIDENT_WARNING", "INDUSTRY_SPECIFIC");
    }

    @Test
    void theRateIsRoundedDownSoNinetyNinePointSixIsNotAHundred() {
        assertThat(CoveragePolicy.percent(249, 250)).isEqualTo(99);
        assertThat(CoveragePolicy.percent(3, 3)).isEqualTo(100);
        assertThat(CoveragePolicy.percent(0, 0)).isEqualTo(100);
    }
}
