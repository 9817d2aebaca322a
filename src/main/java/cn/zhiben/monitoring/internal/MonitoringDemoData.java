package cn.zhiben.monitoring.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.monitoring.MonitoringProperties;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Demo devices and points (demo mode, first start only, zhiben.monitoring.demo-data=false to skip), made through
 * {@link PointService} as the city office account, and seven days of electricity history uploaded through the
 * ingestion pipeline (so the idle baselines are learned the real way). Live values then come from the simulator.
 */
@Component
@Order(40)
class MonitoringDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MonitoringDemoData.class);
    static final Duration HISTORY = Duration.ofDays(7);
    private final PlatformProperties platform;
    private final MonitoringProperties properties;
    private final PointService points;
    private final PointRegistry registry;
    private final IngestPipeline pipeline;
    private final AccountDirectory accounts;
    private final EnterpriseDirectory enterprises;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    MonitoringDemoData(PlatformProperties platform, MonitoringProperties properties, PointService points,
                       PointRegistry registry, IngestPipeline pipeline, AccountDirectory accounts,
                       EnterpriseDirectory enterprises, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.platform = platform;
        this.properties = properties;
        this.points = points;
        this.registry = registry;
        this.pipeline = pipeline;
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!platform.demo() || !properties.demoData()) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from mon_device where demo)").query(Boolean.class).single()) {
            return;
        }
        int made = accounts.runAs("city", () -> {
            int n = 0;
            for (DemoScenario.Device d : DemoScenario.DEVICES) {
                EnterpriseRef e = enterprises.demoEnterprises(d.industry()).stream()
                        .filter(x -> x.name().startsWith(d.enterprise())).findFirst().orElse(null);
                if (e == null) {
                    log.warn("demo monitoring: no demo enterprise {}", d.enterprise());
                    continue;
                }
                points.createDevice(new PointService.NewDevice(e.id(), d.code(), d.name()), DemoScenario.DEMO_SECRET, true);
                for (DemoScenario.Point p : d.points()) {
                    points.createDemoPoint(new PointService.NewPoint(d.code(), p.code(), p.name(), p.kind(), p.locationType(),
                            p.location(), p.rangeMin(), p.rangeMax(), p.high(), p.highHigh(), null, null));
                    n++;
                }
            }
            return n;
        });
        int history = backfillElectricity();
        audit.recordIndependently(AuditEntry.success(AuditAction.CREATE, "monitoring-demo", null,
                Map.of("demoPoints", made, "electricityHistoryReadings", history))
                .by(new AuditEntry.Actor(null, "system", null, null)));
        log.info("demo mode: {} demo monitoring points, {} readings of electricity history", made, history);
    }

    /** Seven days of 5-minute electricity readings, as the meters would have sent them. */
    private int backfillElectricity() {
        Instant now = clock.instant();
        Instant from = now.minus(HISTORY);
        List<Reading> all = new ArrayList<>();
        for (DemoScenario.Device d : DemoScenario.DEVICES) {
            for (DemoScenario.Point p : d.points()) {
                if (!p.kind().electricity()) {
                    continue;
                }
                PointInfo info = registry.point(p.code()).orElse(null);
                if (info == null) {
                    continue;
                }
                for (Instant t = from; t.isBefore(now.minus(Duration.ofMinutes(30))); t = t.plus(Duration.ofMinutes(5))) {
                    double v = p.behaviour() == DemoScenario.Behaviour.ELECTRIC_PRODUCING
                            ? DemoScenario.producing(p, t) : DemoScenario.value(p, t, false);
                    all.add(new Reading(info, t.toEpochMilli(), t, v, now));
                }
            }
        }
        for (int i = 0; i < all.size(); i += 2000) {
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            pipeline.submit(all.subList(i, Math.min(all.size(), i + 2000)), done::complete);
            try {
                if (!Boolean.TRUE.equals(done.get(60, TimeUnit.SECONDS))) {
                    log.warn("demo monitoring: electricity history not stored");
                    return i;
                }
            } catch (Exception e) {
                log.warn("demo monitoring: electricity history not stored: {}", e.toString());
                return i;
            }
        }
        return all.size();
    }
}
