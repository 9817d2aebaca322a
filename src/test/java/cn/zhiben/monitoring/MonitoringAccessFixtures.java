package cn.zhiben.monitoring;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.monitoring.internal.AlarmService;
import cn.zhiben.monitoring.internal.PointKind;
import cn.zhiben.monitoring.internal.PointService;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.support.AccessFixture;
import cn.zhiben.support.ScopeSamples;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The monitoring module's fixtures of the access table (docs/access-table.md). For every enterprise a row needs, one
 * site is made by the city office: a device with a combustible-gas point and an electricity point, and a gas alarm
 * raised by real readings through the device upload, cleared, and handled to its end (responded, analysed, verified
 * 不属实, closed) — a final state: every verb passes the rights check and is then refused (409), conversion too (only a
 * real alarm converts), so nothing a request of the table does changes it.
 */
final class MonitoringAccessFixtures {

    private MonitoringAccessFixtures() {
    }

    record Site(UUID enterpriseId, UUID deviceId, UUID pointId, UUID alarmId, int alarmVersion) {
    }

    /** Sites by enterprise, shared by the four fixtures (each is created on its own by the access test). */
    private static final Map<UUID, Site> SITES = new ConcurrentHashMap<>();

    /** Makes the sites through the real services and the device upload; one per enterprise for the whole run. */
    static final class Sites {
        private final JdbcClient jdbc;
        private final MockMvc mvc;
        private final PointService points;
        private final AlarmService alarms;
        private final AccountDirectory accounts;
        private final Clock clock;

        Sites(JdbcClient jdbc, MockMvc mvc, PointService points, AlarmService alarms, AccountDirectory accounts, Clock clock) {
            this.jdbc = jdbc;
            this.mvc = mvc;
            this.points = points;
            this.alarms = alarms;
            this.accounts = accounts;
            this.clock = clock;
        }

        Site at(UUID enterpriseId) {
            return SITES.computeIfAbsent(enterpriseId, this::make);
        }

        Optional<Site> inside(CurrentUser caller) {
            return ScopeSamples.enterpriseInside(jdbc, caller).map(this::at);
        }

        Optional<Site> outside(CurrentUser caller) {
            return ScopeSamples.enterpriseOutside(jdbc, caller).map(this::at);
        }

        Site any() {
            return at(ScopeSamples.enterpriseOf(jdbc, "qiye"));
        }

        private Site make(UUID enterpriseId) {
            String prefix = "ACC-" + UUID.randomUUID().toString().substring(0, 8);
            PointService.CreatedDevice device = accounts.runAs("city", () ->
                    points.createDevice(new PointService.NewDevice(enterpriseId, prefix + "-GW", "访问表检查分站")));
            UUID gas = accounts.runAs("city", () -> points.createPoint(new PointService.NewPoint(device.code(), prefix + "-LEL",
                    "访问表检查可燃气体", PointKind.COMBUSTIBLE_GAS, "*", "访问表检查位置", null, null, null, null, null, null)));
            accounts.runAs("city", () -> points.createPoint(new PointService.NewPoint(device.code(), prefix + "-KW",
                    "访问表检查用电负荷", PointKind.ELECTRIC_POWER, "*", "访问表检查配电室", null, null, null, null, null, null)));
            // GB/T 50493 level 1 (25 %LEL) raised, then cleared
            Instant t = clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
            upload(device, "{\"readings\":[" + reading(prefix + "-LEL", 1, t, 5) + "," + reading(prefix + "-LEL", 2, t.plusSeconds(30), 30)
                    + "," + reading(prefix + "-LEL", 3, t.plusSeconds(60), 5) + "]}");
            UUID alarm = jdbc.sql("select id from mon_alarm where point_id = :p").param("p", gas).query(UUID.class).single();
            accounts.runAs("city", () -> {
                alarms.respond(alarm, version(alarm), "访问表检查");
                alarms.analyse(alarm, version(alarm), "访问表检查：研判");
                alarms.verify(alarm, version(alarm), Verdict.FALSE, "访问表检查：现场无泄漏");
                alarms.close(alarm, version(alarm), "访问表检查：已关闭");
                return null;
            });
            return new Site(enterpriseId, device.id(), gas, alarm, version(alarm));
        }

