package cn.zhiben.hazards.internal.reports;

import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Demo reports (demo mode, first start, with the demo hazards): for the latest quarter collected, the demo coal mine's
 * report prepared and signed before its due date, the demo chemical plant's prepared and waiting for its principal —
 * so the enterprise pages, the principal's signature and the governments' late list all have something to show. Made
 * through the real verbs as the demo accounts, then dated back to when such a report would have been made.
 */
@Component
@Order(31)
class ReportDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportDemoData.class);
    private final PlatformProperties platform;
    private final boolean enabled;
    private final EnterpriseReports reports;
    private final AccountDirectory accounts;
    private final HazardsProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReportDemoData(PlatformProperties platform, @Value("${zhiben.hazards.demo-data:true}") boolean enabled,
                   EnterpriseReports reports, AccountDirectory accounts, HazardsProperties properties, JdbcClient jdbc,
                   Clock clock) {
        this.platform = platform;
        this.enabled = enabled;
        this.reports = reports;
        this.accounts = accounts;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!platform.demo() || !enabled || jdbc.sql("select exists (select 1 from hz_report)").query(Boolean.class).single()) {
            return;
        }
        seed();
    }

    /** Makes the demo reports of the latest quarter collected; returns it (null if none has ended yet). */
    ReportPeriod seed() {
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        ReportPeriod quarter = ReportPeriod.ended(properties.reports(), today).stream().filter(p -> !p.annual())
                .findFirst().orElse(null);
        if (quarter == null) {
            return null;
        }
        LocalDate due = quarter.dueOn(properties.reports());
        String analysis = quarter.label() + "，本矿按“季查、月查、周查、日查”开展隐患排查，重大事故隐患均已制定整改方案并落实“五到位”；"
                + "主要问题集中在通风、供电和瓦斯抽采系统，下季度将加强机电设备检修和抽采达标评判。（演示数据）";
        UUID signed = accounts.runAs("qiye", () -> reports.prepare(CurrentUser.require(), quarter.code(), analysis));
        // a few days before the due date, or now if that is still to come
        Instant signedAt = min(due.minusDays(3).atTime(LocalTime.of(15, 0)).atZone(PlatformConfiguration.ZONE).toInstant());
        Instant preparedAt = min(signedAt.minusSeconds(3 * 24 * 3600L));
        redate(signed, preparedAt, "PREPARE");
        accounts.runAs("qiye-fzr", () -> {
            reports.sign(CurrentUser.require(), signed, version(signed));
            return null;
        });
        redate(signed, signedAt, "SIGN");
        UUID waiting = accounts.runAs("qiye-huagong", () -> reports.prepare(CurrentUser.require(), quarter.code(),
                quarter.label() + "，本企业隐患排查治理总体受控，液化烃罐区联锁改造按计划推进。（演示数据）"));
        redate(waiting, preparedAt, "PREPARE");
        log.info("demo mode: demo hazard reports of {} created", quarter.code());
        return quarter;
    }

    private Instant min(Instant at) {
        Instant now = clock.instant();
        return at.isAfter(now) ? now : at;
    }

    private int version(UUID id) {
        return jdbc.sql("select version from hz_report where id = :id").param("id", id).query(Integer.class).single();
    }

    /** Dates a demo report's step (and the report's own time of it) back, right after it was made. */
    private void redate(UUID id, Instant at, String action) {
        jdbc.sql("update hz_report_step set at = :at where report_id = :id and action = :a")
                .param("at", Timestamp.from(at)).param("id", id).param("a", action).update();
        jdbc.sql(action.equals("SIGN") ? "update hz_report set signed_at = :at, updated_at = :at where id = :id"
                        : "update hz_report set prepared_at = :at, created_at = :at, updated_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }
}
