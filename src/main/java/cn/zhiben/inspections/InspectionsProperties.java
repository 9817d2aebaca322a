package cn.zhiben.inspections;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Period;

/**
 * zhiben.inspections.* — the rules the sources leave open, with our defaults (docs/inspections.md says why each).
 *
 * @param demoData               demo plans, draws, inspections and decisions on the first demo start
 * @param avoidRepeatOfficers    a draw keeps the officers of an enterprise's last inspection away from it (local
 *                               双随机 practice [P]; our inference that it applies here)
 * @param selfCheckLookback      how far before a department's finding the enterprise's own checks of the same clause
 *                               count as 查不出 evidence (our inference: one quarter, the longest cadence of plan item 23)
 * @param reinspectionDays       days after the rectification deadline (or the enterprise's application) within which the
 *                               unit re-inspects (令第16号 Art. 23 for major hazards [P]; provincial practice otherwise [M])
 * @param zeroPenaltyMinMajor    a unit with at least this many major findings and no decision is listed for 约谈
 * @param zeroPenaltyMinInspections a unit with at least this many inspections and no penalty decision is listed
 *                               (plan item 32: 零处罚、只检查不处罚; the number is our inference)
 * @param hearingUnitFineFen     fine on an organisation from which the party must be told of its right to a hearing
 *                               (行政处罚法 Art. 63 "较大数额", set by the province; 3 万 as 15号令 practice [P])
 * @param hearingPersonFineFen   the same for a person (1 万 [P])
 * @param paymentDays            days to pay a fine from receipt of the decision (行政处罚法 Art. 67 [M])
 * @param maxPhotoSize           largest photo accepted on an inspection record
 */
@ConfigurationProperties("zhiben.inspections")
public record InspectionsProperties(
        @DefaultValue("true") boolean demoData,
        @DefaultValue("true") boolean avoidRepeatOfficers,
        @DefaultValue("P3M") Period selfCheckLookback,
        @DefaultValue("10") int reinspectionDays,
        @DefaultValue("1") int zeroPenaltyMinMajor,
        @DefaultValue("3") int zeroPenaltyMinInspections,
        @DefaultValue("3000000") long hearingUnitFineFen,
        @DefaultValue("1000000") long hearingPersonFineFen,
        @DefaultValue("15") int paymentDays,
        @DefaultValue("10MB") DataSize maxPhotoSize) {
}
