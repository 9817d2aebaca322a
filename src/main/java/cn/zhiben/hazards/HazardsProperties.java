package cn.zhiben.hazards;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Period;

/**
 * zhiben.hazards.*
 *
 * @param reviewDays         days the supervising unit has to review a sign-off request on site (令第16号: 10 days)
 * @param selfCheckLookback  how far back an enterprise's own major-hazard reports are searched before a hazard found by
 *                           others is flagged 自查未发现 (plan item 23)
 * @param storageDir         where attachments are kept, outside the database
 * @param maxAttachmentSize  largest accepted file
 * @param overdueCron        when the overdue job runs, in Asia/Shanghai
 */
@ConfigurationProperties("zhiben.hazards")
public record HazardsProperties(
        @DefaultValue("10") int reviewDays,
        @DefaultValue("P3M") Period selfCheckLookback,
        @DefaultValue("./data/files") String storageDir,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("0 5 0 * * *") String overdueCron) {
}
