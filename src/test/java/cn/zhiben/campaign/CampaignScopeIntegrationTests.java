package cn.zhiben.campaign;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A county sees and answers only its own tasks and dispatches; a unit only its own; outside the scope is 404. */
class CampaignScopeIntegrationTests extends CampaignTestSupport {

    private UUID task(UUID programme, int measureNo, UUID unitId, String region) {
        return jdbc.sql("""
                select t.id from cmp_task t join cmp_measure m on m.id = t.measure_id
                where t.programme_id = :p and m.no = :no and t.unit_id is not distinct from cast(:u as uuid)
                  and t.region_code is not distinct from :r""")
                .param("p", programme).param("no", measureNo).param("u", unitId == null ? null : unitId.toString())
                .param("r", region).query(UUID.class).single();
    }

    @Test
    void aCountySeesAndWorksOnlyItsOwnTasks() throws Exception {
        UUID p = activeProgramme(2036);
        JsonNode zezhouTasks = read("zezhou", "/api/v1/campaign/tasks?programme=" + p);
        assertThat(zezhouTasks.size()).isGreaterThan(30);
        zezhouTasks.forEach(t -> assertThat(t.get("addressee").get("regionCode").asString()).isEqualTo("140525"));
        UUID gaopingTask = task(p, 20, null, "140581");
        UUID zezhouTask = task(p, 20, null, "140525");
        call("zezhou", "GET", "/api/v1/campaign/tasks/" + gaopingTask, null).andExpect(status().isNotFound());
        call("zezhou", "POST", "/api/v1/campaign/tasks/" + gaopingTask + "/start", map("note", "x")).andExpect(status().isNotFound());
        call("zezhou", "POST", "/api/v1/campaign/tasks/" + zezhouTask + "/start", map("note", "已印发县级标准化建设方案"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        // a county breaks its task down to its departments; each then sees its own, and only that
        String yingji = unit("市应急管理局").toString();
        call("zezhou", "POST", "/api/v1/campaign/tasks/" + zezhouTask + "/delegate", map("unitIds", List.of(yingji)))
                .andExpect(status().isOk());
        UUID delegated = task(p, 20, unit("市应急管理局"), "140525");
        JsonNode departmentTasks = read("zezhou-yingji", "/api/v1/campaign/tasks?programme=" + p);
        assertThat(departmentTasks.size()).isEqualTo(1);
        assertThat(departmentTasks.get(0).get("id").asString()).isEqualTo(delegated.toString());
        call("zezhou-yingji", "GET", "/api/v1/campaign/tasks/" + zezhouTask, null).andExpect(status().isNotFound());
        call("gaoping", "GET", "/api/v1/campaign/tasks/" + delegated, null).andExpect(status().isNotFound());
        // the county office may record progress for its department (on behalf), the city office for anyone
        call("zezhou", "POST", "/api/v1/campaign/tasks/" + delegated + "/progress", map("note", "据县应急局报送材料代录", "percent", 40))
                .andExpect(status().isOk());
        assertThat(count("select count(*) from cmp_transition where entity_id = ? and on_behalf", delegated)).isEqualTo(1);
    }

    @Test
    void aUnitSeesAndWorksOnlyItsOwnTasks() throws Exception {
        UUID p = activeProgramme(2037);
        UUID yingji = unit("市应急管理局");
        JsonNode mine = read("yingji", "/api/v1/campaign/tasks?programme=" + p);
        assertThat(mine.size()).isGreaterThan(10);
        mine.forEach(t -> {
            assertThat(t.get("addressee").get("unitId").asString()).isEqualTo(yingji.toString());
            assertThat(t.get("addressee").has("regionCode") && !t.get("addressee").get("regionCode").isNull()).isFalse();
        });
        UUID nengyuanTask = task(p, 7, unit("市能源局"), null);
        call("yingji", "GET", "/api/v1/campaign/tasks/" + nengyuanTask, null).andExpect(status().isNotFound());
        call("yingji", "POST", "/api/v1/campaign/tasks/" + nengyuanTask + "/complete", map("note", "x")).andExpect(status().isNotFound());
        // a unit may not send its own completed task back: that is the office's
        UUID own = task(p, 7, yingji, null);
        call("yingji", "POST", "/api/v1/campaign/tasks/" + own + "/complete", map("note", "非煤矿山自动化升级改造完成", "completedOn", "2026-11-30"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DONE"));
        call("yingji", "POST", "/api/v1/campaign/tasks/" + own + "/reopen", map("note", "x")).andExpect(status().isForbidden());
        call("city", "POST", "/api/v1/campaign/tasks/" + own + "/reopen", map("note", "佐证材料不足，请补充验收报告"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        // enterprises, townships and administrators have no campaign tasks at all
        call("qiye", "GET", "/api/v1/campaign/tasks", null).andExpect(status().isForbidden());
        call("nancun", "GET", "/api/v1/campaign/tasks", null).andExpect(status().isForbidden());
        call("sysadmin", "GET", "/api/v1/campaign/tasks", null).andExpect(status().isForbidden());
    }

    @Test
    void aCountyAndAUnitSeeOnlyTheirOwnDispatchesAndReports() throws Exception {
        UUID p = activeProgramme(2038);
        clock.set(at(2038, 2, 3, 9, 0, 0));
        call("city", "POST", "/api/v1/campaign/dispatches", map("subject", "范围测试", "body", "b", "dueOn", "2038-02-10",
                "to", List.of(map("regionCode", "140525"), map("regionCode", "140581"), map("unitId", unit("市能源局").toString()))))
                .andExpect(status().isCreated());
        JsonNode zezhou = read("zezhou", "/api/v1/campaign/dispatches?box=RECEIVED");
        assertThat(zezhou.findValuesAsString("subject")).contains("范围测试");
        zezhou.forEach(d -> assertThat(d.get("regionCode").asString()).isEqualTo("140525"));
        JsonNode yingji = read("yingji", "/api/v1/campaign/dispatches");
        assertThat(yingji.findValuesAsString("subject")).doesNotContain("范围测试");
        UUID gaopingCopy = jdbc.sql("select r.id from cmp_dispatch_recipient r join cmp_dispatch d on d.id = r.dispatch_id where d.subject = '范围测试' and r.region_code = '140581'")
                .query(UUID.class).single();
        call("zezhou", "GET", "/api/v1/campaign/dispatches/" + gaopingCopy, null).andExpect(status().isNotFound());

        // reports: a county sees its own, a unit its own
        calendar.open(programmeRepository.find(p).orElseThrow(), java.time.LocalDate.of(2038, 2, 3));
        JsonNode gaopingReports = read("gaoping", "/api/v1/campaign/reports?programme=" + p);
        assertThat(gaopingReports.size()).isGreaterThan(0);
        gaopingReports.forEach(r -> assertThat(r.get("addressee").get("regionCode").asString()).isEqualTo("140581"));
        UUID zezhouReport = jdbc.sql("select id from cmp_report where programme_id = :p and region_code = '140525' limit 1")
                .param("p", p).query(UUID.class).single();
        call("gaoping", "GET", "/api/v1/campaign/reports/" + zezhouReport, null).andExpect(status().isNotFound());
        call("yingji", "POST", "/api/v1/campaign/reports/" + zezhouReport + "/submit", map("content", "x")).andExpect(status().isNotFound());
    }

    @org.springframework.beans.factory.annotation.Autowired
    private cn.zhiben.campaign.internal.CalendarService calendar;
}
