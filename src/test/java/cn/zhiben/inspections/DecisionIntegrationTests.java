package cn.zhiben.inspections;

import cn.zhiben.inspections.InspectionEvents.DecisionIssued;
import cn.zhiben.standards.StandardsLibrary;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Decisions: exact money in fen, 一案双罚 as two linked decisions, no decision without its legal basis, shutdowns lifted after review. */
@RecordApplicationEvents
class DecisionIntegrationTests extends InspectionTestSupport {

    @Autowired
    StandardsLibrary standards;
    @Autowired
    ApplicationEvents events;

    private UUID clause(int n) {
        var list = standards.clausesInForce("mine.coal", Set.of(), today()).stream()
                .filter(c -> c.version().standardCode() != null).toList();
        return list.get((38 + n) % list.size()).id();
    }

    /** A completed inspection of the Zezhou coal mine with one major finding; returns [inspection, hazard]. */
    private UUID[] inspected(String o1, String o2, int clause) throws Exception {
        UUID id = arrangeAndStart("zezhou-yingji", enterprise("泽州示范巴公煤业"), o1, o2);
        JsonNode f = ok(postJson(token(o1), "/api/v1/inspections/" + id + "/findings", map("grade", "MAJOR",
                "clauseId", clause(clause), "description", "检查发现的重大事故隐患", "location", "井下采区")));
        signAndComplete(o1, id, clause(clause));
        return new UUID[]{id, UUID.fromString(f.get("hazardId").asString())};
    }

