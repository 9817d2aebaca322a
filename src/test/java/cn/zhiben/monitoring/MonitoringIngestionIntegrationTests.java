package cn.zhiben.monitoring;

import cn.zhiben.monitoring.internal.AlarmWriter;
import cn.zhiben.monitoring.internal.MqttEndpoint;
import cn.zhiben.monitoring.internal.NoDataSweep;
import cn.zhiben.monitoring.internal.PointKind;
import cn.zhiben.monitoring.internal.PointRegistry;
import cn.zhiben.monitoring.internal.Reading;
import cn.zhiben.monitoring.internal.ReadingWriter;
import cn.zhiben.monitoring.internal.Rejections;
import cn.zhiben.monitoring.internal.Rule;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MonitoringIngestionIntegrationTests extends MonitoringTestSupport {

    private static final AtomicLong SEQ = new AtomicLong(1_000);

    @Autowired
    MqttEndpoint endpoint;
    @Autowired
    Rejections rejections;
    @Autowired
    NoDataSweep noData;
    @Autowired
    AlarmWriter alarmWriter;
    @Autowired
    PointRegistry registry;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    ReadingWriter writer;

    private static long seq() {
        return SEQ.incrementAndGet();
    }

    @Test
    void methaneAtALongwallFaceAlarmsAt1_0CutsPowerAt1_5AndClearsOnlyBelow1_0() throws Exception {
        Setup s = setup(PointSpec.of("CH4", PointKind.METHANE, "LW_FACE"));
        String p = s.code("CH4");
        // two minutes apart, so the rate-of-change rule (0.3 %/min) stays out of it
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(15));
        send(s, batch(reading(p, seq(), t, 0.62)));
        assertThat(alarms(s.id("CH4"))).isEmpty();

        send(s, batch(reading(p, seq(), t.plusSeconds(120), 1.0)));
        assertThat(alarms(s.id("CH4"))).extracting(AlarmRow::rule, AlarmRow::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CH4_ALARM", "ORANGE"));

        send(s, batch(reading(p, seq(), t.plusSeconds(240), 1.5)));
        assertThat(alarms(s.id("CH4"))).extracting(AlarmRow::rule, AlarmRow::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CH4_ALARM", "ORANGE"), org.assertj.core.groups.Tuple.tuple("CH4_POWER_CUT", "RED"));

        // 1.2 % and exactly 1.0 %: below the power-cut value but not below the restore value — both stay active
        send(s, batch(reading(p, seq(), t.plusSeconds(360), 1.2), reading(p, seq(), t.plusSeconds(480), 1.0)));
        assertThat(alarms(s.id("CH4"))).allSatisfy(a -> assertThat(a.clearedAt()).isNull());
        assertThat(alarms(s.id("CH4"))).filteredOn(a -> a.rule().equals("CH4_POWER_CUT")).extracting(AlarmRow::peak).containsExactly(1.5);

        send(s, batch(reading(p, seq(), t.plusSeconds(600), 0.98)));
        assertThat(alarms(s.id("CH4"))).hasSize(2).allSatisfy(a -> {
            assertThat(a.clearedAt()).isNotNull();
            assertThat(a.status()).isEqualTo("RAISED"); // the condition cleared; the handling goes on
        });

        // a new episode while the alarms are still in handling re-triggers them instead of raising new ones
        send(s, batch(reading(p, seq(), t.plusSeconds(720), 1.1)));
        assertThat(alarms(s.id("CH4"))).hasSize(2).filteredOn(a -> a.rule().equals("CH4_ALARM"))
                .allSatisfy(a -> {
                    assertThat(a.triggerCount()).isEqualTo(2);
                    assertThat(a.clearedAt()).isNull();
                });
        assertThat(jdbc.sql("select count(*) from mon_alarm_transition t join mon_alarm a on a.id = t.alarm_id where a.point_id = :p and t.action = 'RETRIGGER'")
                .param("p", s.id("CH4")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRetriedUploadIsStoredOnceAndAcknowledgedAgain() throws Exception {
        Setup s = setup(PointSpec.of("CO", PointKind.CARBON_MONOXIDE, "*"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
        String body = batch(reading(s.code("CO"), 7, t, 4.0), reading(s.code("CO"), 8, t.plusSeconds(10), 4.5));
        send(s, body);
        send(s, body);
        send(s, body);
        assertThat(stored(s.id("CO"))).isEqualTo(2);
        assertThat(jdbc.sql("select value from mon_latest l join mon_point p on p.no = l.point_no where p.id = :p")
                .param("p", s.id("CO")).query(Double.class).single()).isEqualTo(4.5);
    }

    @Test
    void eachKindOfBadReadingIsRefusedCountedByReasonAndKept() throws Exception {
        Setup s = setup(PointSpec.of("CH4", PointKind.METHANE, "LW_FACE"));
        Setup other = setup(PointSpec.of("CH4", PointKind.METHANE, "LW_FACE"));
        Instant t = Instant.now().minusSeconds(5);
        Map<String, Long> before = counts("HTTP");

        // the reason, the upload that shows it
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("MALFORMED", batch("{\"point\":\"" + s.code("CH4") + "\",\"seq\":1,\"ts\":\"gestern\",\"value\":0.3}"));
        cases.put("UNKNOWN_POINT", batch(reading("NO-SUCH-POINT", 1, t, 0.3)));
        cases.put("FOREIGN_POINT", batch(reading(other.code("CH4"), 1, t, 0.3)));
        cases.put("OUT_OF_RANGE", batch(reading(s.code("CH4"), 1, t, 150)));
        cases.put("TIMESTAMP_OUT_OF_WINDOW", batch(reading(s.code("CH4"), 1, t.plus(Duration.ofHours(2)), 0.3)));
        for (var c : cases.entrySet()) {
            MvcResult r = upload(s, c.getValue());
            assertThat(r.getResponse().getStatus()).as(c.getKey()).isEqualTo(422);
            assertThat(json(r.getResponse().getContentAsString()).get("code").asString()).isEqualTo("READINGS_REJECTED");
        }
        // nothing of a refused batch is stored, not even its valid reading
        MvcResult mixed = upload(s, batch(reading(s.code("CH4"), 2, t, 0.3), reading(s.code("CH4"), 3, t, 101)));
        assertThat(mixed.getResponse().getStatus()).isEqualTo(422);
        assertThat(json(mixed.getResponse().getContentAsString()).get("errors").get(0).get("field").asString()).isEqualTo("readings[1]");
        assertThat(stored(s.id("CH4"))).isZero();

        MvcResult notJson = upload(s, "{\"readings\": [");
        assertThat(notJson.getResponse().getStatus()).isEqualTo(400);
        MvcResult badSecret = upload(new Setup(s.enterpriseId(), s.device(), "wrong", s.codes(), s.ids()), batch(reading(s.code("CH4"), 4, t, 0.3)));
        assertThat(badSecret.getResponse().getStatus()).isEqualTo(401);

        Map<String, Long> after = counts("HTTP");
        assertThat(delta(before, after, "MALFORMED")).isEqualTo(2);
        assertThat(delta(before, after, "UNKNOWN_POINT")).isEqualTo(1);
        assertThat(delta(before, after, "FOREIGN_POINT")).isEqualTo(1);
        assertThat(delta(before, after, "OUT_OF_RANGE")).isEqualTo(2);
        assertThat(delta(before, after, "TIMESTAMP_OUT_OF_WINDOW")).isEqualTo(1);
        assertThat(delta(before, after, "BAD_CREDENTIALS")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mon_reject where device_code = :d and reason = 'FOREIGN_POINT' and payload like '%' || :p || '%'")
                .param("d", s.device()).param("p", other.code("CH4")).query(Long.class).single()).isEqualTo(1);

        // the readings of a sound upload still go in
        send(s, batch(reading(s.code("CH4"), 5, t, 0.31)));
        assertThat(stored(s.id("CH4"))).isEqualTo(1);
    }

    @Test
    void overMqttAQos1PublishIsAcknowledgedOnlyOnceItsReadingsAreStored() throws Exception {
        Setup s = setup(PointSpec.of("CH4", PointKind.METHANE, "LW_UPPER_CORNER"));
        MqttClient c = connect(s.device(), s.secret());
        try {
            Instant t = Instant.now().minusSeconds(3);
            for (int i = 0; i < 20; i++) {
                MqttMessage m = new MqttMessage(batch(reading(s.code("CH4"), 100 + i, t.plusMillis(i), 0.3 + i / 100.0))
                        .getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                c.publish("zhiben/v1/" + s.device() + "/readings", m); // returns when the PUBACK arrived
                assertThat(stored(s.id("CH4"))).as("stored when acknowledged; rejected: %s",
                        jdbc.sql("select string_agg(reason || ' ' || detail, '; ') from mon_reject where device_code = :d")
                                .param("d", s.device()).query(String.class).optional()).isEqualTo(i + 1);
            }
            // a bad reading over MQTT cannot be refused (no negative ack in MQTT 3.1.1): acknowledged, counted, kept
            Map<String, Long> before = counts("MQTT");
            MqttMessage bad = new MqttMessage("{\"readings\":[{\"point\":1}]}".getBytes(StandardCharsets.UTF_8));
            bad.setQos(1);
            c.publish("zhiben/v1/" + s.device() + "/readings", bad);
            MqttMessage wrongTopic = new MqttMessage(batch(reading(s.code("CH4"), 500, t, 0.3)).getBytes(StandardCharsets.UTF_8));
            wrongTopic.setQos(1);
            c.publish("zhiben/v1/someone-else/readings", wrongTopic);
            Map<String, Long> after = counts("MQTT");
            assertThat(delta(before, after, "MALFORMED")).isEqualTo(1);
            assertThat(delta(before, after, "FOREIGN_TOPIC")).isEqualTo(1);
            assertThat(stored(s.id("CH4"))).isEqualTo(20);
        } finally {
            c.disconnect();
            c.close();
        }
        Map<String, Long> before = counts("MQTT");
        assertThatThrownBy(() -> connect(s.device(), "wrong-secret")).isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode()).isEqualTo((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION);
        assertThat(delta(before, counts("MQTT"), "BAD_CREDENTIALS")).isEqualTo(1);
    }

    @Test
    void aBurstOfTriggeringReadingsFromSeveralThreadsMakesOneAlarmPerRule() throws Exception {
        Setup s = setup(PointSpec.of("CH4", PointKind.METHANE, "LW_FACE"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int th = thread;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        long n = th * 100L + i;
                        MvcResult r = upload(s, batch(reading(s.code("CH4"), n, t.plusMillis(n), 1.6)));
                        if (r.getResponse().getStatus() != 200) {
                            return r.getResponse().getStatus();
                        }
                    }
                    return 200;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored(s.id("CH4"))).isEqualTo(80);
        assertThat(thresholdAlarms(s)).extracting(AlarmRow::rule).containsExactlyInAnyOrder("CH4_ALARM", "CH4_POWER_CUT");
        assertThat(alarms(s.id("CH4"))).allSatisfy(a -> assertThat(a.triggerCount()).isEqualTo(1));
    }

    @Test
    void triggersRacingFromSeveralInstancesStillLeaveOneOpenAlarm() throws Exception {
        Setup s = setup(PointSpec.of("CH4", PointKind.METHANE, "LW_FACE"));
        var point = registry.point(s.code("CH4")).orElseThrow();
        Rule rule = point.rules().stream().filter(r -> r.code().equals("CH4_ALARM")).findFirst().orElseThrow();
        TransactionTemplate tx = new TransactionTemplate(txManager);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                double v = 1.1 + i / 10.0;
                tasks.add(() -> tx.execute(st -> alarmWriter.trigger(AlarmWriter.Subject.of(point), rule, v, Instant.now(), Instant.now())));
            }
            for (Future<Object> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(alarms(s.id("CH4"))).singleElement().satisfies(a -> {
            assertThat(a.triggerCount()).isEqualTo(8);
            assertThat(a.peak()).isEqualTo(1.8);
        });
    }

    @Test
    void anotherInstanceJudgingAPointContinuesFromTheStoredStateSoHysteresisHolds() throws Exception {
        Setup s = setup(PointSpec.of("CH4", PointKind.METHANE, "LW_FACE"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        // this instance: 1.6 % raises the alarm and the power cut (煤矿安全规程 第498条: 报警≥1.0, 断电≥1.5, 复电<1.0)
        send(s, batch(reading(s.code("CH4"), 1, t, 0.4), reading(s.code("CH4"), 2, t.plusSeconds(10), 1.6)));
        assertThat(thresholdAlarms(s)).extracting(AlarmRow::rule).containsExactlyInAnyOrder("CH4_ALARM", "CH4_POWER_CUT");
        // another instance, which has never seen the point (its own empty lane state), gets the next readings:
        // 1.2 % keeps the power cut (above the restore value), 0.8 % restores both
        var point = registry.point(s.code("CH4")).orElseThrow();
        Map<Integer, cn.zhiben.monitoring.internal.PointState> other = new java.util.HashMap<>();
        writer.write(List.of(new Reading(point, 3, t.plusSeconds(20), 1.2, Instant.now())), other);
        assertThat(thresholdAlarms(s)).allSatisfy(a -> assertThat(a.clearedAt()).as(a.rule()).isNull());
        writer.write(List.of(new Reading(point, 4, t.plusSeconds(30), 0.8, Instant.now())), other);
        assertThat(thresholdAlarms(s)).hasSize(2).allSatisfy(a -> assertThat(a.clearedAt()).as(a.rule()).isNotNull());
    }

    /** The alarm and power-cut alarms of the test's methane point (the jump also trips the rate-of-change rule). */
    private List<AlarmRow> thresholdAlarms(Setup s) {
        return alarms(s.id("CH4")).stream().filter(a -> a.rule().equals("CH4_ALARM") || a.rule().equals("CH4_POWER_CUT")).toList();
    }

    @Test
    void aSensorThatStopsReportingOrStaysExactlyFlatRaisesItsOwnAlarm() throws Exception {
        Instant start = Instant.parse("2026-12-02T01:00:00Z");
        clock.set(start);
        Setup s = setup(PointSpec.of("SILENT", PointKind.METHANE, "LW_RETURN"), PointSpec.of("FLAT", PointKind.CARBON_MONOXIDE, "*"));
        send(s, batch(reading(s.code("SILENT"), 1, start, 0.3), reading(s.code("FLAT"), 1, start, 3.0)));
        // every 4 minutes for an hour the CO sensor says exactly 3.0; the methane sensor says nothing
        for (int i = 1; i <= 15; i++) {
            clock.advance(Duration.ofMinutes(4));
            if (i == 2) {
                noData.run();
                assertThat(alarms(s.id("SILENT"))).extracting(AlarmRow::rule).containsExactly("NO_DATA");
            }
            send(s, batch(reading(s.code("FLAT"), 1 + i, clock.instant(), 3.0)));
            if (i < 15) {
                assertThat(alarms(s.id("FLAT"))).as("after %d minutes", i * 4).isEmpty();
            }
        }
        assertThat(alarms(s.id("FLAT"))).extracting(AlarmRow::rule, AlarmRow::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FLAT_LINE", "BLUE"));
        // a changed value ends the flat line; data again ends the silence
        send(s, batch(reading(s.code("FLAT"), 20, clock.instant().plusSeconds(10), 3.1),
                reading(s.code("SILENT"), 2, clock.instant().plusSeconds(10), 0.31)));
        noData.run();
        assertThat(alarms(s.id("FLAT"))).singleElement().satisfies(a -> assertThat(a.clearedAt()).isNotNull());
        assertThat(alarms(s.id("SILENT"))).singleElement().satisfies(a -> assertThat(a.clearedAt()).isNotNull());
        // the sweep is idempotent: running it again changes nothing
        noData.run();
        assertThat(alarms(s.id("SILENT"))).singleElement().satisfies(a -> assertThat(a.triggerCount()).isEqualTo(1));
    }

    private MqttClient connect(String device, String secret) throws MqttException {
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + endpoint.port(), "test-" + device + "-" + seq(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(device);
        o.setPassword(secret.toCharArray());
        o.setCleanSession(true);
        o.setConnectionTimeout(10);
        // the default would retry a refused connection as MQTT 3.1, counting two refusals
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        c.setTimeToWait(10_000);
        c.connect(o);
        return c;
    }

    private Map<String, Long> counts(String channel) {
        rejections.flush();
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("select reason, sum(count) from mon_reject_count where channel = :c group by reason").param("c", channel)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String reason) {
        return after.getOrDefault(reason, 0L) - before.getOrDefault(reason, 0L);
    }
}
