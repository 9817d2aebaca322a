package cn.zhiben.hazards;

import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.support.AccessFixture;
import cn.zhiben.support.FixtureCalls;
import cn.zhiben.support.SampleFiles;
import cn.zhiben.support.ScopeSamples;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * "hazard" of the access table: a general hazard of an enterprise inside (or outside) the account's scope, with an
 * attachment, merged into a twin — a final state, so every verb passes the rights check and is then refused (409), and
 * nothing a request of the table does changes it. Values: id, version, attachmentId. Made by the city office.
 */
class HazardAccessFixture implements AccessFixture {

    private final JdbcClient jdbc;
    private final FixtureCalls calls;
    private final Clock clock;
    private final Map<UUID, Map<String, String>> byEnterprise = new HashMap<>();

    HazardAccessFixture(JdbcClient jdbc, MockMvc mvc, Clock clock) {
        this.jdbc = jdbc;
        this.calls = new FixtureCalls(mvc);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "hazard";
    }

    @Override
    public Optional<Map<String, String>> inside(CurrentUser caller) {
        return ScopeSamples.enterpriseInside(jdbc, caller).map(this::at);
    }

    @Override
    public Optional<Map<String, String>> outside(CurrentUser caller) {
        return ScopeSamples.enterpriseOutside(jdbc, caller).map(this::at);
    }

    @Override
    public Map<String, String> any() {
        return at(ScopeSamples.enterpriseOf(jdbc, "qiye"));
    }

    private Map<String, String> at(UUID enterpriseId) {
        return byEnterprise.computeIfAbsent(enterpriseId, this::make);
    }

    private Map<String, String> make(UUID enterpriseId) {
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        String body = """
                {"enterpriseId":"%s","channel":"SUPERVISION","grade":"GENERAL","description":"访问表检查用隐患",
                 "location":"访问表检查位置","foundOn":"%s","foundBy":"访问表检查","deadline":"%s"}"""
                .formatted(enterpriseId, today.minusDays(1), today.plusMonths(1));
        String merged = calls.postJson("city", "/api/v1/hazards", body, 201).get("id").asString();
        String kept = calls.postJson("city", "/api/v1/hazards", body, 201).get("id").asString();
        JsonNode attachment = calls.call("city", multipart("/api/v1/hazards/" + merged + "/attachments")
                .file(new MockMultipartFile("file", "现场照片.png", "image/png", SampleFiles.png())), 201);
        calls.postJson("city", "/api/v1/hazards/" + merged + "/merge",
                "{\"version\":%d,\"into\":\"%s\",\"reason\":\"访问表检查：同一部位重复登记\"}".formatted(version(merged), kept), 200);
        Map<String, String> values = new HashMap<>();
        values.put("id", merged);
        values.put("version", Integer.toString(version(merged)));
        values.put("attachmentId", attachment.get("id").asString());
        return values;
    }

    private int version(String id) {
        return calls.call("city", get("/api/v1/hazards/" + id), 200).get("hazard").get("version").asInt();
    }
}
