package cn.zhiben.hazards;

import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.StandardsLibrary;
import cn.zhiben.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Shared steps of the hazard tests: the demo 泽州 coal mine, a clause in force, and the API verbs. */
abstract class HazardTestSupport extends IntegrationTest {

    @Autowired
    protected StandardsLibrary standards;

    protected UUID coalMine() {
        return enterpriseOf("qiye");
    }

    protected UUID enterpriseOf(String username) {
        return jdbc.sql("select enterprise_id from idn_user where username = :u").param("u", username).query(UUID.class).single();
    }

    protected LocalDate today() {
        return LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
    }

    /** A coal-mine clause of the standard in force today; the n-th, so tests can avoid each other's duplicates. */
    protected UUID coalClause(int n) {
        var clauses = standards.clausesInForce("mine.coal", Set.of(), today()).stream()
                .filter(c -> c.version().standardCode() != null).toList();
        return clauses.get(n % clauses.size()).id();
    }

    protected StandardClause clause(UUID id) {
        return standards.clause(id).orElseThrow();
    }

    protected Map<String, Object> majorSelfReport(UUID enterprise, UUID clause) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", enterprise.toString());
        m.put("channel", "SELF_INSPECTION");
        m.put("grade", "MAJOR");
        m.put("clauseId", clause.toString());
        m.put("description", "主要通风机无备用风机");
        m.put("location", "中央风井");
        m.put("foundOn", today().minusDays(1).toString());
        m.put("foundBy", "通风区 张工");
        m.put("shutdown", "PARTIAL");
        return m;
    }

    protected ResultActions create(String token, Map<String, Object> body) throws Exception {
        return mvc.perform(auth(post("/api/v1/hazards"), token).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)));
    }

    protected JsonNode created(String token, Map<String, Object> body) throws Exception {
        return json(create(token, body).andReturn().getResponse().getContentAsString());
    }

    protected ResultActions act(String token, UUID id, String verb, Map<String, Object> body) throws Exception {
        return mvc.perform(auth(post("/api/v1/hazards/" + id + "/" + verb), token).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)));
    }

    protected JsonNode detail(String token, UUID id) throws Exception {
        return json(mvc.perform(auth(get("/api/v1/hazards/" + id), token)).andReturn().getResponse().getContentAsString());
    }

    protected int version(String token, UUID id) throws Exception {
        return detail(token, id).get("hazard").get("version").asInt();
    }

    protected static Map<String, Object> with(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    protected Map<String, Object> plan(int version, LocalDate deadline) {
        return with("version", version, "objectives", "增设备用主要通风机并实现自动切换",
                "measures", "采购同型号风机，安装调试，联合试运转", "fundingFen", 180_000_00L, "materials", "FBCDZ 风机一台及配套电控",
                "organisation", "机电科牵头，通风区配合", "responsiblePerson", "矿长 李某", "deadline", deadline.toString(),
                "safetyMeasures", "安装期间加强瓦斯检查，限制入井人数", "emergencyPlan", "主扇故障时按通风系统应急预案撤人",
                "interimMeasures", "现有风机每班巡检，备用电源随时可用");
    }

    /** Walks a new major self-report to REPORTED through both confirmations; returns its id. */
    protected UUID reported(UUID clause) throws Exception {
        String safety = token("qiye");
        UUID id = UUID.fromString(created(safety, majorSelfReport(coalMine(), clause)).get("id").asString());
        act(safety, id, "confirm-department", with("version", version(safety, id)));
        String principal = token("qiye-fzr");
        act(principal, id, "confirm-principal", with("version", version(principal, id)));
        return id;
    }

    /** ... and on to SIGN_OFF_REQUESTED. */
    protected UUID awaitingSignOff(UUID clause) throws Exception {
        UUID id = reported(clause);
        String safety = token("qiye");
        act(safety, id, "plan", plan(version(safety, id), today().plusDays(20)));
        act(safety, id, "complete", with("version", version(safety, id), "summary", "备用风机已安装并试运转"));
        act(safety, id, "evaluation", with("version", version(safety, id), "kind", "SELF", "conclusion", "整改到位",
                "evaluatedOn", today().toString()));
        act(safety, id, "sign-off-request", with("version", version(safety, id)));
        return id;
    }
}
