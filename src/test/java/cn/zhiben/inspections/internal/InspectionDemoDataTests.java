package cn.zhiben.inspections.internal;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo story is made through the real verbs and shows what the issue lists; the database is left as it was. */
class InspectionDemoDataTests extends IntegrationTest {

    @Autowired
    InspectionDemoData demo;

    @Test
    void demoStoryHasADrawInspectionsWithHazardsDecisionsIncludingOneCaseTwoPenaltiesAndAZeroPenaltyUnit() {
        InspectionDemoData.Story story = demo.seed();
        try {
            assertThat(story.plans()).hasSize(2);
            assertThat(story.inspections()).hasSizeGreaterThanOrEqualTo(5);
            // one 一案双罚: two penalty decisions of one case, on the enterprise and on its principal
            List<String> parties = jdbc.sql("""
                    select party_type from insp_decision where id in (:ids) and kind = 'PENALTY' order by party_type""")
                    .param("ids", story.decisions()).query(String.class).list();
            assertThat(parties).containsExactly("PERSON", "UNIT");
            assertThat(jdbc.sql("select count(distinct case_id) from insp_decision where id in (:ids) and kind = 'PENALTY'")
                    .param("ids", story.decisions()).query(Long.class).single()).isEqualTo(1);
            // findings became hazards of the 部门检查 and expert channels, linked back
            List<String> channels = jdbc.sql("""
                    select h.channel from insp_finding f join hz_hazard h on h.id = f.hazard_id
                    where f.inspection_id in (:ids) order by h.channel""")
                    .param("ids", story.inspections()).query(String.class).list();
            assertThat(channels).contains("SUPERVISION", "EXPERT");
            // the joint plan's target (泽州县's 一级标准化 coal mines) holds the demo mine alone: the draw picks it
            assertThat(jdbc.sql("""
                    select e.name from insp_inspection i join org_enterprise e on e.id = i.enterprise_id
                    where i.id in (:ids) and i.kind = 'JOINT'""")
                    .param("ids", story.inspections()).query(String.class).list())
                    .singleElement().asString().startsWith("泽州示范巴公煤业");
            // the expert's finding on a clause the mine's own monthly check passed: 查不出
            assertThat(jdbc.sql("""
                    select count(*) from insp_finding f join hz_hazard h on h.id = f.hazard_id
                    where f.inspection_id in (:ids) and f.channel = 'EXPERT' and h.self_check_missed
                      and f.self_check_evidence is not null""")
                    .param("ids", story.inspections()).query(Long.class).single()).isEqualTo(1);
            // numbers per unit and year
            assertThat(jdbc.sql("select number from insp_inspection where id in (:ids) and number is not null")
                    .param("ids", story.inspections()).query(String.class).list())
                    .allSatisfy(n -> assertThat(n).matches("晋(泽|市)(应急|能源)检记〔\\d{4}〕\\d+号"));
        } finally {
            cleanUp(story);
        }
    }

    /** Other tests report hazards at the same demo enterprises: the story's open hazards would make them duplicates. */
    private void cleanUp(InspectionDemoData.Story s) {
        List<UUID> hazards = jdbc.sql("select hazard_id from insp_finding where inspection_id in (:ids)")
                .param("ids", s.inspections()).query(UUID.class).list();
        List<UUID> draws = jdbc.sql("select id from insp_draw where plan_id in (:p)").param("p", s.plans()).query(UUID.class).list();
        List<UUID> inspections = jdbc.sql("select id from insp_inspection where id in (:ids) or plan_id in (:p)")
                .param("ids", s.inspections()).param("p", s.plans()).query(UUID.class).list();
        for (String sql : List.of(
                "delete from insp_decision_hazard where decision_id in (select id from insp_decision where inspection_id in (:i))",
                "delete from insp_decision_transition where decision_id in (select id from insp_decision where inspection_id in (:i))",
                "delete from insp_reinspection where inspection_id in (:i)",
                "delete from insp_decision where inspection_id in (:i)",
                "delete from insp_photo where inspection_id in (:i)",
                "delete from insp_signature where inspection_id in (:i)",
                "delete from insp_item where inspection_id in (:i)",
                "delete from insp_finding where inspection_id in (:i)",
                "delete from insp_expert_assignment where inspection_id in (:i)",
                "delete from insp_inspection_transition where inspection_id in (:i)",
                "delete from insp_inspection_officer where inspection_id in (:i)",
                "delete from insp_inspection_unit where inspection_id in (:i)",
                "delete from insp_inspection where id in (:i)")) {
            jdbc.sql(sql).param("i", inspections).update();
        }
        if (!draws.isEmpty()) {
            jdbc.sql("delete from insp_draw where id in (:d)").param("d", draws).update();
        }
        for (String t : List.of("insp_plan_transition", "insp_plan_target", "insp_plan_unit")) {
            jdbc.sql("delete from " + t + " where plan_id in (:p)").param("p", s.plans()).update();
        }
        jdbc.sql("delete from insp_plan where id in (:p)").param("p", s.plans()).update();
        jdbc.sql("delete from insp_self_item where self_inspection_id in (:s)").param("s", s.selfInspections()).update();
        jdbc.sql("delete from insp_self_inspection where id in (:s)").param("s", s.selfInspections()).update();
        if (!hazards.isEmpty()) {
            for (String t : List.of("hz_transition", "hz_plan", "hz_extension", "hz_evaluation", "hz_attachment", "hz_self_check_evidence")) {
                jdbc.sql("delete from " + t + " where hazard_id in (:h)").param("h", hazards).update();
            }
            jdbc.sql("delete from hz_hazard where id in (:h)").param("h", hazards).update();
        }
    }
}
