package cn.zhiben.campaign;

import cn.zhiben.campaign.internal.CampaignJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 两级调度 and 督办函 through the API with a moved clock: answer, return, close, overdue escalation once. */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.modulith.test.PublishedEventsExtension.class)
class DispatchIntegrationTests extends CampaignTestSupport {

    @Autowired
    CampaignJobs jobs;

    private JsonNode send(String from, Map<String, Object> body) throws Exception {
        return json(call(from, "POST", "/api/v1/campaign/dispatches", body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
    }

    private UUID copyFor(JsonNode sent, String unitId, String region) {
        return jdbc.sql("""
                select id from cmp_dispatch_recipient where dispatch_id = :d and unit_id is not distinct from cast(:u as uuid)
                  and region_code is not distinct from :r""")
                .param("d", UUID.fromString(sent.get("dispatchId").asString())).param("u", unitId).param("r", region)
                .query(UUID.class).single();
    }


    @Test
    void aDispatchIsAnsweredReturnedAnsweredAgainAndClosedWhileAnUnansweredCopyIsEscalatedOnce(
            org.springframework.modulith.test.PublishedEvents events) throws Exception {
        clock.set(at(2034, 3, 5, 10, 0, 0));
        String yingji = unit("市应急管理局").toString();
        JsonNode sent = send("city", map("subject", "报送第一季度重大事故隐患动态清零进展", "body", "请说明存量隐患清零情况和下一步措施。",
                "dueOn", "2034-03-10", "to", List.of(map("unitId", yingji), map("regionCode", "140525"))));
        assertThat(sent.get("number").asString()).startsWith("市安委办调〔2034〕");
        UUID toYingji = copyFor(sent, yingji, null);
        UUID toZezhou = copyFor(sent, null, "140525");
        assertThat(events.ofType(CampaignEvents.DispatchSent.class).matching(e -> e.addresseeId().equals(toYingji)))
                .singleElement().satisfies(e -> {
                    assertThat(e.fromLevel()).isEqualTo("CITY");
                    assertThat(e.kind()).isEqualTo("DISPATCH");
                    assertThat(e.dueOn()).isEqualTo(LocalDate.of(2034, 3, 10));
                });
        assertThat(inboxTitles("yingji")).contains("调度：报送第一季度重大事故隐患动态清零进展");

        clock.set(at(2034, 3, 9, 16, 0, 0));
        call("yingji", "POST", "/api/v1/campaign/dispatches/" + toYingji + "/answer", map("answer", "存量隐患已全部销号。"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANSWERED")).andExpect(jsonPath("$.onTime").value(true));
        call("city", "POST", "/api/v1/campaign/dispatches/" + toYingji + "/return", map("reason", "请补充销号审核材料", "dueOn", "2034-03-15"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));
        clock.set(at(2034, 3, 11, 9, 0, 0));
        jobs.runFor(LocalDate.of(2034, 3, 11));
        jobs.runFor(LocalDate.of(2034, 3, 11));
        call("yingji", "POST", "/api/v1/campaign/dispatches/" + toYingji + "/answer", map("answer", "补充销号审核意见书 5 份。"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.onTime").value(true));
        call("city", "POST", "/api/v1/campaign/dispatches/" + toYingji + "/close", map("note", "材料齐全，办结。"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        // a closed copy takes no more answers
        call("yingji", "POST", "/api/v1/campaign/dispatches/" + toYingji + "/answer", map("answer", "再次答复"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DISPATCH_ILLEGAL_TRANSITION"));
        assertThat(events.ofType(CampaignEvents.DispatchAnswered.class).matching(e -> e.addresseeId().equals(toYingji))).hasSize(1);

        // the county did not answer by 03-10: escalated on the 11th, once, however often the job runs
        assertThat(jdbc.sql("select status from cmp_dispatch_recipient where id = :id").param("id", toZezhou)
                .query(String.class).single()).isEqualTo("OVERDUE");
        assertThat(events.ofType(CampaignEvents.DispatchOverdue.class).matching(e -> e.addresseeId().equals(toZezhou))).hasSize(1);
        assertThat(inboxTitles("zezhou")).filteredOn("逾期未答复：报送第一季度重大事故隐患动态清零进展"::equals).hasSize(1);
        assertThat(inboxTitles("city")).contains("逾期未答复：报送第一季度重大事故隐患动态清零进展");
        call("city", "GET", "/api/v1/campaign/dispatches?box=SENT&overdue=true", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + toZezhou + "')].overdue").value(true));

        clock.set(at(2034, 3, 12, 9, 0, 0));
        call("zezhou", "POST", "/api/v1/campaign/dispatches/" + toZezhou + "/answer", map("answer", "逾期原因：分管领导出差。"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANSWERED")).andExpect(jsonPath("$.onTime").value(false));
        assertThat(count("select count(*) from cmp_transition where entity_id = ? and action = 'MARK_OVERDUE'", toZezhou)).isEqualTo(1);
    }

    @Test
    void anAnswerFromAUnitThatWasNotAddressedIsRefusedAndNothingIsStored() throws Exception {
        clock.set(at(2034, 4, 1, 10, 0, 0));
        JsonNode sent = send("zezhou", map("subject", "核查燃气隐患整改", "body", "请核查并答复。", "dueOn", "2034-04-08",
                "to", List.of(map("unitId", unit("市应急管理局").toString(), "regionCode", "140525"))));
        UUID copy = copyFor(sent, unit("市应急管理局").toString(), "140525");
        // units that cannot see it: as if it did not exist
        call("nengyuan", "POST", "/api/v1/campaign/dispatches/" + copy + "/answer", map("answer", "x")).andExpect(status().isNotFound());
        call("gaoping", "POST", "/api/v1/campaign/dispatches/" + copy + "/answer", map("answer", "x")).andExpect(status().isNotFound());
        call("yingji", "POST", "/api/v1/campaign/dispatches/" + copy + "/answer", map("answer", "x")).andExpect(status().isNotFound());
        // the county office sees its department's dispatch but may not answer for it
        call("zezhou", "POST", "/api/v1/campaign/dispatches/" + copy + "/answer", map("answer", "代为答复"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("DISPATCH_NOT_ADDRESSEE"));
        assertThat(count("select count(*) from cmp_dispatch_recipient where id = ? and answer is null and status = 'PENDING'", copy))
                .isEqualTo(1);
        call("zezhou-yingji", "POST", "/api/v1/campaign/dispatches/" + copy + "/answer", map("answer", "已核查 3 家燃气企业。"))
                .andExpect(status().isOk());
    }

    @Test
    void aCountyOfficeDispatchesOnlyToItsOwnDepartmentsAndUnitsDispatchNothing() throws Exception {
        clock.set(at(2034, 5, 1, 10, 0, 0));
        Map<String, Object> toCityUnit = map("subject", "s", "body", "b", "to", List.of(map("unitId", unit("市应急管理局").toString())));
        call("zezhou", "POST", "/api/v1/campaign/dispatches", toCityUnit).andExpect(status().isForbidden());
        Map<String, Object> toGaoping = map("subject", "s", "body", "b",
                "to", List.of(map("unitId", unit("市应急管理局").toString(), "regionCode", "140581")));
        call("zezhou", "POST", "/api/v1/campaign/dispatches", toGaoping).andExpect(status().isForbidden());
        call("yingji", "POST", "/api/v1/campaign/dispatches", map()).andExpect(status().isForbidden());
        call("qiye", "POST", "/api/v1/campaign/dispatches", map()).andExpect(status().isForbidden());
        assertThat(count("select count(*) from cmp_dispatch where subject = 's'")).isZero();
    }
}
