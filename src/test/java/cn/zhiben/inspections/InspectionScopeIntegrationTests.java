package cn.zhiben.inspections;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scope: a county unit cannot plan, draw, inspect or decide for another county or outside its industries (404, as for
 * something that does not exist); a 四不两直 target is hidden from the enterprise and the county before the visit.
 */
class InspectionScopeIntegrationTests extends InspectionTestSupport {

    @Test
    void aCountyUnitCannotPlanForAnotherCountyOrOutsideItsIndustries() throws Exception {
        String t = token("zezhou-yingji");
        long before = jdbc.sql("select count(*) from insp_plan").query(Long.class).single();
        var plan = map("name", "越权计划", "kind", "RANDOM", "periodFrom", today(), "periodTo", quarterEnd());
        plan.put("targets", List.of(map("regionCode", "140581", "quota", 1)));
        postJson(t, "/api/v1/inspection-plans", plan).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("REGION_NOT_FOUND"));
        // 房屋市政工程 is the housing bureau's, not the emergency bureau's
        plan.put("targets", List.of(map("industryCode", "construction.housing", "quota", 1)));
        postJson(t, "/api/v1/inspection-plans", plan).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("INDUSTRY_NOT_FOUND"));
        // bad input: 400, nothing stored
        postJson(t, "/api/v1/inspection-plans", map("kind", "RANDOM")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        postJson(t, "/api/v1/inspection-plans", map("name", "x", "kind", "RANDOM", "periodFrom", today(), "periodTo", today(),
                "officersPerInspection", 1, "targets", List.of(map("quota", 1)))).andExpect(status().isBadRequest());
        postJson(t, "/api/v1/inspection-plans", map("name", "x", "kind", "SOMETIMES")).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from insp_plan").query(Long.class).single()).isEqualTo(before);
        // an enterprise or a county office cannot plan at all
        postJson(token("zezhou"), "/api/v1/inspection-plans", map("name", "x", "kind", "RANDOM", "periodFrom", today(),
                "periodTo", today(), "targets", List.of(map("quota", 1)))).andExpect(status().isForbidden());
    }

    @Test
    void aCountyUnitCannotDrawAnotherUnitsPlanNorInspectOrDecideOutsideItsCountyAndIndustries() throws Exception {
        String t = token("zezhou-yingji");
        // another unit's plan: as if it did not exist
        UUID energyPlan = UUID.fromString(ok(postJson(token("nengyuan"), "/api/v1/inspection-plans", map("name", "能源局计划",
                "kind", "RANDOM", "periodFrom", today(), "periodTo", quarterEnd(), "targets", List.of(map("quota", 1)))))
                .get("id").asString());
        postJson(t, "/api/v1/draws", map("planId", energyPlan)).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("PLAN_NOT_FOUND"));
        mvc.perform(auth(get("/api/v1/inspection-plans/" + energyPlan), t)).andExpect(status().isNotFound());
        // an enterprise in 高平 and one in 泽州 outside the emergency bureau's industries
        for (String name : List.of("高平示范化工", "泽州示范路桥建设")) {
            postJson(t, "/api/v1/inspections", map("enterpriseId", enterprise(name), "kind", "ROUTINE",
                    "officerIds", List.of(officer("zezhou-zf1"), officer("zezhou-zf2")))).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("ENTERPRISE_NOT_FOUND"));
        }
        // another county's inspection: no decision on it, not even a look
        UUID qinshui = arrangeAndStart("nengyuan", enterprise("沁水示范嘉峰煤业"), "nengyuan-zf1", "nengyuan-zf2");
        mvc.perform(auth(get("/api/v1/inspections/" + qinshui), t)).andExpect(status().isNotFound());
        postJson(t, "/api/v1/enforcement-decisions", map("inspectionId", qinshui, "kind", "RECTIFICATION_ORDER",
                "measures", List.of("ORDER_RECTIFICATION"), "facts", "x", "legalBasis", List.of("SAFELAW-65"),
                "deadline", today().plusDays(5), "decidedOn", today())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("INSPECTION_NOT_FOUND"));
        postJson(t, "/api/v1/enforcement-decisions", map("enterpriseId", enterprise("高平示范化工"), "kind", "RECTIFICATION_ORDER",
                "measures", List.of("ORDER_RECTIFICATION"), "facts", "x", "legalBasis", List.of("SAFELAW-65"),
                "deadline", today().plusDays(5), "decidedOn", today())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ENTERPRISE_NOT_FOUND"));
        // and the county's own enterprise's record is not open to another county's office
        mvc.perform(auth(get("/api/v1/inspections/" + qinshui), token("gaoping"))).andExpect(status().isNotFound());
    }

    @Test
    void anUnannouncedTargetIsHiddenFromTheEnterpriseAndTheCountyBeforeTheVisitAndLookingAtItIsAudited() throws Exception {
        UUID plant = enterprise("泽州示范钢铁");
        String unit = token("yingji");
        UUID id = UUID.fromString(ok(postJson(unit, "/api/v1/inspections", map("enterpriseId", plant, "kind", "UNANNOUNCED",
                "officerIds", List.of(officer("yingji-zf1"), officer("yingji-zf2")), "plannedFrom", today(),
                "plannedTo", today().plusDays(7)))).get("id").asString());
        UUID steel = UUID.fromString(id.toString());
        for (String outsider : List.of("zezhou", "zezhou-yingji", "nancun")) {
            mvc.perform(auth(get("/api/v1/inspections/" + steel), token(outsider))).andExpect(status().isNotFound());
            assertThat(mvc.perform(auth(get("/api/v1/inspections?enterpriseId=" + plant), token(outsider)))
                    .andReturn().getResponse().getContentAsString()).doesNotContain(steel.toString());
        }
        // the inspecting unit sees it, and the look is recorded
        long audited = jdbc.sql("select count(*) from audit_log where action = 'VIEW_RESTRICTED' and entity_id = :i")
                .param("i", steel.toString()).query(Long.class).single();
        JsonNode v = getJson(unit, "/api/v1/inspections/" + steel);
        assertThat(v.get("secret").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'VIEW_RESTRICTED' and entity_id = :i")
                .param("i", steel.toString()).query(Long.class).single()).isEqualTo(audited + 1);
        // the visit starts: the county sees it now
        ok(postJson(token("yingji-zf1"), "/api/v1/inspections/" + steel + "/start", map("version", v.get("version").asInt())));
        mvc.perform(auth(get("/api/v1/inspections/" + steel), token("zezhou"))).andExpect(status().isOk());
        assertThat(getJson(unit, "/api/v1/inspections/" + steel).get("secret").asBoolean()).isFalse();
    }
}
