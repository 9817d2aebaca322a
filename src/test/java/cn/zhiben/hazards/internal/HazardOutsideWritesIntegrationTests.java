package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writes to a hazard made outside its verbs — the demo's back-dating, the field backfill — make a new version and
 * publish its snapshot, so the read models kept by HazardChanged (analytics' an_hazard) say what hz_hazard says.
 */
class HazardOutsideWritesIntegrationTests extends IntegrationTest {

    @Autowired
    HazardService service;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    HazardDemoData demo;
    @Autowired
    HazardFieldBackfill backfill;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
    }

    private UUID coalMine() {
        return jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
    }

    private int version(UUID id) {
        return jdbc.sql("select version from hz_hazard where id = :id").param("id", id).query(Integer.class).single();
    }

    private void awaitReadModelAt(UUID id, int version) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select version from an_hazard where hazard_id = :id").param("id", id).query(Integer.class).optional())
                .contains(version));
    }

    @Test
    void aBackDatedDemoHazardReachesTheReadModelsWithItsMovedDates() {
        UUID id = accounts.runAs("qiye", () -> service.report(new HazardService.NewHazard(coalMine(), Channel.SELF_INSPECTION,
                Grade.GENERAL, null, "井下配电点灭火器压力不足", "二采区配电点", today(), "机电科 李工", Shutdown.NONE,
                false, false, today().plusDays(10))));
        int before = version(id);
        awaitReadModelAt(id, before);

        demo.shiftBack(id, 30, 5);

        assertThat(version(id)).as("the move is a new version").isEqualTo(before + 1);
        awaitReadModelAt(id, before + 1);
        Map<String, Object> read = jdbc.sql("select found_on, deadline, created_at from an_hazard where hazard_id = :id")
                .param("id", id).query().singleRow();
        Map<String, Object> row = jdbc.sql("select found_on, deadline, created_at from hz_hazard where id = :id")
                .param("id", id).query().singleRow();
        assertThat(read).isEqualTo(row);
        assertThat(read.get("found_on")).isEqualTo(java.sql.Date.valueOf(today().minusDays(30)));
    }

    @Test
    void aHazardGivenItsFieldByTheBackfillIsANewVersionTheReadModelsSee() {
        // a GB 35181-2017 clause (all industries, fire field) cited for a coal mine before the 2025 edition
        UUID fireClause = jdbc.sql("select id from std_clause where id = md5('clause:fire-2017:6.6')::uuid")
                .query(UUID.class).single();
        UUID id = accounts.runAs("qiye", () -> service.report(new HazardService.NewHazard(coalMine(), Channel.SELF_INSPECTION,
                Grade.MAJOR, fireClause, "地面仓库未设置自动喷水灭火系统", "地面材料库", LocalDate.of(2025, 10, 30),
                "安全科 张工", Shutdown.NONE, false, false, null)));
        // as recorded before a hazard had a field of its own
        jdbc.sql("update hz_hazard set field_code = null where id = :id").param("id", id).update();
        int before = version(id);

        backfill.run(null);

        assertThat(jdbc.sql("select field_code from hz_hazard where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("fire");
        assertThat(version(id)).isEqualTo(before + 1);
        awaitReadModelAt(id, before + 1);
        assertThat(jdbc.sql("select field_code from an_hazard where hazard_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("fire");
    }
}
