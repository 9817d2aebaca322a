package cn.zhiben.hazards;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Period;

/**
 * zhiben.hazards.* — every rule the sources leave open is here with its default; docs/hazard-rules.md gives the reasons.
 *
 * @param reviewDays              days the supervising unit has to review a sign-off request on site (令第16号 第二十三条 [P]: 10 days)
 * @param selfCheckLookback       how far back an enterprise's own reports are searched before a major hazard found by others
 *                                is flagged 自查未发现 (plan item 23; the period is our inference)
 * @param storageDir              where attachments are kept, outside the database
 * @param maxAttachmentSize       largest accepted file
 * @param overdueCron             when the overdue job runs, in Asia/Shanghai
 * @param maxExtensions           extensions one hazard may get, each with its reason (our inference; issue 8 default 2)
 * @param acknowledgeDays         days to acknowledge a major hazard found by others before it proceeds as acknowledged (our inference)
 * @param confirmDepartmentDays   days for the safety management department's confirmation (两级确认, our inference)
 * @param confirmPrincipalDays    days for the principal's confirmation (our inference)
 * @param planDays                days from reported to a filed rectification plan (our inference)
 * @param coalResumptionDays      days for the acceptance of a coal mine's resumption (煤矿安全生产条例 第四十八条: 20 days)
 * @param delistingConfirmDays    days the listing body has to confirm 摘牌 after the sign-off (our inference)
 * @param determinationMinExperts experts a 综合判定 needs where the rule table has no row for the standard (our inference)
 */
@ConfigurationProperties("zhiben.hazards")
public record HazardsProperties(
        @DefaultValue("10") int reviewDays,
        @DefaultValue("P3M") Period selfCheckLookback,
        @DefaultValue("./data/files") String storageDir,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("0 5 0 * * *") String overdueCron,
        @DefaultValue("2") int maxExtensions,
        @DefaultValue("3") int acknowledgeDays,
        @DefaultValue("2") int confirmDepartmentDays,
        @DefaultValue("2") int confirmPrincipalDays,
        @DefaultValue("10") int planDays,
        @DefaultValue("20") int coalResumptionDays,
        @DefaultValue("5") int delistingConfirmDays,
        @DefaultValue("3") int determinationMinExperts) {
}
