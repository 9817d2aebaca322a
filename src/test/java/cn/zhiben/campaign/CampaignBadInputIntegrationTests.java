package cn.zhiben.campaign;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input gets a 4xx problem with a stable code and a Chinese message, and nothing is half stored. */
class CampaignBadInputIntegrationTests extends CampaignTestSupport {

    @Test
    void aDispatchWithoutAddresseesOrWithAPastDateIsRefusedAndNothingIsSent() throws Exception {
        long before = count("select count(*) from cmp_dispatch");
        call("city", "POST", "/api/v1/campaign/dispatches", map("subject", "标题", "body", "内容", "to", List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("DISPATCH_ADDRESSEES_REQUIRED"))
                .andExpect(jsonPath("$.detail").value("请选择调度对象"));
        call("city", "POST", "/api/v1/campaign/dispatches", map("subject", "标题", "body", "内容", "dueOn", "2020-01-01",
                "to", List.of(map("regionCode", "140525")))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("DISPATCH_DUE_INVALID"));
        call("city", "POST", "/api/v1/campaign/dispatches", map("subject", "标题", "body", "内容",
                "to", List.of(map("regionCode", "999999")))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("REGION_NOT_COUNTY"));
        call("city", "POST", "/api/v1/campaign/dispatches", map("subject", "标题", "body", "内容",
                "to", List.of(map("regionCode", "140525")), "refType", "TASK", "refId", UUID.randomUUID().toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("REF_NOT_FOUND"));
        call("city", "POST", "/api/v1/campaign/dispatches", "{\"subject\": ").andExpect(status().isBadRequest());
        call("city", "POST", "/api/v1/campaign/dispatches", map("kind", "MEMO", "subject", "s")).andExpect(status().isBadRequest());
        assertThat(count("select count(*) from cmp_dispatch")).isEqualTo(before);
    }

    @Test
    void aReportWithoutContentOrWithImpossibleFiguresStaysOwed() throws Exception {
        UUID p = activeProgramme(2043);
        clock.set(at(2043, 1, 20, 9, 0, 0));
        calendar.open(programmeRepository.find(p).orElseThrow(), java.time.LocalDate.of(2043, 1, 20));
        UUID report = jdbc.sql("select id from cmp_report where programme_id = :p and kind = 'MONTHLY' and unit_id = :u and region_code is null")
                .param("p", p).param("u", unit("市应急管理局")).query(UUID.class).single();
        call("yingji", "POST", "/api/v1/campaign/reports/" + report + "/submit", map("content", "  "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("REPORT_CONTENT_REQUIRED"));
        call("yingji", "POST", "/api/v1/campaign/reports/" + report + "/submit", map("content", "进展", "figures",
                map("found", 3, "majorFound", 5, "signedOff", 0, "closed", 0, "openMajor", 0, "overdue", 0, "listed", 0)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("REPORT_FIGURES_INVALID"));
        call("yingji", "POST", "/api/v1/campaign/reports/" + report + "/submit", map("content", "进展", "version", 99))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONCURRENT_MODIFICATION"));
        assertThat(count("select count(*) from cmp_report where id = ? and status = 'DUE' and first_submitted_at is null", report)).isEqualTo(1);
        assertThat(count("select count(*) from cmp_transition where entity_id = ?", report)).isZero();
        call("yingji", "GET", "/api/v1/campaign/reports?kind=WEEKLY", null).andExpect(status().isBadRequest());
        call("yingji", "GET", "/api/v1/campaign/reports/not-a-uuid", null).andExpect(status().isBadRequest());
        call("yingji", "GET", "/api/v1/campaign/reports/" + UUID.randomUUID(), null).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("REPORT_NOT_FOUND"));
    }

    @Test
    void anUploadThatIsNotAnAcceptedDocumentIsRefusedAndLeavesNoFile() throws Exception {
        UUID p = activeProgramme(2044);
        UUID task = jdbc.sql("select id from cmp_task where programme_id = :p and unit_id = :u and region_code is null limit 1")
                .param("p", p).param("u", unit("市应急管理局")).query(UUID.class).single();
        MockMultipartFile exe = new MockMultipartFile("file", "验收报告.pdf", "application/pdf", new byte[]{'M', 'Z', 0, 0, 1, 2, 3});
        mvc.perform(multipart("/api/v1/campaign/tasks/" + task + "/attachments").file(exe)
                        .header("Authorization", "Bearer " + tokenOf("yingji")))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.code").value("ATTACHMENT_TYPE_NOT_ALLOWED"));
        // a zip that does not say it is a Word file is not one
        MockMultipartFile zip = new MockMultipartFile("file", "材料.zip", "application/zip", new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0});
        mvc.perform(multipart("/api/v1/campaign/tasks/" + task + "/attachments").file(zip)
                .header("Authorization", "Bearer " + tokenOf("yingji"))).andExpect(status().isUnsupportedMediaType());
        assertThat(count("select count(*) from cmp_attachment where owner_id = ?", task)).isZero();
        MockMultipartFile pdf = new MockMultipartFile("file", "验收报告.pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes());
        mvc.perform(multipart("/api/v1/campaign/tasks/" + task + "/attachments").file(pdf)
                .header("Authorization", "Bearer " + tokenOf("nengyuan"))).andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/campaign/tasks/" + task + "/attachments").file(pdf)
                .header("Authorization", "Bearer " + tokenOf("yingji"))).andExpect(status().isCreated());
        assertThat(count("select count(*) from cmp_attachment where owner_id = ?", task)).isEqualTo(1);
        // only the accepted file is in the task's history and the audit log (attributed to the task)
        assertThat(count("select count(*) from cmp_transition where entity_id = ? and action = 'ATTACH'", task)).isEqualTo(1);
        assertThat(count("""
                select count(*) from cmp_transition
                where entity_type = 'task' and entity_id = ? and action = 'ATTACH' and reason = '验收报告.pdf'""", task)).isEqualTo(1);
        assertThat(count("""
                select count(*) from audit_log l join cmp_attachment a on l.entity_id = a.id::text
                where a.owner_id = ? and l.entity_type = 'campaign-attachment' and l.action = 'CREATE'
                  and l.changes like '%"task":"' || a.owner_id || '"%'""", task)).isEqualTo(1);
    }

    @Test
    void programmeAndTaskInputIsChecked() throws Exception {
        UUID p = activeProgramme(2045);
        call("city", "POST", "/api/v1/campaign/programmes/" + p + "/copy", map("code", "含 空格", "title", "t",
                "startsOn", "2046-01-01", "endsOn", "2046-12-31", "reportingFrom", "2046-01-01", "reason", "r"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("PROGRAMME_CODE_INVALID"));
        call("city", "POST", "/api/v1/campaign/programmes/" + p + "/copy", map("code", "X-2046", "title", "t",
                "startsOn", "2046-12-31", "endsOn", "2046-01-01", "reportingFrom", "2046-01-01", "reason", "r"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("PROGRAMME_DATES_INVALID"));
        call("yingji", "POST", "/api/v1/campaign/programmes/" + p + "/copy", map()).andExpect(status().isForbidden());
        // an active programme's mapping is frozen
        UUID measure = jdbc.sql("select id from cmp_measure where programme_id = :p and no = 1").param("p", p).query(UUID.class).single();
        call("city", "POST", "/api/v1/campaign/programmes/" + p + "/measures/" + measure + "/check", null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("PROGRAMME_ILLEGAL_TRANSITION"));
        UUID task = jdbc.sql("select id from cmp_task where programme_id = :p and unit_id = :u and region_code is null limit 1")
                .param("p", p).param("u", unit("市应急管理局")).query(UUID.class).single();
        call("yingji", "POST", "/api/v1/campaign/tasks/" + task + "/progress", map("note", "推进中", "percent", 100))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("TASK_PERCENT_INVALID"));
        call("yingji", "POST", "/api/v1/campaign/tasks/" + task + "/complete", map("note", "完成", "completedOn", "2099-01-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("TASK_COMPLETED_ON_INVALID"));
        call("yingji", "POST", "/api/v1/campaign/tasks/" + task + "/start", map("note", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("CAMPAIGN_NOTE_REQUIRED"));
        assertThat(count("select count(*) from cmp_task where id = ? and status = 'NOT_STARTED' and version = 0", task)).isEqualTo(1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    cn.zhiben.campaign.internal.CalendarService calendar;
}