        private int version(UUID alarm) {
            return jdbc.sql("select version from mon_alarm where id = :id").param("id", alarm).query(Integer.class).single();
        }

        private void upload(PointService.CreatedDevice device, String json) {
            try {
                String basic = Base64.getEncoder().encodeToString((device.code() + ":" + device.secret()).getBytes(StandardCharsets.UTF_8));
                MvcResult r = mvc.perform(post("/api/v1/monitoring/ingest").header("Authorization", "Basic " + basic)
                        .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
                if (r.getResponse().getStatus() != 200) {
                    throw new IllegalStateException("fixture upload answered " + r.getResponse().getStatus() + ": "
                            + r.getResponse().getContentAsString(StandardCharsets.UTF_8));
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static String reading(String point, long seq, Instant ts, double value) {
            return "{\"point\":\"" + point + "\",\"seq\":" + seq + ",\"ts\":\"" + ts + "\",\"value\":" + value + "}";
        }
    }

    /** Common shape: the values of the site of an enterprise inside / outside the caller's scope. */
    abstract static class SiteFixture implements AccessFixture {
        private final Sites sites;

        SiteFixture(Sites sites) {
            this.sites = sites;
        }

        abstract Map<String, String> values(Site site);

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            return sites.inside(caller).map(this::values);
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return sites.outside(caller).map(this::values);
        }

        @Override
        public Map<String, String> any() {
            return values(sites.any());
        }
    }

    /** "monitoring-point": a combustible-gas point. Value: id. */
    static class Point extends SiteFixture {
        Point(JdbcClient jdbc, MockMvc mvc, PointService points, AlarmService alarms, AccountDirectory accounts, Clock clock) {
            super(new Sites(jdbc, mvc, points, alarms, accounts, clock));
        }

        @Override
        public String name() {
            return "monitoring-point";
        }

        @Override
        Map<String, String> values(Site site) {
            return Map.of("id", site.pointId().toString());
        }
    }

    /** "monitoring-alarm": the closed alarm (不属实) of that point. Values: id, version. */
    static class Alarm extends SiteFixture {
        Alarm(JdbcClient jdbc, MockMvc mvc, PointService points, AlarmService alarms, AccountDirectory accounts, Clock clock) {
            super(new Sites(jdbc, mvc, points, alarms, accounts, clock));
        }

        @Override
        public String name() {
            return "monitoring-alarm";
        }

        @Override
        Map<String, String> values(Site site) {
            return Map.of("id", site.alarmId().toString(), "version", Integer.toString(site.alarmVersion()));
        }
    }

    /** "monitoring-device": the site's device (rotating its secret harms no other test). Value: id. */
    static class Device extends SiteFixture {
        Device(JdbcClient jdbc, MockMvc mvc, PointService points, AlarmService alarms, AccountDirectory accounts, Clock clock) {
            super(new Sites(jdbc, mvc, points, alarms, accounts, clock));
        }

        @Override
        public String name() {
            return "monitoring-device";
        }

        @Override
        Map<String, String> values(Site site) {
            return Map.of("id", site.deviceId().toString());
        }
    }

    /** "monitoring-enterprise": an enterprise with points (an electricity point among them). Value: id. */
    static class Enterprise extends SiteFixture {
        Enterprise(JdbcClient jdbc, MockMvc mvc, PointService points, AlarmService alarms, AccountDirectory accounts, Clock clock) {
            super(new Sites(jdbc, mvc, points, alarms, accounts, clock));
        }

        @Override
        public String name() {
            return "monitoring-enterprise";
        }

        @Override
        Map<String, String> values(Site site) {
            return Map.of("id", site.enterpriseId().toString());
        }
    }
}
