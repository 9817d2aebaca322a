package cn.zhiben.monitoring;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.monitoring.internal.PointKind;
import cn.zhiben.monitoring.internal.PointService;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Devices and points of their own for each test (codes never repeat), and uploads through the real HTTP endpoint. */
public abstract class MonitoringTestSupport extends IntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    protected PointService pointService;
    @Autowired
    protected AccountDirectory accounts;
    @Autowired
    protected EnterpriseDirectory enterprises;

    protected record PointSpec(String key, PointKind kind, String locationType, Double high, Double highHigh) {
        public static PointSpec of(String key, PointKind kind, String locationType) {
            return new PointSpec(key, kind, locationType, null, null);
        }
    }

    /** A device with its secret, its points' codes and ids by key. */
    protected record Setup(UUID enterpriseId, String device, String secret, Map<String, String> codes, Map<String, UUID> ids) {
        public String code(String key) {
            return codes.get(key);
        }

        public UUID id(String key) {
            return ids.get(key);
        }
    }

    protected EnterpriseRef demoEnterprise(String industry, String name) {
        return enterprises.demoEnterprises(industry).stream().filter(e -> e.name().startsWith(name)).findFirst().orElseThrow();
    }

    /** At 泽州示范巴公煤业 (泽州县) unless told otherwise. */
    protected Setup setup(PointSpec... specs) {
        return setup(demoEnterprise("mine.coal", "泽州示范巴公煤业"), specs);
    }

    protected Setup setup(EnterpriseRef enterprise, PointSpec... specs) {
        int n = SEQ.incrementAndGet();
        String prefix = "T" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
        return accounts.runAs("city", () -> {
            PointService.CreatedDevice d = pointService.createDevice(new PointService.NewDevice(enterprise.id(),
                    prefix + "-GW", "测试分站 " + prefix));
            Map<String, String> codes = new LinkedHashMap<>();
            Map<String, UUID> ids = new LinkedHashMap<>();
            for (PointSpec s : specs) {
                String code = prefix + "-" + s.key();
                UUID id = pointService.createPoint(new PointService.NewPoint(d.code(), code, "测试测点 " + s.key(), s.kind(),
                        s.locationType(), "测试位置 " + s.key(), null, s.kind() == PointKind.LEVEL ? 10.0 : null,
                        s.high(), s.highHigh(), null, null));
                codes.put(s.key(), code);
                ids.put(s.key(), id);
            }
            return new Setup(enterprise.id(), d.code(), d.secret(), codes, ids);
        });
    }

    protected static String reading(String point, long seq, Instant ts, double value) {
        return "{\"point\":\"" + point + "\",\"seq\":" + seq + ",\"ts\":\"" + ts + "\",\"value\":" + value + "}";
    }

    protected static String batch(String... readings) {
        return "{\"readings\":[" + String.join(",", readings) + "]}";
    }

    protected static String basic(String device, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((device + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    protected MvcResult upload(Setup s, String json) throws Exception {
        return mvc.perform(post("/api/v1/monitoring/ingest").header("Authorization", basic(s.device(), s.secret()))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
    }

    /** Uploads and insists on 200. */
    protected void send(Setup s, String json) throws Exception {
        MvcResult r = upload(s, json);
        if (r.getResponse().getStatus() != 200) {
            throw new AssertionError("upload refused: " + r.getResponse().getStatus() + " " + r.getResponse().getContentAsString());
        }
    }

    protected record AlarmRow(UUID id, String rule, String level, String status, int triggerCount, Double peak,
                              Instant clearedAt) {
    }

    protected List<AlarmRow> alarms(UUID pointId) {
        return jdbc.sql("""
                select id, rule_code, level, status, trigger_count, peak_value, cleared_at from mon_alarm
                where point_id = :p order by raised_at, rule_code""").param("p", pointId)
                .query((rs, i) -> new AlarmRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), (Double) rs.getObject(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant())).list();
    }

    protected long stored(UUID pointId) {
        return jdbc.sql("select count(*) from mon_reading r join mon_point p on p.no = r.point_no where p.id = :p")
                .param("p", pointId).query(Long.class).single();
    }
}
