package cn.zhiben.campaign.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanTextTests {

    private final List<PlanText.ParsedAction> plan = PlanText.parse(ReferencePlan.read(ReferencePlan.TEXT));

    @Test
    void thePlanHasTwelveActionsAndThirtySixMeasuresNumberedWithoutGaps() {
        assertThat(plan).hasSize(12);
        assertThat(plan).extracting(PlanText.ParsedAction::numeral)
                .containsExactly("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二");
        assertThat(plan.stream().flatMap(a -> a.measures().stream()).map(PlanText.ParsedMeasure::no))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 36).boxed().toList());
        // 晋市安委发〔2024〕6号 四: actions hold 3, 2, 9, 2, 3, 1, 1, 4, 3, 2, 4, 2 measures
        assertThat(plan).extracting(a -> a.measures().size()).containsExactly(3, 2, 9, 2, 3, 1, 1, 4, 3, 2, 4, 2);
    }

    @Test
    void aMeasureBrokenAcrossPagesIsJoinedIntoOneSentence() {
        String six = plan.get(2).measures().get(0).text();
        assertThat(six).startsWith("总结重大事故隐患专项排查整治2023行动经验做法")
                .contains("“四个二”工作机制，规范事故隐患排查工作流程、提升排查整改质量。");
        String nineteen = plan.get(4).measures().get(2).text();
        assertThat(nineteen).contains("2026年底前,按照“互联网+特种作业人员综合管理服务”系统要求,实现特种作业人员全部入网管理。");
        assertThat(plan.get(0).measures().get(2).text()).contains("每年至少研究解决10项具体问题");
    }

    @Test
    void actionTitlesAreTheHeadingsWithoutTheirNumbers() {
        assertThat(plan.get(0).title()).isEqualTo("开展党政领导干部安全生产履职能力提升行动");
        assertThat(plan.get(6).title()).isEqualTo("开展重大事故隐患判定标准体系提升及“一行业一清单”行动");
    }

    @Test
    void aGapInTheNumberingIsRefused() {
        // "3." does not follow 1: it cannot start a measure, and right after a heading it cannot continue one either
        assertThatThrownBy(() -> PlanText.parse("四、主要任务\n(一)开展甲行动\n1.第一项。\n(二)开展乙行动\n3.第三项。\n五、方法步骤"))
                .hasMessageContaining("text outside a measure");
        assertThatThrownBy(() -> PlanText.parse("四、主要任务\n(二)开展乙行动\n五、方法步骤"))
                .hasMessageContaining("out of order");
    }

    @Test
    void chineseNumeralsUpToTwelveAreRead() {
        assertThat(PlanText.numeral("一")).isEqualTo(1);
        assertThat(PlanText.numeral("十")).isEqualTo(10);
        assertThat(PlanText.numeral("十一")).isEqualTo(11);
        assertThat(PlanText.numeral("十二")).isEqualTo(12);
    }
}
