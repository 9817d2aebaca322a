package cn.zhiben.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.MonthDay;

/**
 * zhiben.campaign.* — the rules of the reporting calendar the plan leaves open, and the module's housekeeping.
 *
 * @param demoData              make the demo campaign state on the first demo start
 * @param remindDaysBefore      the first reminder goes this many days before a due date (issue 13: 3), the second on it
 * @param openDaysBeforeDue     a yearly or one-off report opens for filing this many days before it is due (our
 *                              inference: a month, so units see it coming); a monthly report opens on the 1st of its month
 * @param monthlyDueOnFirst     false (default): "每月1日前报送上月" means the last day of the month is the last day on
 *                              time (issue 13's reading); true: the 1st itself is still on time
 * @param yearSummaryDue        "每年12月5日前，报送年度工作总结" (plan 六(六)), read inclusive as issue 13 does
 * @param listsDue              党政领导干部安全生产职责清单 and 年度任务清单 (plan item 1) have no date in the plan:
 *                              our inference, the end of the first quarter of each year
 * @param dispatchDaysDefault   days a dispatch gives to answer when the sender sets no date (our inference: 5)
 * @param practicalItemsPerYear 办实事、解难题: "每年至少研究解决10项具体问题" (plan item 3)
 * @param jobCron               the daily calendar job (open periods, reminders, overdue dispatches), Asia/Shanghai
 * @param storageDir            where evidence files are kept, outside the database
 * @param maxAttachmentSize     largest accepted evidence file
 */
@ConfigurationProperties("zhiben.campaign")
public record CampaignProperties(
        @DefaultValue("true") boolean demoData,
        @DefaultValue("3") int remindDaysBefore,
        @DefaultValue("30") int openDaysBeforeDue,
        @DefaultValue("false") boolean monthlyDueOnFirst,
        @DefaultValue("12-05") String yearSummaryDue,
        @DefaultValue("03-31") String listsDue,
        @DefaultValue("5") int dispatchDaysDefault,
        @DefaultValue("10") int practicalItemsPerYear,
        @DefaultValue("0 30 8 * * *") String jobCron,
        @DefaultValue("./data/files/campaign") String storageDir,
        @DefaultValue("20MB") DataSize maxAttachmentSize) {

    public CampaignProperties {
        // fail at start-up, not at the first report, when a date is mistyped
        monthDay(yearSummaryDue);
        monthDay(listsDue);
    }

    public MonthDay yearSummaryDay() {
        return monthDay(yearSummaryDue);
    }

    public MonthDay listsDay() {
        return monthDay(listsDue);
    }

    /** "12-05" (MM-dd). */
    private static MonthDay monthDay(String value) {
        return MonthDay.parse("--" + value.strip());
    }
}
