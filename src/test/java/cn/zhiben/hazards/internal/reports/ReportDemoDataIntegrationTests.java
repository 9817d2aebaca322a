package cn.zhiben.hazards.internal.reports;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo reports: the coal mine's signed on time, the chemical plant's waiting for its principal. */
class ReportDemoDataIntegrationTests extends IntegrationTest {

    @Autowired
    ReportDemoData demo;

    @Test
    void theDemoShowsAReportSignedOnTimeAndOneAwaitingItsPrincipal() {
        clock.set(Instant.parse("2028-02-01T02:00:00Z"));
        ReportPeriod quarter = demo.seed();
        assertThat(quarter.code()).isEqualTo("2027Q4");
        var rows = jdbc.sql("""
                select r.enterprise_name, r.status, r.signed_at, r.due_on, r.prepared_at from hz_report r
                where r.period = '2027Q4' order by r.enterprise_name""")
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getDate(4), rs.getTimestamp(5)})
                .list();
        assertThat(rows).hasSize(2);
        Object[] bagong = rows.stream().filter(r -> ((String) r[0]).startsWith("泽州示范巴公")).findFirst().orElseThrow();
        assertThat(bagong[1]).isEqualTo("SUBMITTED");
        assertThat(quarter.late(((java.sql.Timestamp) bagong[2]).toInstant(), cn.zhiben.hazards.HazardsProperties.Reports.defaults()))
                .isFalse();
        assertThat(((java.sql.Timestamp) bagong[4]).toInstant()).isBefore(((java.sql.Timestamp) bagong[2]).toInstant());
        Object[] chemical = rows.stream().filter(r -> ((String) r[0]).startsWith("晋城示范煤化工")).findFirst().orElseThrow();
        assertThat(chemical[1]).isEqualTo("PREPARED");
    }
}
