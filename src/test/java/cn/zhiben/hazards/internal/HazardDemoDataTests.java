package cn.zhiben.hazards.internal;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo hazards are made through the real verbs and show every state a demo user should meet. */
class HazardDemoDataTests extends IntegrationTest {

    @Autowired
    HazardDemoData demo;

    @Test
    void demoHazardsCoverTheStatesOfTheClosedLoopWithConsistentHistories() {
        List<UUID> made = demo.seed();
        try {
            check(made);
        } finally {
            // other tests report on the same demo enterprises; open demo hazards would make their reports duplicates
            for (String table : List.of("hz_transition", "hz_plan", "hz_extension", "hz_evaluation", "hz_attachment",
                    "hz_determination")) {
                jdbc.sql("delete from " + table + " where hazard_id in (:ids)").param("ids", made).update();
            }
            jdbc.sql("delete from hz_hazard where id in (:ids)").param("ids", made).update();
        }
    }

    private void check(List<UUID> made) {
        assertThat(made).hasSize(22);
        List<Map<String, Object>> rows = made.stream().map(id -> jdbc.sql("""
                select status, grade, overdue, review_overdue, listing_level, extension_pending, self_check_missed,
                       possible_duplicate_of, found_on, deadline, step_overdue, listing_ended_level, listing_ended_on,
                       accountability_status, determination, field_code, step_due_on from hz_hazard where id = :id""")
                .param("id", id).query().singleRow()).toList();
        // every state of the loop, each made by the verbs its account would take
        assertThat(rows).extracting(r -> r.get("status")).containsExactly(
                "SIGNED_OFF", "RECTIFYING", "RECTIFYING", "SIGN_OFF_REQUESTED", "CLOSED", "PENDING_PRINCIPAL_CONFIRMATION",
                "RECTIFYING", "SIGN_OFF_REQUESTED", "PENDING_DEPARTMENT_CONFIRMATION", "PENDING_ACKNOWLEDGEMENT",
                "PENDING_ACKNOWLEDGEMENT", "RECTIFYING", "RECTIFYING", "SIGNED_OFF_PENDING_DELISTING", "SIGNED_OFF",
                "REPORTED", "REPORTED", "PENDING_ACKNOWLEDGEMENT", "WITHDRAWN", "RECTIFYING", "MERGED",
                "PENDING_DEPARTMENT_CONFIRMATION");
        LocalDate today = LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
        assertThat(rows.get(9).get("listing_level")).as("省级挂牌 while unacknowledged").isEqualTo("PROVINCE");
        assertThat(rows.get(9).get("accountability_status")).isEqualTo("OPEN");
        assertThat(rows.get(10).get("accountability_status")).isEqualTo("CLOSED");
        assertThat(rows.get(13).get("listing_level")).isEqualTo("COUNTY");
        assertThat(rows.get(13).get("step_overdue")).as("摘牌 confirmation still in time").isEqualTo(false);
        assertThat(rows.get(14).get("listing_ended_level")).isEqualTo("COUNTY");
        assertThat((java.sql.Date) rows.get(14).get("listing_ended_on")).isBefore(java.sql.Date.valueOf(today));
        assertThat(rows.get(15).get("listing_level")).as("提级督办").isEqualTo("CITY");
        assertThat(rows.get(16).get("step_overdue")).as("acknowledged by default, the plan's deadline runs").isEqualTo(false);
        assertThat(jdbc.sql("select string_agg(action, ',' order by id) from hz_transition where hazard_id = :id")
                .param("id", made.get(16)).query(String.class).single()).contains("MARK_STEP_OVERDUE,ACKNOWLEDGED_BY_DEFAULT");
        assertThat(rows.get(17).get("determination")).isEqualTo(true);
        assertThat(rows.get(17).get("field_code")).isEqualTo("fire");
        assertThat(rows.get(19).get("grade")).as("regraded").isEqualTo("GENERAL");
        assertThat(rows.get(21).get("step_overdue")).as("nobody confirmed it in time").isEqualTo(true);
        assertThat(rows.get(1).get("listing_level")).isEqualTo("COUNTY");
        assertThat(rows.get(2).get("overdue")).isEqualTo(true);
        assertThat((java.sql.Date) rows.get(2).get("deadline")).isBefore(java.sql.Date.valueOf(LocalDate.now(clock)));
        assertThat(rows.get(3).get("review_overdue")).isEqualTo(true);
        assertThat(rows.get(6).get("extension_pending")).isEqualTo(true);
        assertThat(rows.get(7).get("listing_level")).isEqualTo("CITY");
        assertThat(rows.get(8).get("possible_duplicate_of")).isEqualTo(made.get(6));
        assertThat(rows.get(10).get("self_check_missed")).isEqualTo(true);
        assertThat(rows.get(1).get("listing_level")).isEqualTo("COUNTY");
        assertThat(jdbc.sql("select count(*) from hz_transition where hazard_id = :id and action = 'REMIND'")
                .param("id", made.get(1)).query(Long.class).single()).isEqualTo(1);

        // the timeline of the full loop runs forward in time, after the finding and before now
        UUID full = made.get(0);
        List<Instant> times = jdbc.sql("select at from hz_transition where hazard_id = :id order by id").param("id", full)
                .query(java.sql.Timestamp.class).list().stream().map(java.sql.Timestamp::toInstant).toList();
        assertThat(times).hasSizeGreaterThanOrEqualTo(10).isSorted();
        // spread over weeks, not made within a second; finished weeks ago
        assertThat(java.time.Duration.between(times.get(0), times.get(times.size() - 1)).toDays()).isGreaterThanOrEqualTo(45);
        assertThat(times.get(times.size() - 1)).isBefore(clock.instant().minus(java.time.Duration.ofDays(20)));
        // the plan and the evaluation carry the times of their steps; the report lag is counted from the finding
        assertThat(jdbc.sql("select filed_at = (select at from hz_transition where hazard_id = :id and action = 'FILE_PLAN') from hz_plan where hazard_id = :id")
                .param("id", full).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select report_lag_hours from hz_hazard where id = :id").param("id", full).query(Integer.class).single())
                .isBetween(48, 24 * 5);
        assertThat(times).allSatisfy(t -> assertThat(t.atZone(cn.zhiben.platform.PlatformConfiguration.ZONE).getHour()).isBetween(9, 16));
        // a date written into a step's reason moved with the step
        LocalDate extendedTo = jdbc.sql("select requested_deadline from hz_extension where hazard_id = :id").param("id", full)
                .query(LocalDate.class).single();
        assertThat(jdbc.sql("select reason from hz_transition where hazard_id = :id and action = 'REQUEST_EXTENSION'")
                .param("id", full).query(String.class).single()).contains(extendedTo.toString());
        LocalDate found = jdbc.sql("select found_on from hz_hazard where id = :id").param("id", full).query(LocalDate.class).single();
        assertThat(times.get(0)).isAfter(found.atStartOfDay(cn.zhiben.platform.PlatformConfiguration.ZONE).toInstant());
        assertThat(jdbc.sql("select string_agg(action, ',' order by id) from hz_transition where hazard_id = :id")
                .param("id", full).query(String.class).single())
                .isEqualTo("REPORT,CONFIRM_DEPARTMENT,CONFIRM_PRINCIPAL,FILE_PLAN,REPORT_PROGRESS,REQUEST_EXTENSION,"
                        + "APPROVE_EXTENSION,COMPLETE,EVALUATE,REQUEST_SIGN_OFF,SIGN_OFF");
        // the messages sent while the story was made agree with the moved timeline (issue 10 item 9): the enterprise's
        // "延期申请已批准" carries the extended deadline the timeline shows and the time of the decision
        UUID qiye = jdbc.sql("select id from idn_user where username = 'qiye'").query(UUID.class).single();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                        select count(*) from ntf_message where recipient_user_id = :u and link = :link and redated
                        and category in ('HAZARD', 'HAZARD_EXTENSION', 'HAZARD_SIGNED_OFF')""")
                .param("u", qiye).param("link", "/hazards/" + full).query(Long.class).single()).isEqualTo(3));
        assertThat(jdbc.sql("select body from ntf_message where recipient_user_id = :u and link = :link and category = 'HAZARD_EXTENSION'")
                .param("u", qiye).param("link", "/hazards/" + full).query(String.class).single())
                .contains("延至 " + extendedTo).startsWith("贵单位");
        assertThat(jdbc.sql("""
                        select m.created_at = (select at from hz_transition where hazard_id = :id and action = 'APPROVE_EXTENSION')
                        from ntf_message m where m.recipient_user_id = :u and m.link = :link and m.category = 'HAZARD_EXTENSION'""")
                .param("id", full).param("u", qiye).param("link", "/hazards/" + full).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select body from ntf_message where recipient_user_id = :u and link = :link and category = 'HAZARD'")
                .param("u", qiye).param("link", "/hazards/" + full).query(String.class).single())
                .contains("发现日期 " + found).doesNotContain("督促");
        assertThat(jdbc.sql("""
                        select m.body from ntf_message m join idn_user u on u.id = m.recipient_user_id
                        where m.link = :link and m.category = 'HAZARD' and u.enterprise_id is null limit 1""")
                .param("link", "/hazards/" + full).query(String.class).single())
                .contains("请及时督促整改").contains("发现日期 " + found);
        // made by the demo accounts who would take each step
        assertThat(jdbc.sql("select distinct actor_name from hz_transition where hazard_id = :id and action = 'SIGN_OFF'")
                .param("id", full).query(String.class).single()).contains("泽州");
        // each cites the clause its description is about
        assertThat(jdbc.sql("select clause_label from hz_hazard where id = :id").param("id", made.get(1)).query(String.class).single())
                .contains("第 14.1 条");
    }
}
