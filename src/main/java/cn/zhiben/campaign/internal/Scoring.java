package cn.zhiben.campaign.internal;

import cn.zhiben.platform.web.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The points of one item for one target, from the item's rule. Every score below the maximum carries a reason (the
 * work team's "逐条逐项查验" must say what was missing); a score from the platform's records carries its basis
 * (e.g. 按时报送 10/11) and may be overridden by the team only with a reason. Points have two decimals, rounded half up.
 */
public final class Scoring {

    private Scoring() {
    }

    /** done of total, e.g. reports filed on time of reports due. */
    public record Metric(long done, long total) {
        public String describe(String what) {
            return what + " " + done + "/" + total;
        }
    }

    /**
     * What the scorer enters: points (manual, or an override of a computed score), a count of deficiencies
     * (deduction), the reason.
     */
    public record Input(BigDecimal points, Integer deficiencies, String reason) {
    }

    public record Score(BigDecimal points, Integer deficiencies, String basis, String reason) {
    }

    public static Score score(EvaluationRule rule, BigDecimal max, BigDecimal deductionPer, Input in, Metric metric,
                              String metricName) {
        String reason = in.reason() == null || in.reason().isBlank() ? null : in.reason().strip();
        if (rule == EvaluationRule.DEDUCTION) {
            if (in.deficiencies() == null || in.deficiencies() < 0) {
                throw ProblemException.badRequest("SCORE_DEFICIENCIES_REQUIRED", "请填写发现问题的处数（不小于 0）");
            }
            int deficiencies = in.deficiencies();
            if (deficiencies > 0 && reason == null) {
                throw ProblemException.badRequest("SCORE_REASON_REQUIRED", "请写明发现的问题");
            }
            BigDecimal points = max.subtract(deductionPer.multiply(BigDecimal.valueOf(deficiencies))).max(BigDecimal.ZERO);
            return new Score(points.setScale(2, RoundingMode.HALF_UP), deficiencies,
                    "发现问题 " + deficiencies + " 处，每处扣 " + plain(deductionPer) + " 分", reason);
        }
        if (rule.fromData() && metric != null) {
            BigDecimal computed = metric.total() == 0 ? max
                    : max.multiply(BigDecimal.valueOf(metric.done())).divide(BigDecimal.valueOf(metric.total()), 2,
                    RoundingMode.HALF_UP);
            String basis = metric.describe(metricName);
            if (in.points() == null || in.points().compareTo(computed) == 0) {
                return new Score(computed.setScale(2, RoundingMode.HALF_UP), null, basis, reason);
            }
            if (reason == null) {
                throw ProblemException.badRequest("SCORE_REASON_REQUIRED", "调整平台计算的得分须说明理由");
            }
            return new Score(checkRange(in.points(), max).setScale(2, RoundingMode.HALF_UP), null,
                    basis + "，计算得分 " + plain(computed) + "，评估组调整", reason);
        }
        // scored by hand: a manual item, or a data item for a target the platform has no records of (an enterprise)
        if (in.points() == null) {
            throw ProblemException.badRequest("SCORE_POINTS_REQUIRED", "请填写得分");
        }
        BigDecimal points = checkRange(in.points(), max).setScale(2, RoundingMode.HALF_UP);
        if (points.compareTo(max) < 0 && reason == null) {
            throw ProblemException.badRequest("SCORE_REASON_REQUIRED", "得分低于满分的，须说明失分理由");
        }
        return new Score(points, null, null, reason);
    }

    private static BigDecimal checkRange(BigDecimal points, BigDecimal max) {
        if (points.signum() < 0 || points.compareTo(max) > 0) {
            throw ProblemException.badRequest("SCORE_OUT_OF_RANGE", "得分须在 0 到 " + plain(max) + " 分之间");
        }
        if (points.scale() > 2 && points.stripTrailingZeros().scale() > 2) {
            throw ProblemException.badRequest("SCORE_OUT_OF_RANGE", "得分最多保留两位小数");
        }
        return points;
    }

    static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
