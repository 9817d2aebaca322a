package cn.zhiben.campaign.internal;

import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scores and ranking from tables of cases. The plan (五(四)) asks for 逐条逐项 checking but sets no formula; the rules
 * are the platform's (docs/campaign.md), so each row states the rule it checks.
 */
class ScoringTests {

    private static BigDecimal d(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }

    @ParameterizedTest(name = "{0} max {1}: points={2} deficiencies={3} metric={4}/{5} -> {6}")
    @CsvSource(nullValues = "-", value = {
            // rule,              max, points, def, done, total, expected, why
            "MANUAL,              20,  20,     -,   -,    -,     20.00,   full marks need no reason",
            "MANUAL,              20,  15.5,   -,   -,    -,     15.50,   given points with a reason",
            "DEDUCTION,           10,  -,      0,   -,    -,     10.00,   no deficiency",
            "DEDUCTION,           10,  -,      3,   -,    -,     4.00,    2 points per deficiency",
            "DEDUCTION,           10,  -,      7,   -,    -,     0.00,    never below zero",
            "REPORT_TIMELINESS,   15,  -,      -,   10,   11,    13.64,   10 of 11 on time, rounded half up",
            "REPORT_TIMELINESS,   15,  -,      -,   0,    0,     15.00,   nothing was due: nothing missed",
            "TASK_COMPLETION,     30,  -,      -,   27,   30,    27.00,   27 of 30 tasks done",
            "DISPATCH_TIMELINESS, 10,  -,      -,   2,    3,     6.67,    2 of 3 answered on time",
            "TASK_COMPLETION,     30,  29,     -,   27,   30,    29.00,   the team may raise a computed score with a reason",
            "TASK_COMPLETION,     30,  24,     -,   -,    -,     24.00,   no platform records (an enterprise): scored by hand",
    })
    void pointsFollowTheItemsRule(EvaluationRule rule, String max, String points, Integer deficiencies, Long done, Long total,
                                  String expected, String why) {
        Scoring.Metric metric = done == null ? null : new Scoring.Metric(done, total);
        Scoring.Score s = Scoring.score(rule, d(max), d("2"), new Scoring.Input(d(points), deficiencies, "理由：" + why),
                metric, "按时报送");
        assertThat(s.points()).as(why).isEqualByComparingTo(expected);
    }

    @Test
    void aComputedScoreSaysWhatItWasComputedFrom() {
        Scoring.Score s = Scoring.score(EvaluationRule.REPORT_TIMELINESS, d("15"), null, new Scoring.Input(null, null, null),
                new Scoring.Metric(10, 11), "按时报送");
        assertThat(s.basis()).isEqualTo("按时报送 10/11");
        assertThat(s.reason()).isNull();
    }

    @Test
    void everyLostPointNeedsAReason() {
        assertThatThrownBy(() -> Scoring.score(EvaluationRule.MANUAL, d("20"), null, new Scoring.Input(d("18"), null, " "),
                null, "")).isInstanceOf(ProblemException.class).hasMessageContaining("失分理由");
        assertThatThrownBy(() -> Scoring.score(EvaluationRule.DEDUCTION, d("10"), d("2"), new Scoring.Input(null, 1, null),
                null, "")).hasMessageContaining("问题");
        assertThatThrownBy(() -> Scoring.score(EvaluationRule.TASK_COMPLETION, d("30"), null, new Scoring.Input(d("20"), null, null),
                new Scoring.Metric(27, 30), "任务完成")).hasMessageContaining("调整平台计算的得分须说明理由");
    }

    @Test
    void pointsOutsideTheItemsRangeAreRefused() {
        assertThatThrownBy(() -> Scoring.score(EvaluationRule.MANUAL, d("20"), null, new Scoring.Input(d("21"), null, "多"),
                null, "")).hasMessageContaining("0 到 20");
        assertThatThrownBy(() -> Scoring.score(EvaluationRule.MANUAL, d("20"), null, new Scoring.Input(d("-1"), null, "负"),
                null, "")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Scoring.score(EvaluationRule.MANUAL, d("20"), null, new Scoring.Input(d("10.125"), null, "小数"),
                null, "")).hasMessageContaining("两位小数");
        assertThatThrownBy(() -> Scoring.score(EvaluationRule.DEDUCTION, d("10"), d("2"), new Scoring.Input(null, -1, "x"),
                null, "")).hasMessageContaining("不小于 0");
    }

    private static final UUID A = UUID.randomUUID(), B = UUID.randomUUID(), C = UUID.randomUUID(), D = UUID.randomUUID(),
            E = UUID.randomUUID();

    @Test
    void equalTotalsShareARankAndTheNextRankIsSkippedWithinEachGroup() {
        List<Ranking.Ranked> r = Ranking.rank(List.of(
                new Ranking.Entry(A, "COUNTY", "城区", d("91.50")),
                new Ranking.Entry(B, "COUNTY", "泽州县", d("95")),
                new Ranking.Entry(C, "COUNTY", "高平市", d("91.5")),
                new Ranking.Entry(D, "COUNTY", "阳城县", d("88")),
                new Ranking.Entry(E, "UNIT", "市应急管理局", d("80"))));
        assertThat(r).extracting(Ranking.Ranked::name, Ranking.Ranked::rank).containsExactly(
                org.assertj.core.groups.Tuple.tuple("泽州县", 1),
                org.assertj.core.groups.Tuple.tuple("城区", 2),
                org.assertj.core.groups.Tuple.tuple("高平市", 2),
                org.assertj.core.groups.Tuple.tuple("阳城县", 4),
                // units are ranked among units
                org.assertj.core.groups.Tuple.tuple("市应急管理局", 1));
    }

    @Test
    void gapsAreTheLostPointsLargestFirst() {
        List<Ranking.Gap> gaps = Ranking.gaps(List.of(
                new Ranking.Gap(1, "责任落实", d("20"), d("20"), d("0"), null, d("20")),
                new Ranking.Gap(2, "隐患清零", d("30"), d("24"), d("6"), "存量隐患未清零 2 项", d("30")),
                new Ranking.Gap(3, "按时报送", d("15"), d("13.64"), d("1.36"), "按时报送 10/11", d("15"))));
        assertThat(gaps).extracting(Ranking.Gap::itemNo).containsExactly(2, 3);
    }
}
