package cn.zhiben.standards;

import cn.zhiben.standards.internal.Library;
import cn.zhiben.standards.internal.LibraryViews;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The content loaded by migrations: the counts the reference gives, confidence marks, partial flags and validity. */
class StandardContentIntegrationTests extends StandardsTestSupport {

    @Autowired
    Library library;

    private long clauses(String versionKey) {
        return jdbc.sql("select count(*) from std_clause where version_id = :v and origin = 'STANDARD'")
                .param("v", version(versionKey)).query(Long.class).single();
    }

    private Map<String, Long> byGroup(String versionKey) {
        return jdbc.sql("""
                select k.group_name, count(*) from std_clause c
                join std_category k on k.version_id = c.version_id and k.code = c.category_code
                where c.version_id = :v and c.origin = 'STANDARD' group by k.group_name""")
                .param("v", version(versionKey)).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void coalStandardHasFifteenCategoriesAndShowsTheEightyVersusEightyOneCaveat() {
        long categories = jdbc.sql("select count(distinct category_code) from std_clause where version_id = :v")
                .param("v", version("coal-2021")).query(Long.class).single();
        assertThat(categories).isEqualTo(15);
        assertThat(clauses("coal-2021")).isEqualTo(80);
        LibraryViews.VersionSummary coal = library.summary(library.version(version("coal-2021")).orElseThrow());
        assertThat(coal.partial()).isTrue();
        assertThat(coal.partialNote()).contains("80").contains("81");
        assertThat(coal.caveats()).anyMatch(c -> c.contains("81种"));
        assertThat(coal.possiblySuperseded()).isTrue();
        assertThat(coal.supersedes().docNo()).contains("第85号");
        assertThat(coal.unconfirmedCount()).isZero();
    }

    @Test
    void coalStatuteOverlayListsSeventeenCategoriesAndIsNeverJudgedAgainst() {
        assertThat(clauses("coal-statute-2024")).isEqualTo(17);
        List<StandardClause> inForce = library.clausesInForce("mine.coal", java.util.Set.of(), LocalDate.of(2026, 11, 29));
        assertThat(inForce).noneMatch(c -> c.version().overlay());
        assertThat(inForce).hasSize(80);
        LibraryViews.LibraryAt at = library.at("mine.coal", LocalDate.of(2024, 6, 1));
        assertThat(at.standards()).extracting(d -> d.version().kind()).contains("OVERLAY", "STANDARD");
    }

    @Test
    void hazchemAndFireworksHaveTwentyItemsEach() {
        assertThat(clauses("hazchem-2017")).isEqualTo(20);
        assertThat(clauses("fireworks-2017")).isEqualTo(20);
    }

    @Test
    void indtradeStandardHasSixtyFourItemsSplitThreeFortySevenFourteen() {
        assertThat(clauses("indtrade-2023")).isEqualTo(64);
        assertThat(byGroup("indtrade-2023")).containsExactlyInAnyOrderEntriesOf(Map.of("管理类", 3L, "行业类", 47L, "专项类", 14L));
        Map<String, Long> perArticle = jdbc.sql("select category_code, count(*) from std_clause where version_id = :v group by category_code")
                .param("v", version("indtrade-2023")).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(perArticle).containsAllEntriesOf(Map.of("4", 8L, "5", 13L, "6", 8L, "7", 7L, "8", 7L, "9", 2L, "10", 2L,
                "11", 10L, "12", 2L, "13", 2L));
        // the reference marks Art. 5 themes [M] except seven aluminium items seen on an excerpt page
        long art5Unconfirmed = jdbc.sql("select count(*) from std_clause where version_id = :v and category_code = '5' and confidence = 'UNCONFIRMED'")
                .param("v", version("indtrade-2023")).query(Long.class).single();
        assertThat(art5Unconfirmed).isEqualTo(6);
    }

    @Test
    void indtrade2017IsKeptAsSupersededHistory() {
        var old = library.version(version("indtrade-2017")).orElseThrow();
        assertThat(old.published()).isTrue();
        assertThat(old.effectiveTo()).isEqualTo(LocalDate.of(2023, 5, 14));
        assertThat(old.partialNote()).contains("59");
        var current = library.summary(library.version(version("indtrade-2023")).orElseThrow());
        assertThat(current.supersedes().id()).isEqualTo(version("indtrade-2017"));
        assertThat(library.summary(old).supersededBy().id()).isEqualTo(version("indtrade-2023"));
        assertThat(library.at("indtrade", LocalDate.of(2023, 5, 14)).standards())
                .extracting(d -> d.version().id()).contains(version("indtrade-2017")).doesNotContain(version("indtrade-2023"));
        assertThat(library.at("indtrade", LocalDate.of(2023, 5, 15)).standards())
                .extracting(d -> d.version().id()).contains(version("indtrade-2023")).doesNotContain(version("indtrade-2017"));
    }

    @Test
    void fireStandardInForceOnTheEveOfTheSwitchDiffersFromTheOneAfter() {
        List<java.util.UUID> before = library.at("fire", LocalDate.of(2025, 10, 31)).standards().stream()
                .filter(d -> d.version().standardCode().equals("fire")).map(d -> d.version().id()).toList();
        List<java.util.UUID> after = library.at("fire", LocalDate.of(2025, 11, 1)).standards().stream()
                .filter(d -> d.version().standardCode().equals("fire")).map(d -> d.version().id()).toList();
        assertThat(before).containsExactly(version("fire-2017"));
        assertThat(after).containsExactly(version("fire-2025"));
        assertThat(clauses("fire-2017")).isEqualTo(10);
        assertThat(library.version(version("fire-2025")).orElseThrow().partial()).isTrue();
    }

    @Test
    void everyOtherIndustryStandardIsLoadedAndMarkedPartialWhereTheReferenceIsIncomplete() {
        Map<String, Long> counts = Map.of("construction-2022", 33L, "gas-2023", 12L, "road-2023", 5L,
                "noncoal-2022", 11L, "power-2022", 0L, "special-2024", 0L, "explosives-2023", 9L);
        counts.forEach((key, n) -> {
            assertThat(clauses(key)).as(key).isEqualTo(n);
            assertThat(library.version(version(key)).orElseThrow().partial()).as(key).isTrue();
        });
        assertThat(library.version(version("noncoal-2022")).orElseThrow().supersedesId()).isEqualTo(version("noncoal-2017"));
    }

    @Test
    void everyStandardCarriesItsMetadataAndEveryClauseAConfidence() {
        assertThat(count("select count(*) from std_version where issuer = '' or legal_nature = '' or source = ''")).isZero();
        assertThat(count("select count(*) from std_clause where confidence not in ('CONFIRMED', 'UNCONFIRMED')")).isZero();
        assertThat(count("select count(*) from std_clause where confidence = 'UNCONFIRMED' and origin = 'STANDARD'")).isPositive();
        assertThat(count("select count(*) from std_version where status = 'PUBLISHED' and created_by = 'migration'")).isEqualTo(17);
    }
}
