package cn.zhiben.hazards;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;

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
 * @param historyImport           loading past hazards from the offices' ledgers (docs/hazard-records.md)
 * @param reports                 enterprises' quarterly and annual hazard statistics reports (docs/hazard-records.md)
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
        @DefaultValue("3") int determinationMinExperts,
        @DefaultValue HistoryImport historyImport,
        @DefaultValue Reports reports) {

    /**
     * @param earliestFoundOn the earliest found date an imported hazard may have. Default 2023-01-01: issue 8 asks for
     *                        the record from 2023 on, the period whose stock the plan (晋市安委发〔2024〕6号 主要目标) judges;
     *                        our inference — lower it to load older open hazards
     */
    public record HistoryImport(@DefaultValue("2023-01-01") LocalDate earliestFoundOn) {
        public static HistoryImport defaults() {
            return new HistoryImport(LocalDate.of(2023, 1, 1));
        }
    }

    /**
     * 令第16号 Art. 14 [P]: enterprises analyse their hazards quarterly and yearly, the report signed by the principal and
     * submitted by the 15th of the month after the quarter and by 31 January. The dates are marked [M] (unconfirmed) in
     * our reference; they are settings so the city office can correct them.
     *
     * @param quarterlyDueDay day of the month after a quarter by which its report is due (default 15)
     * @param annualDueMonth  month of the following year by which the annual report is due (default 1)
     * @param annualDueDay    its day (default 31)
     * @param reminderDays    days before the due date on which an enterprise that has not submitted is reminded in
     *                        its inbox, once each (default 7 and 1 — our inference)
     * @param firstPeriod     the first period collected on the platform, e.g. 2026Q3 or 2026 (default 2026Q3 — our
     *                        inference: earlier reports were made on paper)
     * @param reminderCron    when the reminder job runs, in Asia/Shanghai
     */
    public record Reports(@DefaultValue("15") int quarterlyDueDay,
                          @DefaultValue("1") int annualDueMonth,
                          @DefaultValue("31") int annualDueDay,
                          @DefaultValue({"7", "1"}) List<Integer> reminderDays,
                          @DefaultValue("2026Q3") String firstPeriod,
                          @DefaultValue("0 30 8 * * *") String reminderCron) {

        public Reports {
            reminderDays = List.copyOf(reminderDays);
            if (quarterlyDueDay < 1 || quarterlyDueDay > 28) {
                throw new IllegalArgumentException("zhiben.hazards.reports.quarterly-due-day must be 1..28");
            }
            MonthDay.of(annualDueMonth, annualDueDay);
        }

        public MonthDay annualDue() {
            return MonthDay.of(annualDueMonth, annualDueDay);
        }

        public static Reports defaults() {
            return new Reports(15, 1, 31, List.of(7, 1), "2026Q3", "0 30 8 * * *");
        }
    }
}
