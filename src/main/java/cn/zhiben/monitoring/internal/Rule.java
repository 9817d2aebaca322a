package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.AlarmLevel;

/**
 * One rule of a rule-set version, as stored in mon_rule (versioned data; sources in docs/monitoring-rules.md).
 * For process thresholds (trigger null in the data) the trigger is the point's own design value, resolved per point.
 */
public record Rule(int version, String code, String kind, String location, Type type, AlarmLevel level,
                   Direction direction, Double trigger, Double clear, Integer minutes, Double factor, String label,
                   String action, String source, String confidence) {

    public enum Type { THRESHOLD, RATE, NO_DATA, FLAT_LINE, ELECTRICITY_SHUTDOWN }

    public enum Direction { HIGH, LOW }

    /** The rule with a point's own design value (HAZOP high/low) and a dead band of factor × range. */
    public Rule withTrigger(double value, double range) {
        double band = factor == null ? 0 : factor * range;
        double c = direction == Direction.HIGH ? value - band : value + band;
        return new Rule(version, code, kind, location, type, level, direction, value, c, minutes, factor, label,
                action, source, confidence);
    }

    /** What the threshold is, for people: "≥1.0，<1.0 解除". */
    public String thresholdText(String unit) {
        return switch (type) {
            case THRESHOLD -> (direction == Direction.HIGH ? "≥" : "<") + fmt(trigger) + unit + "，"
                    + (direction == Direction.HIGH ? "<" : "≥") + fmt(clear) + unit + " 解除";
            case RATE -> "每分钟变化≥" + fmt(trigger) + unit;
            case NO_DATA -> minutes + " 分钟无数据";
            case FLAT_LINE -> minutes + " 分钟数值不变";
            case ELECTRICITY_SHUTDOWN -> "停产期间近 " + minutes + " 分钟平均负荷 > " + fmt(factor) + " × 空载基线";
        };
    }

    public String confidenceLabel() {
        return switch (confidence) {
            case "V" -> "已核实";
            case "P" -> "部分核实";
            case "M" -> "未核实";
            default -> "本平台推定";
        };
    }

    /** Data built on an unconfirmed source or our own choice must say so (DESIGN: confidence marks). */
    public boolean unconfirmed() {
        return !"V".equals(confidence);
    }

    static String fmt(Double d) {
        if (d == null) {
            return "—";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
