package cn.zhiben.inspections;

import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Shared steps of the inspection tests: demo enterprises and officers, and the API verbs with bearer tokens. */
public abstract class InspectionTestSupport extends IntegrationTest {

    /** A tiny valid PNG, as a canvas sends it. */
    protected static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    protected LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    protected LocalDate quarterEnd() {
        LocalDate t = today();
        return t.withMonth((t.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1).plusMonths(3).minusDays(1);
    }

    protected UUID enterprise(String namePrefix) {
        return jdbc.sql("select id from org_enterprise where demo and name like :n").param("n", namePrefix + "%")
                .query(UUID.class).single();
    }

    protected UUID officer(String username) {
        return jdbc.sql("select o.id from insp_officer o join idn_user u on u.id = o.user_id where u.username = :u")
                .param("u", username).query(UUID.class).single();
    }

    protected UUID userId(String username) {
        return jdbc.sql("select id from idn_user where username = :u").param("u", username).query(UUID.class).single();
    }

    protected ResultActions postJson(String token, String path, Object body) throws Exception {
        return mvc.perform(auth(post(path), token).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)));
    }

    protected JsonNode getJson(String token, String path) throws Exception {
        return json(mvc.perform(auth(get(path), token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    protected JsonNode ok(ResultActions r) throws Exception {
        String body = r.andReturn().getResponse().getContentAsString();
        int s = r.andReturn().getResponse().getStatus();
        if (s >= 300) {
            throw new AssertionError("expected success but got " + s + ": " + body);
        }
        return body.isEmpty() ? null : json(body);
    }

    protected static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** An ad hoc inspection by a unit with two of its officers, started by the first officer. */
    protected UUID arrangeAndStart(String unitUser, UUID enterprise, String officer1, String officer2) throws Exception {
        UUID id = UUID.fromString(ok(postJson(token(unitUser), "/api/v1/inspections", map("enterpriseId", enterprise,
                "kind", "ROUTINE", "officerIds", List.of(officer(officer1), officer(officer2)),
                "plannedFrom", today(), "plannedTo", today().plusDays(10)))).get("id").asString());
        ok(postJson(token(officer1), "/api/v1/inspections/" + id + "/start", map("version", version(officer1, id), "place", "生产现场")));
        return id;
    }

    protected int version(String user, UUID inspection) throws Exception {
        return getJson(token(user), "/api/v1/inspections/" + inspection).get("version").asInt();
    }

    /** The enterprise's non-general clauses on the inspection's checklist. */
    protected List<UUID> clauses(String user, UUID inspection) throws Exception {
        JsonNode c = getJson(token(user), "/api/v1/inspections/" + inspection + "/checklist");
        List<UUID> out = new ArrayList<>();
        for (JsonNode s : c.get("sections")) {
            if (s.get("general").asBoolean()) {
                continue;
            }
            for (JsonNode cl : s.get("clauses")) {
                out.add(UUID.fromString(cl.get("id").asString()));
            }
        }
        return out;
    }

    /** Records one item, signs for both officers and the enterprise, completes; returns the document number. */
    protected String signAndComplete(String officerUser, UUID id, UUID clause) throws Exception {
        String t = token(officerUser);
        ok(postJson(t, "/api/v1/inspections/" + id + "/items", map("items",
                List.of(map("clauseId", clause, "result", "PASSED")))));
        JsonNode v = getJson(t, "/api/v1/inspections/" + id);
        for (JsonNode o : v.get("officers")) {
            ok(postJson(t, "/api/v1/inspections/" + id + "/signatures", map("party", "OFFICER",
                    "officerId", o.get("officerId").asString(), "png", PNG)));
        }
        ok(postJson(t, "/api/v1/inspections/" + id + "/signatures", map("party", "ENTERPRISE", "signerName", "严巴山",
                "signerPosition", "矿长", "png", PNG)));
        return ok(postJson(t, "/api/v1/inspections/" + id + "/complete", map("version", version(officerUser, id),
                "summary", "按清单检查", "handling", "限期整改"))).get("number").asString();
    }
}
