package cn.zhiben.inspections.internal;

import cn.zhiben.inspections.InspectionEvents.Measure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static cn.zhiben.inspections.InspectionEvents.Measure.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The legal checks of a decision as a table of cases, each citing its source. */
class DecisionRulesTests {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final Map<String, LegalArticles.Article> ARTICLES = Map.of(
            "SAFELAW-65", new LegalArticles.Article("SAFELAW-65", "安全生产法", "第六十五条", "", null, null, false, false, "V"),
            "SAFELAW-102", new LegalArticles.Article("SAFELAW-102", "安全生产法", "第一百零二条", "", 5_000_000L, 10_000_000L, false, false, "V"),
            "SAFELAW-109", new LegalArticles.Article("SAFELAW-109", "安全生产法", "第一百零九条", "", 20_000_000L, null, false, false, "V"),
            "SAFELAW-112", new LegalArticles.Article("SAFELAW-112", "安全生产法", "第一百一十二条", "", null, null, true, true, "V"));
    static final Decision.HearingThresholds HEARING = new Decision.HearingThresholds(3_000_000L, 1_000_000L);

    static Decision.Terms penalty(Decision.PartyType party, Set<Measure> measures, List<String> basis, long fine,
                                  LocalDate prior, LocalDate hearing, LocalDate decided) {
        return new Decision.Terms(Decision.Kind.PENALTY, party, "当事人", null, measures, "事实", basis, fine, 0,
                measures.contains(ORDER_RECTIFICATION) ? DAY.plusDays(10) : null,
                measures.contains(SUSPEND_PRODUCTION) ? DAY : null, null, prior, hearing, decided);
    }

    static Stream<Arguments> cases() {
        Decision.PartyType U = Decision.PartyType.UNIT;
        Decision.PartyType P = Decision.PartyType.PERSON;
        return Stream.of(
                // source, terms, expected problem field (null = allowed)
                Arguments.of("行政处罚法 Art. 38 [M]: no legal basis, no decision",
                        penalty(U, EnumSet.of(FINE), List.of(), 100_000, DAY, null, DAY), "legalBasis"),
                Arguments.of("安全生产法 Art. 102: organisation fined at most 5 万",
                        penalty(U, EnumSet.of(FINE), List.of("SAFELAW-102"), 2_000_000, DAY, null, DAY), null),
                Arguments.of("安全生产法 Art. 102: 5 万 and 1 fen is above the maximum",
                        penalty(U, EnumSet.of(FINE), List.of("SAFELAW-102"), 5_000_001, DAY, DAY.minusDays(6), DAY), "fineFen"),
                Arguments.of("安全生产法 Art. 109 fines no person",
                        penalty(P, EnumSet.of(FINE), List.of("SAFELAW-109"), 100_000, DAY, null, DAY), "person.legalBasis"),
                Arguments.of("安全生产法 Art. 112: per-day fines have no fixed maximum",
                        penalty(U, EnumSet.of(FINE), List.of("SAFELAW-112"), 90_000_000, DAY, DAY.minusDays(6), DAY), null),
                Arguments.of("行政处罚法 Art. 44: the party is told before a penalty",
                        penalty(U, EnumSet.of(FINE), List.of("SAFELAW-102"), 100_000, null, null, DAY), "priorNoticeOn"),
                Arguments.of("行政处罚法 Art. 63: a 3 万 fine on an organisation needs the hearing notice (较大数额 [P])",
                        penalty(U, EnumSet.of(FINE), List.of("SAFELAW-102"), 3_000_000, DAY, null, DAY), "hearingNoticeOn"),
                Arguments.of("行政处罚法 Art. 64: the decision waits five days after the hearing notice",
                        penalty(U, EnumSet.of(FINE), List.of("SAFELAW-102"), 3_000_000, DAY, DAY.minusDays(4), DAY), "decidedOn"),
                Arguments.of("行政处罚法 Art. 64: on the fifth day it may be made",
                        penalty(U, EnumSet.of(FINE), List.of("SAFELAW-102"), 3_000_000, DAY, DAY.minusDays(5), DAY), null),
                Arguments.of("行政处罚法 Art. 63: 责令停产停业 as a penalty needs the hearing notice",
                        penalty(U, EnumSet.of(SUSPEND_PRODUCTION), List.of("SAFELAW-102"), 0, DAY, null, DAY), "hearingNoticeOn"),
                Arguments.of("国务院令第310号 Art. 5: a transfer names the public security organ",
                        penalty(U, EnumSet.of(TRANSFER_TO_JUSTICE), List.of("SAFELAW-102"), 0, DAY, null, DAY), "transferTo"),
                Arguments.of("a fine measure needs an amount",
                        penalty(U, EnumSet.of(FINE), List.of("SAFELAW-102"), 0, DAY, null, DAY), "fineFen"),
                Arguments.of("安全生产法 Art. 65: an order to correct names its deadline",
                        new Decision.Terms(Decision.Kind.RECTIFICATION_ORDER, U, "企业", null, EnumSet.of(ORDER_RECTIFICATION),
                                "事实", List.of("SAFELAW-65"), 0, 0, null, null, null, null, null, DAY), "deadline"),
                Arguments.of("安全生产法 Art. 65: an order with a temporary stop is not a penalty (no hearing notice)",
                        new Decision.Terms(Decision.Kind.RECTIFICATION_ORDER, U, "企业", null,
                                EnumSet.of(ORDER_RECTIFICATION, SUSPEND_PARTIAL), "事实", List.of("SAFELAW-65"), 0, 0,
                                DAY.plusDays(10), DAY, null, null, null, DAY), null),
                Arguments.of("a fine is a penalty, not part of an order",
                        new Decision.Terms(Decision.Kind.RECTIFICATION_ORDER, U, "企业", null, EnumSet.of(ORDER_RECTIFICATION, FINE),
                                "事实", List.of("SAFELAW-65"), 100, 0, DAY.plusDays(10), null, null, null, null, DAY), "measures"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decisionRules(String source, Decision.Terms terms, String problemField) {
        var problems = Decision.problems(terms, ARTICLES, HEARING, DAY);
        if (problemField == null) {
            assertThat(problems).as(source).isEmpty();
        } else {
            assertThat(problems).as(source).extracting(p -> p.field()).contains(problemField);
        }
    }
}
