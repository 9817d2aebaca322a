package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.internal.TipoffCodes.AccidentLevel;
import cn.zhiben.tipoffs.internal.TipoffCodes.Category;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reward of a tip-off under a rule, in fen (安全生产领域举报奖励办法, 安监总财〔2018〕19号):
 * <ul>
 * <li>major hazards and illegal production/operation/construction: 15 % of the fine actually imposed, at least
 * CNY 3,000 and at most CNY 300,000 (the rule's percent, minimum and maximum);</li>
 * <li>concealed or falsely reported accidents: a fixed amount per verified concealed death by accident level
 * (CNY 30,000 / 40,000 / 50,000 / 60,000), at most CNY 300,000;</li>
 * <li>only the first valid reporter of a matter is rewarded (duplicates are merged into the first).</li>
 * </ul>
 * Our inferences (docs/tipoffs.md): the percentage is rounded half up to the fen; fines on persons (一案双罚) count as
 * part of "the fine" when the rule says so (include_person_fines); the rule is the one in force on the day the tip-off
 * was received, the most specific level first (county, then province, then national).
 */
public final class RewardCalculator {

    private RewardCalculator() {
    }

    public record Inputs(Category category, boolean firstValidReporter, long enterpriseFineFen, long personFineFen,
                         Map<AccidentLevel, Integer> concealedDeaths) {
    }

    public record Result(long amountFen, String explanation, Map<String, Object> inputs) {
    }

    /** The rule for a tip-off received on {@code receivedOn} at this place and industry, among approved rules. */
    public static Optional<RewardRule> select(List<RewardRule> rules, String regionCode, String industryCode, LocalDate receivedOn) {
        return rules.stream().filter(r -> "APPROVED".equals(r.status()))
                .filter(r -> r.inForceOn(receivedOn) && r.appliesTo(regionCode, industryCode))
                .max(Comparator.comparingInt((RewardRule r) -> r.level().specificity)
                        .thenComparing(r -> r.industryPrefix() == null ? 0 : r.industryPrefix().length())
                        .thenComparing(RewardRule::validFrom));
    }

    public static Result compute(RewardRule rule, Inputs in) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("rule", rule.code() + " v" + rule.version());
        shown.put("category", in.category().name());
        shown.put("firstValidReporter", in.firstValidReporter());
        if (!in.firstValidReporter()) {
            throw ProblemException.unprocessable("REWARD_NOT_FIRST_REPORTER", "同一事项只奖励首个有效举报人");
        }
        return switch (in.category()) {
            case MAJOR_HAZARD, ILLEGAL_PRODUCTION -> {
                long fine = in.enterpriseFineFen() + (rule.includePersonFines() ? in.personFineFen() : 0);
                shown.put("enterpriseFineFen", in.enterpriseFineFen());
                shown.put("personFineFen", in.personFineFen());
                shown.put("fineFen", fine);
                if (fine <= 0) {
                    throw ProblemException.unprocessable("REWARD_NO_FINE", "尚无实际作出的罚款，不能按罚款比例计算奖励");
                }
                long raw = (fine * rule.percentBp() + 5_000) / 10_000;
                long amount = Math.min(rule.maxFen(), Math.max(rule.minFen(), raw));
                shown.put("percentBp", rule.percentBp());
                shown.put("computedFen", raw);
                String why = "罚款 " + Money.yuan(fine) + " × " + (rule.percentBp() / 100.0) + "% = " + Money.yuan(raw)
                        + (amount > raw ? "，低于最低额，按 " + Money.yuan(rule.minFen())
                        : amount < raw ? "，超过最高额，按 " + Money.yuan(rule.maxFen()) : "");
                yield new Result(amount, why, shown);
            }
            case CONCEALED_ACCIDENT -> {
                Map<AccidentLevel, Integer> deaths = in.concealedDeaths() == null ? Map.of() : in.concealedDeaths();
                long sum = 0;
                StringBuilder why = new StringBuilder();
                for (AccidentLevel level : AccidentLevel.values()) {
                    int n = deaths.getOrDefault(level, 0);
                    if (n > 0) {
                        long each = rule.perDeathFen().get(level);
                        sum += each * n;
                        why.append(why.isEmpty() ? "" : " + ").append(level.label()).append(" 瞒报 ").append(n)
                                .append(" 人 × ").append(Money.yuan(each));
                    }
                }
                shown.put("concealedDeaths", deaths);
                if (sum == 0) {
                    throw ProblemException.unprocessable("REWARD_NO_DEATHS", "未查实瞒报死亡人数，不能按瞒报事故计算奖励");
                }
                long amount = Math.min(sum, rule.deathCapFen());
                yield new Result(amount, why + " = " + Money.yuan(sum)
                        + (amount < sum ? "，超过最高额，按 " + Money.yuan(rule.deathCapFen()) : ""), shown);
            }
            case OTHER -> throw ProblemException.unprocessable("REWARD_NOT_COVERED",
                    "该类举报不在奖励办法规定的奖励范围内（重大事故隐患、非法违法生产经营建设、瞒报谎报事故）");
        };
    }
}
