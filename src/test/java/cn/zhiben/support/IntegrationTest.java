package cn.zhiben.support;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Base of every Spring test: one application context for the whole test JVM (same annotations everywhere, so Spring's
 * context cache shares it) on one embedded PostgreSQL, in demo mode so demo accounts and enterprises exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zhiben.demo=true",
        // tests make their own hazards; HazardDemoDataTests makes the demo ones explicitly
        "zhiben.hazards.demo-data=false",
        // tests make their own inspections; InspectionDemoDataTests makes the demo story explicitly
        "zhiben.inspections.demo-data=false",
        // the MQTT endpoint on a free port; the demo simulator off (tests send their own readings)
        "zhiben.monitoring.mqtt.port=0",
        "zhiben.monitoring.simulator.enabled=false",
        // campaign tests make their own programmes (CampaignTestSupport); the demo campaign replays a year at start-up
        "zhiben.campaign.demo-data=false",
        "zhiben.db.embedded.ephemeral=true",
        "zhiben.crypto.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        // fixed keys and throw-away files: a second instance on the same database (MultiInstanceIntegrationTests) must
        // seal the audit chain and tip-off identities with the same keys, and no test writes into the checkout's ./data
        "zhiben.audit.key=" + TestKeys.AUDIT,
        "zhiben.audit.checkpoint-file=${java.io.tmpdir}/zhiben-test-${random.uuid}/audit-checkpoints.log",
        "zhiben.tipoffs.identity-key=" + TestKeys.TIPOFF,
        "zhiben.tipoffs.storage-dir=${java.io.tmpdir}/zhiben-test-${random.uuid}/tipoff-files",
        "zhiben.hazards.storage-dir=${java.io.tmpdir}/zhiben-test-${random.uuid}/files",
        "zhiben.campaign.storage-dir=${java.io.tmpdir}/zhiben-test-${random.uuid}/campaign-files",
        // the whole suite signs in from one address, many times a minute as the same accounts; the limits themselves
        // are tested on buckets of their own (LoginRateLimitIntegrationTests)
        "zhiben.identity.login-rate.per-address=1000000",
        "zhiben.identity.login-rate.per-account=1000000",
        "logging.level.cn.zhiben=warn"
})
@AutoConfigureMockMvc
@Import(TestConfig.class)
public abstract class IntegrationTest {

    public static final String DEMO_PASSWORD = "Zhiben@2026";
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected MutableClock clock;
    @LocalServerPort
    protected int port;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A bearer token for a demo (or test-created) account. */
    protected String token(String username) throws Exception {
        return token(username, DEMO_PASSWORD);
    }

    protected String token(String username, String password) throws Exception {
        return tokenOf(mvc, username, password);
    }

    /** A bearer token from POST /api/v1/auth/token; a failed login fails with the answer. */
    static String tokenOf(MockMvc mvc, String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andReturn().getResponse().getContentAsString();
        JsonNode node = JSON.readTree(body);
        if (!node.has("accessToken")) {
            throw new IllegalStateException("login of " + username + " failed: " + body);
        }
        return node.get("accessToken").asString();
    }

    /** Signs in through the login form, as a browser does, and returns the session; a failed login fails the test. */
    protected MockHttpSession login(String username) throws Exception {
        MvcResult r = mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(username).password(DEMO_PASSWORD))
                .andReturn();
        MockHttpSession session = (MockHttpSession) r.getRequest().getSession(false);
        String target = r.getResponse().getRedirectedUrl();
        if (session == null || target == null || target.contains("error")) {
            throw new IllegalStateException("UI login of " + username + " failed");
        }
        return session;
    }

    protected static MockHttpServletRequestBuilder auth(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    protected static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
