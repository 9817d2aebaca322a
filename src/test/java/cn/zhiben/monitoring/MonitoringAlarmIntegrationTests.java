package cn.zhiben.monitoring;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardDirectory;
import cn.zhiben.inspections.InspectionEvents;
import cn.zhiben.monitoring.internal.Aggregates;
import cn.zhiben.monitoring.internal.AlarmService;
import cn.zhiben.monitoring.internal.ElectricityMonitor;
import cn.zhiben.monitoring.internal.PointKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class MonitoringAlarmIntegrationTests extends MonitoringTestSupport {

    @Autowired
    AlarmService alarmService;
    @Autowired
    HazardDirectory hazards;
    @Autowired
    ElectricityMonitor electricity;
    @Autowired
    Aggregates aggregates;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager txManager;

    private UUID raiseMethaneAlarm(Setup s) throws Exception {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
        send(s, batch(reading(s.code("CH4"), 1, t, 0.4), reading(s.code("CH4"), 2, t.plusSeconds(240), 1.2)));
        return alarms(s.id("CH4")).get(0).id();
    }

    private JsonNode act(String token, UUID alarm, String verb, String body) throws Exception {
        MvcResult r = mvc.perform(auth(post("/api/v1/monitoring/alarms/" + alarm + "/" + verb), token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        JsonNode n = json(r.getResponse().getContentAsString());
        return json("{\"status\":" + r.getResponse().getStatus() + ",\"body\":" + (n == null ? "null" : n.toString()) + "}");
    }

    private int version(UUID alarm) {
        return jdbc.sql("select version from mon_alarm where id = :id").param("id", alarm).query(Integer.class).single();
    }

    @Test
    void anOfficialRespondsAnalysesVerifiesConvertsOnceAndClosesWithATimeline() throws Exception {
        Setup s = setup(PointSpec.of("CH4", PointKind.METHANE, "LW_FACE"));
        UUID alarm = raiseMethaneAlarm(s);
        String official = token("zezhou-yingji");
        String enterprise = token("qiye");

        // the enterprise sees its alarm but does not handle it (AlarmPolicy)
        JsonNode detail = json(mvc.perform(auth(get("/api/v1/monitoring/alarms/" + alarm), enterprise)).andReturn().getResponse().getContentAsString());
        assertThat(detail.get("actions")).isEmpty();
        assertThat(act(enterprise, alarm, "respond", "{\"version\":" + version(alarm) + "}").get("status").asInt()).isEqualTo(403);

        detail = json(mvc.perform(auth(get("/api/v1/monitoring/alarms/" + alarm), official)).andReturn().getResponse().getContentAsString());
        assertThat(detail.get("actions").toString()).isEqualTo("[\"RESPOND\"]");
        // out of order: verifying before the analysis is an illegal move (409), a stale version is a conflict too
        assertThat(act(official, alarm, "verify", "{\"version\":" + version(alarm) + ",\"verdict\":\"TRUE\",\"text\":\"现场属实\"}")
                .get("status").asInt()).isEqualTo(409);
        assertThat(act(official, alarm, "respond", "{\"version\":" + (version(alarm) + 5) + "}").get("body").get("code").asString())
                .isEqualTo("CONCURRENT_MODIFICATION");

        assertThat(act(official, alarm, "respond", "{\"version\":" + version(alarm) + ",\"text\":\"已通知矿调度\"}").get("status").asInt()).isEqualTo(200);
        assertThat(act(official, alarm, "analyse", "{\"version\":" + version(alarm) + "}").get("body").get("code").asString())
                .isEqualTo("ALARM_REASON_REQUIRED");
        assertThat(act(official, alarm, "analyse", "{\"version\":" + version(alarm) + ",\"text\":\"回采期间瓦斯涌出增大，抽采不足\"}").get("status").asInt()).isEqualTo(200);
        // a converted alarm must be a real one: not before the check
        assertThat(act(official, alarm, "convert", "{\"grade\":\"GENERAL\",\"deadline\":\"" + LocalDate.now().plusDays(10) + "\"}")
                .get("status").asInt()).isEqualTo(409);
        assertThat(act(official, alarm, "verify", "{\"version\":" + version(alarm) + ",\"verdict\":\"PARTLY_TRUE\",\"text\":\"甲烷超限属实，断电执行正常\"}")
                .get("status").asInt()).isEqualTo(200);

        JsonNode first = act(official, alarm, "convert", "{\"grade\":\"GENERAL\",\"deadline\":\"" + LocalDate.now().plusDays(10) + "\"}");
        JsonNode again = act(official, alarm, "convert", "{\"grade\":\"GENERAL\",\"deadline\":\"" + LocalDate.now().plusDays(10) + "\"}");
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(first.get("body").get("created").asBoolean()).isTrue();
        assertThat(again.get("body").get("hazardId").asString()).isEqualTo(first.get("body").get("hazardId").asString());
        assertThat(again.get("body").get("created").asBoolean()).isFalse();
        // linked both ways: the hazard names the alarm as its source, the alarm the hazard
        var h = hazards.fromSource("monitoring", alarm.toString());
        assertThat(h).singleElement().satisfies(x -> {
            assertThat(x.channel()).isEqualTo(Channel.MONITORING);
            assertThat(x.grade()).isEqualTo(Grade.GENERAL);
            assertThat(x.id().toString()).isEqualTo(first.get("body").get("hazardId").asString());
        });

        assertThat(act(official, alarm, "close", "{\"version\":" + version(alarm) + ",\"text\":\"已转隐患闭环整改\"}").get("status").asInt()).isEqualTo(200);
        assertThat(act(official, alarm, "close", "{\"version\":" + version(alarm) + ",\"text\":\"再关一次\"}").get("status").asInt()).isEqualTo(409);
        detail = json(mvc.perform(auth(get("/api/v1/monitoring/alarms/" + alarm), official)).andReturn().getResponse().getContentAsString());
        List<String> steps = new ArrayList<>();
        detail.get("timeline").forEach(x -> steps.add(x.get("action").asString()));
        assertThat(steps).containsExactly("RAISE", "RESPOND", "ANALYSE", "VERIFY", "CONVERT", "CLOSE");
        assertThat(detail.get("alarm").get("hazardNumber").asString()).isEqualTo(h.get(0).number());
    }

    @Test
    void aTownshipElsewhereInTheCountyDoesNotSeeTheMinesAlarm() throws Exception {
        Setup s = setup(PointSpec.of("CH4", PointKind.METHANE, "LW_FACE"));
        UUID alarm = raiseMethaneAlarm(s);
        String township = token("nancun");
        // 南村镇 is not where 巴公煤业 lies: outside its scope the alarm does not exist
        assertThat(mvc.perform(auth(get("/api/v1/monitoring/alarms/" + alarm), township)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void anAlarmNobodyRespondsToIsEscalatedOnceAfterItsLevelsResponseTime() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(start);
        Setup s = setup(PointSpec.of("CH4", PointKind.METHANE, "LW_FACE"));
        send(s, batch(reading(s.code("CH4"), 1, start.minusSeconds(240), 0.4), reading(s.code("CH4"), 2, start.minusSeconds(1), 1.6)));
        UUID red = alarms(s.id("CH4")).stream().filter(a -> a.level().equals("RED")).findFirst().orElseThrow().id();
        UUID orange = alarms(s.id("CH4")).stream().filter(a -> a.level().equals("ORANGE")).findFirst().orElseThrow().id();
        clock.advance(Duration.ofMinutes(14));
        alarmService.escalateOverdue();
        assertThat(escalated(red)).isFalse();
        clock.advance(Duration.ofMinutes(2)); // 16 minutes: past red's 15, not orange's 30
        alarmService.escalateOverdue();
        alarmService.escalateOverdue();
        assertThat(escalated(red)).isTrue();
        assertThat(escalated(orange)).isFalse();
        assertThat(jdbc.sql("select count(*) from mon_alarm_transition where alarm_id = :a and action = 'ESCALATE'")
                .param("a", red).query(Long.class).single()).isEqualTo(1);
    }

    private boolean escalated(UUID alarm) {
        return jdbc.sql("select escalated_at is not null from mon_alarm where id = :id").param("id", alarm).query(Boolean.class).single();
    }

    @Test
    void electricityWellAboveTheIdleBaselineDuringAShutdownOrderIsSuspectedIllegalProduction() throws Exception {
        var mine = demoEnterprise("mine.coal", "阳城示范润城煤业");
        Setup s = setup(mine, PointSpec.of("KW", PointKind.ELECTRIC_POWER, "*"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // four days of history: 700 kW at night, 2500 kW by day, every 5 minutes
        List<String> history = new ArrayList<>();
        long seq = 1;
        for (Instant t = now.minus(Duration.ofDays(4)); t.isBefore(now.minus(Duration.ofHours(2))); t = t.plus(Duration.ofMinutes(5))) {
            int hour = t.atZone(java.time.ZoneId.of("Asia/Shanghai")).getHour();
            history.add(reading(s.code("KW"), seq++, t, hour >= 7 && hour < 23 ? 2500 : 700));
            if (history.size() == 500) {
                send(s, batch(history.toArray(String[]::new)));
                history.clear();
            }
        }
        send(s, batch(history.toArray(String[]::new)));
        aggregates.run();
        // producing now at 1800 kW
        send(s, batch(reading(s.code("KW"), seq++, now.minus(Duration.ofMinutes(20)), 1800), reading(s.code("KW"), seq++, now.minus(Duration.ofMinutes(10)), 1800)));
        electricity.run();
        assertThat(enterpriseAlarms(mine.id())).as("producing without an order is lawful").isEmpty();

        UUID decision = UUID.randomUUID();
        new TransactionTemplate(txManager).executeWithoutResult(st -> events.publishEvent(
                new InspectionEvents.ShutdownOrdered(decision, mine.id(), false, LocalDate.now().minusDays(1), Instant.now())));
        waitFor(() -> jdbc.sql("select count(*) from mon_shutdown where source_key = :k").param("k", "decision:" + decision)
                .query(Long.class).single() == 1);
        electricity.run();
        electricity.run();
        assertThat(enterpriseAlarms(mine.id())).singleElement().satisfies(a -> {
            assertThat(a[0]).isEqualTo("ELECTRICITY_SHUTDOWN");
            assertThat(a[1]).isNull();
        });
        var status = electricity.status(mine.id()).orElseThrow();
        assertThat(status.baselineKw().getAsDouble()).isEqualTo(700.0);
        assertThat(status.suspected()).isTrue();

        // the order is lifted (delivered twice, as a redelivery after a crash would): the condition clears
        for (int i = 0; i < 2; i++) {
            new TransactionTemplate(txManager).executeWithoutResult(st -> events.publishEvent(
                    new InspectionEvents.ShutdownLifted(decision, mine.id(), LocalDate.now(), Instant.now())));
        }
        waitFor(() -> jdbc.sql("select lifted_on is not null from mon_shutdown where source_key = :k").param("k", "decision:" + decision)
                .query(Boolean.class).single());
        electricity.run();
        assertThat(enterpriseAlarms(mine.id())).singleElement().satisfies(a -> assertThat(a[1]).isNotNull());
    }

    private List<Object[]> enterpriseAlarms(UUID enterprise) {
        return jdbc.sql("select rule_code, cleared_at from mon_alarm where subject_key = :k").param("k", "enterprise:" + enterprise)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getTimestamp(2)}).list();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
    }
}
