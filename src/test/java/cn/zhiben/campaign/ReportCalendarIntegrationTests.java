package cn.zhiben.campaign;

import cn.zhiben.campaign.internal.CampaignJobs;
import cn.zhiben.campaign.internal.CalendarService;
import cn.zhiben.campaign.internal.ReportKind;
import cn.zhiben.campaign.internal.ReportService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Monthly reports through the API with a moved clock: the due second, the first late second, reminders once each. */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.modulith.test.PublishedEventsExtension.class)
class ReportCalendarIntegrationTests extends CampaignTestSupport {

    @Autowired
    CampaignJobs jobs;
    @Autowired
    CalendarService calendar;
    @Autowired
    cn.zhiben.platform.jobs.JobScheduler scheduler;
    @Autowired
    cn.zhiben.platform.crypto.FieldEncryptor encryptor;

    private UUID monthlyReport(UUID programme, String period, UUID unitId) {
        return jdbc.sql("""
                select id from cmp_report where programme_id = :p and kind = 'MONTHLY' and period = :period
                  and unit_id = :u and region_code is null""")
                .param("p", programme).param("period", period).param("u", unitId).query(UUID.class).single();
    }

    private void submit(String username, UUID report) throws Exception {
        mvc.perform(post("/api/v1/campaign/reports/" + report + "/submit").header("Authorization", "Bearer " + token(username))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"content\":\"本月开展重大事故隐患专项排查，督导检查企业 12 家。\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aMonthlyReportFiledAtTheLastSecondOfTheMonthIsOnTimeAndOneFiledAtMidnightIsLate(
            org.springframework.modulith.test.PublishedEvents events) throws Exception {
        UUID programme = activeProgramme(2031);
        clock.set(at(2031, 1, 5, 9, 0, 0));
        jobs.runFor(LocalDate.of(2031, 1, 5));
        UUID yingji = monthlyReport(programme, "2031-01", unit("市应急管理局"));
        UUID nengyuan = monthlyReport(programme, "2031-01", unit("市能源局"));
        String tokenYingji = token("yingji");
        mvc.perform(get("/api/v1/campaign/reports/" + yingji).header("Authorization", "Bearer " + tokenYingji))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueOn").value("2031-01-31"))
                .andExpect(jsonPath("$.status").value("DUE"))
                .andExpect(jsonPath("$.currentFigures.found").isNumber());

        clock.set(at(2031, 1, 31, 23, 59, 59));
        submit("yingji", yingji);
        clock.set(at(2031, 2, 1, 0, 0, 0));
        submit("nengyuan", nengyuan);

        assertThat(jdbc.sql("select on_time from cmp_report where id = :id").param("id", yingji).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select on_time from cmp_report where id = :id").param("id", nengyuan).query(Boolean.class).single()).isFalse();
        // the event analytics counts 两级调度/报送 from says the same
        assertThat(events.ofType(CampaignEvents.ReportSubmitted.class).matching(e -> e.reportId().equals(nengyuan)))
                .singleElement().satisfies(e -> {
                    assertThat(e.onTime()).isFalse();
                    assertThat(e.dueOn()).isEqualTo(LocalDate.of(2031, 1, 31));
                    assertThat(e.period()).isEqualTo("2031-01");
                });
        // the platform's figures are kept with the report, as the unit saw them when it filed
        assertThat(count("select count(*) from cmp_report where id = ? and platform_figures is not null and reported_figures is not null",
                yingji)).isEqualTo(1);
    }

    @Test
    void remindersGoThreeDaysBeforeAndOnTheDueDateOnceEachAndTheLateNoticeTheDayAfter() {
        UUID programme = activeProgramme(2032);
        clock.set(at(2032, 3, 28, 8, 30, 0));
        jobs.runFor(LocalDate.of(2032, 3, 28));
        UUID report = monthlyReport(programme, "2032-03", unit("市住房和城乡建设局"));
        String title = "待报送：" + ReportKind.MONTHLY.label() + "（2032年3月）";
        assertThat(inboxTitles("zhujian")).filteredOn(title::equals).hasSize(1);
        // the job runs again the same day, and the next: nothing twice
        jobs.runFor(LocalDate.of(2032, 3, 28));
        clock.set(at(2032, 3, 29, 8, 30, 0));
        jobs.runFor(LocalDate.of(2032, 3, 29));
        assertThat(inboxTitles("zhujian")).filteredOn(title::equals).hasSize(1);

        clock.set(at(2032, 3, 31, 8, 30, 0));
        jobs.runFor(LocalDate.of(2032, 3, 31));
        jobs.runFor(LocalDate.of(2032, 3, 31));
        String today = "今日到期：" + ReportKind.MONTHLY.label() + "（2032年3月）";
        assertThat(inboxTitles("zhujian")).filteredOn(today::equals).hasSize(1);

        clock.set(at(2032, 4, 1, 8, 30, 0));
        jobs.runFor(LocalDate.of(2032, 4, 1));
        jobs.runFor(LocalDate.of(2032, 4, 2));
        String late = "逾期未报：" + ReportKind.MONTHLY.label() + "（2032年3月）";
        assertThat(inboxTitles("zhujian")).filteredOn(late::equals).hasSize(1);
        // the city office hears of it too, once
        assertThat(inboxTitles("city")).filteredOn(t -> t.equals("逾期未报：市住房和城乡建设局")).hasSizeGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from cmp_report where id = ? and reminded_before_at is not null and reminded_due_at is not null and late_notified_at is not null",
                report)).isEqualTo(1);
    }