    @Test
    void finesAreKeptExactlyInFenAndPublishedWithTheDecisionAndItsDocument() throws Exception {
        UUID[] x = inspected("zezhou-zf1", "zezhou-zf3", 0);
        JsonNode made = ok(postJson(token("zezhou-yingji"), "/api/v1/enforcement-decisions", map(
                "inspectionId", x[0], "kind", "PENALTY", "measures", List.of("FINE", "ORDER_RECTIFICATION"),
                "facts", "存在重大事故隐患未采取措施消除", "legalBasis", List.of("SAFELAW-102"), "fineFen", 1_234_567L,
                "deadline", today().plusDays(20), "priorNoticeOn", today(), "decidedOn", today(), "hazardIds", List.of(x[1]))));
        UUID id = UUID.fromString(made.get("ids").get(0).asString());
        JsonNode d = getJson(token("zezhou-yingji"), "/api/v1/enforcement-decisions/" + id);
        assertThat(d.get("fineFen").asLong()).isEqualTo(1_234_567L);
        assertThat(d.get("number").asString()).matches("晋泽应急罚〔\\d{4}〕\\d+号");
        assertThat(d.at("/hazards/0/id").asString()).isEqualTo(x[1].toString());
        assertThat(events.stream(DecisionIssued.class).filter(e -> e.decisionId().equals(id))).singleElement().satisfies(e -> {
            assertThat(e.enterpriseFineFen()).isEqualTo(1_234_567L);
            assertThat(e.personFineFen()).isZero();
            assertThat(e.hazardIds()).containsExactly(x[1]);
            assertThat(e.inspectionId()).isEqualTo(x[0]);
            assertThat(e.unitRegionCode()).isEqualTo("140525");
        });
        byte[] pdf = mvc.perform(auth(get("/api/v1/enforcement-decisions/" + id + "/document.pdf"), token("qiye")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("行政处罚决定书").contains("12,345.67").contains("壹万贰仟叁佰肆拾伍元陆角柒分");
    }

    @Test
    void oneCaseTwoPenaltiesMakesBothLinkedDecisionsOnTheEnterpriseAndItsPrincipal() throws Exception {
        UUID[] x = inspected("zezhou-zf2", "zezhou-zf4", 1);
        JsonNode made = ok(postJson(token("zezhou-yingji"), "/api/v1/enforcement-decisions", map(
                "inspectionId", x[0], "kind", "PENALTY", "measures", List.of("FINE"), "facts", "存在重大事故隐患未采取措施消除",
                "legalBasis", List.of("SAFELAW-102"), "fineFen", 2_500_000L, "priorNoticeOn", today(), "decidedOn", today(),
                "hazardIds", List.of(x[1]), "person", map("fineFen", 900_000L, "legalBasis", List.of("ORDER15-45"),
                        "facts", "主要负责人违章指挥"))));
        assertThat(made.get("ids")).hasSize(2);
        UUID unit = UUID.fromString(made.get("ids").get(0).asString());
        UUID person = UUID.fromString(made.get("ids").get(1).asString());
        JsonNode u = getJson(token("zezhou-yingji"), "/api/v1/enforcement-decisions/" + unit);
        JsonNode p = getJson(token("zezhou-yingji"), "/api/v1/enforcement-decisions/" + person);
        assertThat(u.get("partyType").asString()).isEqualTo("UNIT");
        assertThat(p.get("partyType").asString()).isEqualTo("PERSON");
        assertThat(p.get("partyName").asString()).isEqualTo("严巴山"); // the principal on record
        assertThat(p.get("fineFen").asLong()).isEqualTo(900_000L);
        assertThat(u.at("/sameCase/0/id").asString()).isEqualTo(person.toString());
        assertThat(p.at("/sameCase/0/id").asString()).isEqualTo(unit.toString());
        int n1 = Integer.parseInt(u.get("number").asString().replaceAll(".*〕(\\d+)号", "$1"));
        int n2 = Integer.parseInt(p.get("number").asString().replaceAll(".*〕(\\d+)号", "$1"));
        assertThat(n2).isEqualTo(n1 + 1);
        assertThat(events.stream(DecisionIssued.class).filter(e -> e.decisionId().equals(unit) || e.decisionId().equals(person)))
                .extracting(DecisionIssued::enterpriseFineFen, DecisionIssued::personFineFen)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(2_500_000L, 0L), org.assertj.core.groups.Tuple.tuple(0L, 900_000L));
    }

    @Test
    void aDecisionWithoutItsLegalBasisOrAboveTheArticlesMaximumIsRefusedAndNothingIsStored() throws Exception {
        UUID[] x = inspected("zezhou-zf3", "zezhou-zf4", 2);
        long before = jdbc.sql("select count(*) from insp_decision").query(Long.class).single();
        postJson(token("zezhou-yingji"), "/api/v1/enforcement-decisions", map("inspectionId", x[0], "kind", "PENALTY",
                "measures", List.of("FINE"), "facts", "事实", "fineFen", 100_000L, "priorNoticeOn", today(), "decidedOn", today()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("DECISION_LEGAL_BASIS_REQUIRED"));
        postJson(token("zezhou-yingji"), "/api/v1/enforcement-decisions", map("inspectionId", x[0], "kind", "PENALTY",
                "measures", List.of("FINE"), "facts", "事实", "legalBasis", List.of("SAFELAW-999"), "fineFen", 100_000L,
                "priorNoticeOn", today(), "decidedOn", today()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("DECISION_LEGAL_BASIS_REQUIRED"));
        // Art. 102 fines an organisation at most 5 万元
        postJson(token("zezhou-yingji"), "/api/v1/enforcement-decisions", map("inspectionId", x[0], "kind", "PENALTY",
                "measures", List.of("FINE"), "facts", "事实", "legalBasis", List.of("SAFELAW-102"), "fineFen", 5_000_001L,
                "priorNoticeOn", today(), "hearingNoticeOn", today().minusDays(10), "decidedOn", today()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("DECISION_INVALID"));
        // 一案双罚 with a person's fine its article does not provide for
        postJson(token("zezhou-yingji"), "/api/v1/enforcement-decisions", map("inspectionId", x[0], "kind", "PENALTY",
                "measures", List.of("FINE"), "facts", "事实", "legalBasis", List.of("SAFELAW-102"), "fineFen", 100_000L,
                "priorNoticeOn", today(), "decidedOn", today(), "person", map("fineFen", 100_000L, "legalBasis", List.of("SAFELAW-109"))))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("select count(*) from insp_decision").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aShutdownIsLiftedOnlyAfterAPassedReinspectionAndTheOrderClosesAfterIt() throws Exception {
        UUID[] x = inspected("zezhou-zf1", "zezhou-zf2", 3);
        JsonNode made = ok(postJson(token("zezhou-yingji"), "/api/v1/enforcement-decisions", map("inspectionId", x[0],
                "kind", "RECTIFICATION_ORDER", "measures", List.of("ORDER_RECTIFICATION", "SUSPEND_PARTIAL"),
                "facts", "重大事故隐患排除前无法保证安全", "legalBasis", List.of("SAFELAW-65"), "deadline", today().plusDays(15),
                "shutdownFrom", today(), "decidedOn", today(), "hazardIds", List.of(x[1]))));
        UUID id = UUID.fromString(made.get("ids").get(0).asString());
        assertThat(events.stream(InspectionEvents.ShutdownOrdered.class).filter(e -> e.decisionId().equals(id)))
                .singleElement().satisfies(e -> assertThat(e.partial()).isTrue());
        String unit = token("zezhou-yingji");
        postJson(unit, "/api/v1/enforcement-decisions/" + id + "/lift-shutdown", map("version", dv(id), "on", today()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECISION_REVIEW_REQUIRED"));
        postJson(unit, "/api/v1/enforcement-decisions/" + id + "/close", map("version", dv(id)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DECISION_NOT_READY_TO_CLOSE"));
        ok(postJson(unit, "/api/v1/enforcement-decisions/" + id + "/reinspections", map("version", dv(id), "on", today(),
                "passed", true, "note", "已整改，现场复查合格")));
        ok(postJson(unit, "/api/v1/enforcement-decisions/" + id + "/lift-shutdown", map("version", dv(id), "on", today())));
        ok(postJson(unit, "/api/v1/enforcement-decisions/" + id + "/close", map("version", dv(id))));
        assertThat(getJson(unit, "/api/v1/enforcement-decisions/" + id).get("status").asString()).isEqualTo("CLOSED");
        assertThat(events.stream(InspectionEvents.ShutdownLifted.class).filter(e -> e.decisionId().equals(id))).hasSize(1);
        assertThat(events.stream(InspectionEvents.ReinspectionDone.class).filter(e -> id.equals(e.decisionId())))
                .singleElement().satisfies(e -> assertThat(e.passed()).isTrue());
        // the enterprise sees the decision; another county's office does not
        getJson(token("qiye"), "/api/v1/enforcement-decisions/" + id);
        mvc.perform(auth(get("/api/v1/enforcement-decisions/" + id), token("gaoping"))).andExpect(status().isNotFound());
    }

    private int dv(UUID id) throws Exception {
        return getJson(token("zezhou-yingji"), "/api/v1/enforcement-decisions/" + id).get("version").asInt();
    }
}
