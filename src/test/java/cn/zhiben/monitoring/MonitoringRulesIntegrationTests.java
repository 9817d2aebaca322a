package cn.zhiben.monitoring;

import cn.zhiben.monitoring.internal.Evaluation;
import cn.zhiben.monitoring.internal.Rule;
import cn.zhiben.monitoring.internal.RuleBook;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule data as shipped (rule set version 1), per point kind and location: a sequence of values and which
 * threshold rules are active after each. Sources: 煤矿安全规程（2016）第498条表19 (methane by location), 第135条 (CO),
 * GB/T 50493-2019 第5.5条 (gas detectors), GB 6222 field practice (O₂, toxic gases).
 */
class MonitoringRulesIntegrationTests extends IntegrationTest {

    @Autowired
    RuleBook rules;

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            // kind; location; values; active threshold rules after each value (| between values)
            "METHANE; LW_UPPER_CORNER; 0.9 1.0 1.49 1.5 1.2 1.0 0.99; -|CH4_ALARM|CH4_ALARM|CH4_ALARM CH4_POWER_CUT|CH4_ALARM CH4_POWER_CUT|CH4_ALARM CH4_POWER_CUT|-",
            "METHANE; LW_FACE; 0.5 1.0 1.5 0.99; -|CH4_ALARM|CH4_ALARM CH4_POWER_CUT|-",
            "METHANE; LW_RETURN; 0.99 1.0 0.99; -|CH4_ALARM CH4_POWER_CUT|-",
            "METHANE; LW_INTAKE; 0.49 0.5 0.49; -|CH4_ALARM CH4_POWER_CUT|-",
            "METHANE; SERIES_INTAKE; 0.49 0.5 0.49; -|CH4_ALARM CH4_POWER_CUT|-",
            "METHANE; HEADING_FACE; 1.0 1.5 1.1 0.9; CH4_ALARM|CH4_ALARM CH4_POWER_CUT|CH4_ALARM CH4_POWER_CUT|-",
            "METHANE; HEADING_RETURN; 1.0 0.9; CH4_ALARM CH4_POWER_CUT|-",
            "METHANE; MAIN_RETURN; 0.74 0.75 2.0; -|CH4_ALARM|CH4_ALARM",
            "METHANE; COAL_BUNKER; 1.4 1.5 1.49; -|CH4_ALARM CH4_POWER_CUT|-",
            "CARBON_MONOXIDE; *; 23 24 23.9; -|CO_ALARM|-",
            "OXYGEN; *; 20.9 19.4 19.5 23; -|O2_LOW|-|O2_HIGH",
            "COMBUSTIBLE_GAS; *; 24.9 25 50 49 24; -|GAS_LEVEL1|GAS_LEVEL1 GAS_LEVEL2|GAS_LEVEL1|-",
            "TOXIC_GAS; CO; 23 24 160 100; -|GAS_LEVEL1|GAS_LEVEL1 GAS_LEVEL2|GAS_LEVEL1",
            "TOXIC_GAS; H2S; 5 6 20 5.9; -|GAS_LEVEL1|GAS_LEVEL1 GAS_LEVEL2|-",
            "WIND_SPEED; LW_FACE; 1.0 0.2 0.3 4.2 3.9; -|WIND_LOW|-|WIND_HIGH|-",
    })
    void thresholdsByKindAndLocationAlarmCutAndRestoreWithHysteresis(String kind, String location, String values, String expected) {
        List<Rule> thresholds = rules.forPoint(kind.strip(), location.strip(), RuleBook.Design.none(0, 1000)).stream()
                .filter(r -> r.type() == Rule.Type.THRESHOLD).toList();
        assertThat(thresholds).allSatisfy(r -> assertThat(r.source()).isNotBlank());
        Set<String> active = new LinkedHashSet<>();
        List<String> seen = new ArrayList<>();
        for (String v : values.strip().split(" ")) {
            for (Rule r : thresholds) {
                boolean now = Evaluation.threshold(active.contains(r.code()), Double.parseDouble(v), r.direction(), r.trigger(), r.clear());
                if (now) {
                    active.add(r.code());
                } else {
                    active.remove(r.code());
                }
            }
            seen.add(active.isEmpty() ? "-" : String.join(" ", active.stream().sorted().toList()));
        }
        assertThat(String.join("|", seen)).isEqualTo(expected.strip());
    }

    @ParameterizedTest(name = "{0}: process high {1}, high-high {2}")
    @CsvSource({"LEVEL, 8.5, 9.2", "PRESSURE, 1.6, 1.8"})
    void processPointsTakeTheirOwnDesignValuesWithADeadBand(String kind, double high, double highHigh) {
        List<Rule> r = rules.forPoint(kind, "*", new RuleBook.Design(high, highHigh, null, null, 0, 10));
        assertThat(r).extracting(Rule::code).contains("PROCESS_HIGH", "PROCESS_HIGH_HIGH").doesNotContain("PROCESS_LOW");
        Rule h = r.stream().filter(x -> x.code().equals("PROCESS_HIGH")).findFirst().orElseThrow();
        assertThat(h.trigger()).isEqualTo(high);
        assertThat(h.clear()).isEqualTo(high - 0.1); // 1 % of the 0–10 range
        assertThat(h.unconfirmed()).isTrue();
    }
}
