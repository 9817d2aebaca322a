package cn.zhiben.standards;

import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API the hazards module uses: clauses in force, clause lookup, and the applicability check of a judgement. */
class StandardsLibraryIntegrationTests extends StandardsTestSupport {

    @Autowired
    StandardsLibrary library;

    private static String code(Throwable t) {
        return ((ProblemException) t).code();
    }

    @Test
    void hazardJudgedOnTheEveOfTheFireSwitchKeepsItsClauseAfterTheSwitch() {
        UUID direct61 = clause("fire-2017", "6.1");
        LocalDate finding = LocalDate.of(2025, 10, 31);
        // a catering business is judged under the fire standard, which applies to every unit
        StandardClause judged = library.requireApplicable(direct61, "catering", Set.of(), finding);
        assertThat(judged.version().docNo()).isEqualTo("GB 35181-2017");

        // after the switch the stored clause id still resolves to the 2017 clause with its validity
        StandardClause later = library.clause(direct61).orElseThrow();
        assertThat(later.summary()).isEqualTo(judged.summary());
        assertThat(later.version().id()).isEqualTo(version("fire-2017"));
        assertThat(later.validTo()).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(later.version().inForceOn(LocalDate.of(2025, 11, 1))).isFalse();
        assertThat(library.requireApplicable(direct61, "catering", Set.of(), finding).id()).isEqualTo(direct61);

        // but a hazard found on the first day of GB 35181-2025 cannot be judged against it
        assertThatThrownBy(() -> library.requireApplicable(direct61, "catering", Set.of(), LocalDate.of(2025, 11, 1)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("CLAUSE_NOT_IN_FORCE"))
                .hasMessageContaining("2025-10-31");
        assertThat(library.clausesInForce("catering", Set.of(), LocalDate.of(2025, 10, 31)))
                .extracting(StandardClause::id).contains(direct61);
        assertThat(library.clausesInForce("catering", Set.of(), LocalDate.of(2025, 11, 1)))
                .extracting(StandardClause::id).doesNotContain(direct61);
    }

    @Test
    void indtradeClausesApplyByIndustryAndSpecialOperation() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        // 第三条第(三)项 concerns metal-smelting enterprises only (issue 8): a smelter gets it, a rolling mill does not
        List<StandardClause> metallurgy = library.clausesInForce("indtrade.metallurgy", Set.of("METAL_SMELTING"), today);
        assertThat(metallurgy).extracting(StandardClause::clauseNo)
                .contains("3.1", "3.3", "4.1", "4.8").doesNotContain("5.1", "6.1", "11.1", "12.1", "13.1");
        assertThat(metallurgy.stream().filter(c -> c.version().standardCode().equals("indtrade"))).hasSize(3 + 8);
        assertThat(library.clausesInForce("indtrade.metallurgy", Set.of(), today)).extracting(StandardClause::clauseNo)
                .contains("3.1", "3.2", "4.1").doesNotContain("3.3");

        List<StandardClause> dusty = library.clausesInForce("indtrade.machinery", Set.of("DUST_EXPLOSION", "CONFINED_SPACE"), today);
        assertThat(dusty.stream().filter(c -> c.version().standardCode().equals("indtrade"))).hasSize(2 + 7 + 10 + 2);
        assertThat(dusty).extracting(StandardClause::clauseNo).contains("11.10", "13.2").doesNotContain("12.1");

        List<StandardClause> commerce = library.clausesInForce("indtrade.commerce", Set.of("AMMONIA_REFRIGERATION"), today);
        assertThat(commerce.stream().filter(c -> c.version().standardCode().equals("indtrade")))
                .extracting(StandardClause::clauseNo).containsExactly("3.1", "3.2", "12.1", "12.2");
    }

    @Test
    void beforeThe2023StandardNoIndtradeClausesAreListedBecauseThe2017TextIsNotHeld() {
        List<StandardClause> clauses = library.clausesInForce("indtrade.metallurgy", Set.of(), LocalDate.of(2023, 5, 14));
        assertThat(clauses).noneMatch(c -> c.version().standardCode().equals("indtrade"));
        // the fire standard applied then, to every industry
        assertThat(clauses).anyMatch(c -> c.version().docNo().equals("GB 35181-2017"));
    }

    @Test
    void requireApplicableRejectsAWrongIndustryOrAMissingSpecialOperation() {
        LocalDate d = LocalDate.of(2026, 1, 10);
        assertThatThrownBy(() -> library.requireApplicable(clause("indtrade-2023", "4.1"), "indtrade.textile", Set.of(), d))
                .satisfies(e -> assertThat(code(e)).isEqualTo("CLAUSE_NOT_APPLICABLE"));
        assertThatThrownBy(() -> library.requireApplicable(clause("indtrade-2023", "11.1"), "indtrade.machinery", Set.of(), d))
                .satisfies(e -> assertThat(code(e)).isEqualTo("CLAUSE_NOT_APPLICABLE"))
                .hasMessageContaining("粉尘涉爆");
        assertThat(library.requireApplicable(clause("indtrade-2023", "11.1"), "indtrade.machinery", Set.of("DUST_EXPLOSION"), d)
                .clauseNo()).isEqualTo("11.1");
        assertThatThrownBy(() -> library.requireApplicable(UUID.randomUUID(), "mine.coal", Set.of(), d))
                .satisfies(e -> assertThat(code(e)).isEqualTo("CLAUSE_UNKNOWN"));
        assertThatThrownBy(() -> library.requireApplicable(clause("coal-statute-2024", "36.2"), "mine.coal", Set.of(), d))
                .satisfies(e -> assertThat(code(e)).isEqualTo("CLAUSE_NOT_JUDGEABLE"));
        assertThatThrownBy(() -> library.requireApplicable(clause("coal-2021", "5.1"), "mine.coal", Set.of(), LocalDate.of(2020, 12, 31)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("CLAUSE_NOT_IN_FORCE"));
        assertThat(((ProblemException) org.assertj.core.api.Assertions.catchThrowable(() ->
                library.requireApplicable(UUID.randomUUID(), "mine.coal", Set.of(), d))).status().value()).isEqualTo(422);
    }
}
