package cn.zhiben.inspections.internal;

import cn.zhiben.org.StandardizationGrade;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * 分类分级 as data (insp_risk_rule, insp_frequency_rule): an industry's risk class, and how often a routine inspection
 * is due by risk class and standardization grade — plan item 20: 标准化达标企业减少检查频次. Numbers are our inference.
 */
@Component
public class RiskRules {

    private final JdbcClient jdbc;

    RiskRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record RiskRule(String industryCode, RiskClass riskClass, String source, boolean inference) {
    }

    public record Frequency(RiskClass riskClass, StandardizationGrade grade, BigDecimal perYear, String source,
                            boolean inference) {

        /** Days between routine inspections: ⌈365 / per year⌉. */
        public int intervalDays() {
            return BigDecimal.valueOf(365).divide(perYear, 0, RoundingMode.CEILING).intValueExact();
        }
    }

    public List<RiskRule> riskRules() {
        return jdbc.sql("select industry_code, risk_class, source, inference from insp_risk_rule order by industry_code")
                .query((rs, n) -> new RiskRule(rs.getString(1), RiskClass.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBoolean(4))).list();
    }

    public List<Frequency> frequencies() {
        return jdbc.sql("select risk_class, grade, per_year, source, inference from insp_frequency_rule order by risk_class, grade")
                .query((rs, n) -> new Frequency(RiskClass.valueOf(rs.getString(1)), StandardizationGrade.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3), rs.getString(4), rs.getBoolean(5))).list();
    }

    /** A snapshot for a batch of enterprises (one query each, not one per enterprise). */
    public Snapshot snapshot() {
        return new Snapshot(riskRules(), frequencies());
    }

    public record Snapshot(List<RiskRule> rules, List<Frequency> frequencies) {

        /** The class of the longest matching industry-code prefix; GENERAL if none matches. */
        public RiskClass riskClass(String industryCode) {
            RiskRule best = null;
            for (RiskRule r : rules) {
                boolean match = industryCode.equals(r.industryCode()) || industryCode.startsWith(r.industryCode() + ".");
                if (match && (best == null || r.industryCode().length() > best.industryCode().length())) {
                    best = r;
                }
            }
            return best == null ? RiskClass.GENERAL : best.riskClass();
        }

        public Frequency frequency(RiskClass risk, StandardizationGrade grade) {
            return frequencies.stream().filter(f -> f.riskClass() == risk && f.grade() == grade).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no frequency rule for " + risk + "/" + grade));
        }

        /** Due for a routine inspection by the end of the period: never inspected, or the interval will have passed. */
        public boolean due(String industryCode, StandardizationGrade grade, LocalDate lastInspectedOn, LocalDate periodTo) {
            if (lastInspectedOn == null) {
                return true;
            }
            int days = frequency(riskClass(industryCode), grade).intervalDays();
            return !lastInspectedOn.plusDays(days).isAfter(periodTo);
        }
    }
}
