package cn.zhiben.tipoffs;

import cn.zhiben.standards.StandardsLibrary;
import cn.zhiben.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Shared steps of the tip-off tests: a public report as a browser sends it, staff verbs, the demo 泽州 coal mine. */
public abstract class TipoffTestSupport extends IntegrationTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    protected StandardsLibrary standards;

    /** A client address of its own per call, so the per-address limits of one test do not touch another's. */
    protected static String freshAddress() {
        int n = ADDRESS.getAndIncrement();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    protected static <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>> B from(B b, String address) {
        return b.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    protected LocalDate today() {
        return LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
    }

    protected UUID unitId(String name) {
        return jdbc.sql("select id from org_unit where name = :n").param("n", name).query(UUID.class).single();
    }

    protected UUID enterpriseOf(String username) {
        return jdbc.sql("select enterprise_id from idn_user where username = :u").param("u", username).query(UUID.class).single();
    }

    protected UUID userId(String username) {
        return jdbc.sql("select id from idn_user where username = :u").param("u", username).query(UUID.class).single();
    }

    protected UUID coalClause(int n) {
        var clauses = standards.clausesInForce("mine.coal", Set.of(), today()).stream()
                .filter(c -> c.version().standardCode() != null).toList();
        return clauses.get(n % clauses.size()).id();
    }

    /** The fields of a public report; named when {@code name} is given. */
    protected Map<String, String> report(String enterprise, String region, String industry, String name) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("category", "MAJOR_HAZARD");
        m.put("enterpriseName", enterprise);
        m.put("place", "中央风井");
        m.put("occurredOn", today().minusDays(2).toString());
        m.put("description", "主要通风机无备用风机，井下作业照常进行");
        m.put("regionCode", region);
        if (industry != null) {
            m.put("industryCode", industry);
        }
        if (name == null) {
            m.put("anonymous", "true");
        } else {
            m.put("anonymous", "false");
            m.put("name", name);
            m.put("phone", "13912345678");
            m.put("idNumber", "11010519491231002X");
            m.put("bankName", "中国工商银行晋城分行");
            m.put("bankAccount", "6222020200112233445");
        }
        return m;
    }

    protected ResultActions submitPublic(Map<String, String> fields, String address, MockMultipartFile... files) throws Exception {
        JsonNode c = json(mvc.perform(from(get("/api/v1/public/tipoffs/challenge"), address)).andReturn().getResponse()
                .getContentAsString());
        String challenge = c.get("challenge").asString();
        int bits = c.get("bits").asInt();
        MockMultipartHttpServletRequestBuilder b = multipart("/api/v1/public/tipoffs");
        for (MockMultipartFile f : files) {
            b.file(f);
        }
        fields.forEach(b::param);
        b.param("challenge", challenge).param("answer", solve(challenge, bits));
        return mvc.perform(from(b, address));
    }

    /** What a browser's script does: the first counter whose SHA-256 has the leading zero bits. */
    protected static String solve(String challenge, int bits) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (long c = 0; ; c++) {
            byte[] h = sha.digest((challenge + ":" + c).getBytes(StandardCharsets.UTF_8));
            boolean ok = true;
            for (int i = 0; i < bits && ok; i++) {
                ok = (h[i / 8] & (0x80 >>> (i % 8))) == 0;
            }
            if (ok) {
                return Long.toString(c);
            }
        }
    }

    protected JsonNode submitted(Map<String, String> fields) throws Exception {
        return json(submitPublic(fields, freshAddress()).andReturn().getResponse().getContentAsString());
    }

    protected UUID idOf(JsonNode receipt) {
        return jdbc.sql("select id from tip_tipoff where number = :n").param("n", receipt.get("number").asString())
                .query(UUID.class).single();
    }

    protected ResultActions act(String token, UUID id, String verb, Map<String, ?> body) throws Exception {
        return mvc.perform(auth(post("/api/v1/tipoffs/" + id + "/" + verb), token).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)));
    }

    protected JsonNode detail(String token, UUID id) throws Exception {
        return json(mvc.perform(auth(get("/api/v1/tipoffs/" + id), token)).andReturn().getResponse().getContentAsString());
    }

    /** A public report about the 泽州 demo coal mine, accepted by the 泽州 county office for 泽州县应急管理局 to verify. */
    protected UUID acceptedCoalTipoff(String name) throws Exception {
        UUID id = idOf(submitted(report("泽州示范巴公煤业有限公司", "140525", "mine.coal", name)));
        Map<String, Object> accept = new LinkedHashMap<>();
        accept.put("unitId", unitId("市应急管理局").toString());
        accept.put("countyLevel", true);
        accept.put("enterpriseId", enterpriseOf("qiye").toString());
        accept.put("note", "测试交办");
        act(token("zezhou"), id, "accept", accept).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        return id;
    }
}
