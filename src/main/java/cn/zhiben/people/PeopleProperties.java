package cn.zhiben.people;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * zhiben.people.* — every default is explained in docs/people.md (source, or "our inference" where the sources leave
 * the rule open).
 *
 * @param demoData               make the demo register, training and drills on the first demo start
 * @param jobCron                the daily job (reminders, expiries, findings), Asia/Shanghai
 * @param reminderDays           days before a certificate's deadline the enterprise is reminded (issue 16: 60/30/7)
 * @param expiringDays           a certificate this close to its deadline shows as 即将到期
 * @param highRiskIndustries     industries (with sub-industries) that drill every half year (生产安全事故应急条例 Art. 7–8)
 * @param highRiskOperations     special operations that make an enterprise high-risk for drills (metal smelting)
 * @param assessedIndustries     industries whose principals and safety managers hold the 安全生产知识和管理能力考核合格证
 *                               (安全生产法 Art. 27)
 * @param retrainingMinHours     off-the-job retraining hours before the exam of a 三违 or failed 逢查必考 (our inference)
 * @param examPassScore          pass mark of retraining and 逢查必考 exams, out of 100 (our inference)
 * @param violationsBlockReview  verified violations within a review period that block the 特种作业 复审 (30号令 Art. 25)
 * @param maxEvidenceSize        largest evidence file (sign-in sheet, photo, report)
 * @param maxImportRows          rows of one register import
 */
@ConfigurationProperties("zhiben.people")
public record PeopleProperties(
        @DefaultValue("true") boolean demoData,
        @DefaultValue("0 30 7 * * *") String jobCron,
        @DefaultValue({"60", "30", "7"}) List<Integer> reminderDays,
        @DefaultValue("60") int expiringDays,
        @DefaultValue({"mine", "hazchem", "fireworks", "indtrade.metallurgy", "indtrade.nonferrous", "construction",
                "fire.complex", "catering", "tourism", "road.dangerous", "gas", "explosives"}) List<String> highRiskIndustries,
        @DefaultValue({"METAL_SMELTING"}) List<String> highRiskOperations,
        @DefaultValue({"mine", "hazchem", "fireworks", "indtrade.metallurgy", "indtrade.nonferrous", "construction",
                "road", "explosives"}) List<String> assessedIndustries,
        @DefaultValue("8") int retrainingMinHours,
        @DefaultValue("80") int examPassScore,
        @DefaultValue("2") int violationsBlockReview,
        @DefaultValue("10MB") DataSize maxEvidenceSize,
        @DefaultValue("5000") int maxImportRows) {
}