    @Test
    void anOfficeExceptionMovesTheDueDateOfEveryoneStillOwingAndRemindsThemAgain() throws Exception {
        UUID programme = activeProgramme(2033);
        clock.set(at(2033, 9, 27, 8, 30, 0));
        jobs.runFor(LocalDate.of(2033, 9, 27));
        UUID report = monthlyReport(programme, "2033-09", unit("市应急管理局"));
        assertThat(inboxTitles("yingji")).contains("待报送：月度工作进展（2033年9月）");
        mvc.perform(post("/api/v1/campaign/programmes/" + programme + "/due-exceptions")
                        .header("Authorization", "Bearer " + token("city")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"MONTHLY\",\"period\":\"2033-09\",\"dueOn\":\"2033-10-09\",\"reason\":\"国庆中秋假期\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reports").isNumber());
        assertThat(jdbc.sql("select due_on from cmp_report where id = :id").param("id", report).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2033, 10, 9));
        // a unit may not move dates
        mvc.perform(post("/api/v1/campaign/programmes/" + programme + "/due-exceptions")
                        .header("Authorization", "Bearer " + token("yingji")).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        clock.set(at(2033, 10, 6, 8, 30, 0));
        jobs.runFor(LocalDate.of(2033, 10, 6));
        assertThat(inboxTitles("yingji")).filteredOn("待报送：月度工作进展（2033年9月）"::equals).hasSize(2);
    }

    @Test
    void theDailyRunIsAPlatformClusterJobEachOccurrenceRunsOnceAndRemindsByInboxAndText() {
        UUID programme = activeProgramme(2047);
        java.time.Instant morning = at(2047, 5, 28, 8, 30, 0);
        clock.set(morning);
        // zhujian gets text messages only with a mobile number on its account: give it one for this test
        String before = jdbc.sql("select mobile_enc from idn_user where username = 'zhujian'").query(String.class).optional().orElse(null);
        jdbc.sql("update idn_user set mobile_enc = :m where username = 'zhujian'").param("m", encryptor.encrypt("13912345678")).update();
        try {
            assertThat(scheduler.jobNames()).contains("campaign.daily");
            assertThat(scheduler.runOccurrence("campaign.daily", morning)).as("first firing runs").isTrue();
            // a second firing of the same occurrence (another instance, a late clock) finds it done in the ledger
            assertThat(scheduler.runOccurrence("campaign.daily", morning)).as("done occurrence is skipped").isFalse();
        } finally {
            jdbc.sql("update idn_user set mobile_enc = :m where username = 'zhujian'").param("m", before).update();
        }
        assertThat(jdbc.sql("select status from platform_job_run where job = 'campaign.daily' and occurrence = :o")
                .param("o", java.sql.Timestamp.from(morning)).query(String.class).single()).isEqualTo("DONE");

        UUID report = monthlyReport(programme, "2047-05", unit("市住房和城乡建设局"));
        String title = "待报送：" + ReportKind.MONTHLY.label() + "（2047年5月）";
        assertThat(inboxTitles("zhujian")).filteredOn(title::equals).hasSize(1);
        assertThat(count("select count(*) from ntf_sms where source_key = ? and mobile_mask like '139%'",
                "cmp-report-before:" + report + ":2047-05-31")).as("the same reminder by the SMS gateway, once").isEqualTo(1);
    }
}
