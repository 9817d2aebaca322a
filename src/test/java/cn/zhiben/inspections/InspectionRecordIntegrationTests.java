package cn.zhiben.inspections;

import cn.zhiben.hazards.HazardDirectory;
import cn.zhiben.inspections.internal.DocumentNumbers;
import cn.zhiben.inspections.internal.UnitRef;
import cn.zhiben.standards.StandardsLibrary;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import cn.zhiben.support.SampleFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The on-site record: findings become hazards once, linked both ways; the signed record is numbered without gaps. */
@RecordApplicationEvents
class InspectionRecordIntegrationTests extends InspectionTestSupport {

    @Autowired
    StandardsLibrary standards;
    @Autowired
    HazardDirectory hazards;
    @Autowired
    DocumentNumbers numbers;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEvents events;

    /** Coal clauses the hazards module's tests do not use, so that no test's report looks like a duplicate of ours. */
    private UUID coalClause(int n) {
        var list = standards.clausesInForce("mine.coal", Set.of(), today()).stream()
                .filter(c -> c.version().standardCode() != null).toList();
        return list.get((34 + n) % list.size()).id();
    }

    @Test
    void aFindingCreatesExactlyOneHazardWithClauseEnterpriseAndInspectionLinkedAndARetryCreatesNoSecond() throws Exception {
        UUID mine = enterprise("泽州示范巴公煤业");
        UUID id = arrangeAndStart("zezhou-yingji", mine, "zezhou-zf1", "zezhou-zf2");
        UUID clause = coalClause(0);
        UUID findingId = UUID.randomUUID();
        var body = map("id", findingId, "grade", "MAJOR", "clauseId", clause, "description", "主要通风机房备用风机未能正常运转",
                "location", "主通风机房", "shutdown", "PARTIAL");
        JsonNode first = json(postJson(token("zezhou-zf1"), "/api/v1/inspections/" + id + "/findings", body)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        // the same request again (a retry after a lost answer): the first finding and hazard, 200
        JsonNode again = json(postJson(token("zezhou-zf1"), "/api/v1/inspections/" + id + "/findings", body)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(again.get("hazardId").asString()).isEqualTo(first.get("hazardId").asString());
        assertThat(again.get("created").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from insp_finding where inspection_id = :i").param("i", id)
                .query(Long.class).single()).isEqualTo(1);
        var linked = hazards.fromSource("inspections", findingId.toString());
        assertThat(linked).singleElement().satisfies(h -> {
            assertThat(h.enterpriseId()).isEqualTo(mine);
            assertThat(h.clauseId()).isEqualTo(clause);
            assertThat(h.channel()).isEqualTo(cn.zhiben.hazards.Channel.SUPERVISION);
            assertThat(h.grade()).isEqualTo(cn.zhiben.hazards.Grade.MAJOR);
        });
        // linked both ways: the hazard points to the inspection page, the inspection shows the hazard and its state
        JsonNode hazard = getJson(token("zezhou-yingji"), "/api/v1/hazards/" + first.get("hazardId").asString());
        assertThat(hazard.at("/hazard/sourcePath").asString()).isEqualTo("/inspections/" + id);
        JsonNode view = getJson(token("zezhou-zf1"), "/api/v1/inspections/" + id);
        assertThat(view.at("/findings/0/hazardNumber").asString()).isEqualTo(first.get("hazardNumber").asString());
        assertThat(view.at("/findings/0/hazardStatus").asString()).isEqualTo("待企业签收");
        // the clause's checklist item is marked as a finding
        assertThat(view.get("items").toString()).contains("FINDING");
        assertThat(events.stream(cn.zhiben.inspections.InspectionEvents.FindingMade.class)
                .filter(e -> e.findingId().equals(findingId))).singleElement()
                .satisfies(e -> assertThat(e.major()).isTrue());
    }

    @Test
    void aPhotoIsServedAsStoredOnlyUnderItsOwnInspectionAndOnlyToWhoSeesThatInspection() throws Exception {
        UUID mine = enterprise("泽州示范巴公煤业");
        UUID id = arrangeAndStart("zezhou-yingji", mine, "zezhou-zf1", "zezhou-zf2");
        UUID other = arrangeAndStart("zezhou-yingji", mine, "zezhou-zf3", "zezhou-zf4");
        byte[] png = SampleFiles.png();
        String photo = json(mvc.perform(multipart("/api/v1/inspections/" + id + "/photos")
                        .file(new MockMultipartFile("file", "现场.png", "application/octet-stream", png))
                        .header("Authorization", "Bearer " + token("zezhou-zf1")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        // the type recognised from the bytes, not the one the upload claimed; the bytes as uploaded
        byte[] served = mvc.perform(auth(get("/api/v1/inspections/" + id + "/photos/" + photo), token("zezhou-yingji")))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(png);
        // under another inspection the caller sees: no such photo there
        mvc.perform(auth(get("/api/v1/inspections/" + other + "/photos/" + photo), token("zezhou-yingji")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("PHOTO_NOT_FOUND"));
        // another county's office does not see the inspection, so not its photo either
        mvc.perform(auth(get("/api/v1/inspections/" + id + "/photos/" + photo), token("gaoping")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("INSPECTION_NOT_FOUND"));
    }

    @Test
    void aMajorFindingWithoutAClauseOrWithAClauseOffTheChecklistIsRefusedAndNothingIsStored() throws Exception {
        UUID mine = enterprise("泽州示范巴公煤业");
        UUID id = arrangeAndStart("zezhou-yingji", mine, "zezhou-zf3", "zezhou-zf4");
        long hazardsBefore = jdbc.sql("select count(*) from hz_hazard").query(Long.class).single();
        postJson(token("zezhou-zf3"), "/api/v1/inspections/" + id + "/findings", map("grade", "MAJOR",
                "description", "问题", "location", "井下")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("clauseId"));
        // a chemical-plant clause is not on a coal mine's checklist
        UUID chemical = standards.clausesInForce("hazchem.production", Set.of(), today()).get(0).id();
        postJson(token("zezhou-zf3"), "/api/v1/inspections/" + id + "/findings", map("grade", "MAJOR", "clauseId", chemical,
                "description", "问题", "location", "井下")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("INSPECTION_CLAUSE_NOT_IN_CHECKLIST"));
        // a general finding needs its deadline
        postJson(token("zezhou-zf3"), "/api/v1/inspections/" + id + "/findings", map("grade", "GENERAL",
                "description", "问题", "location", "井下")).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from insp_finding where inspection_id = :i").param("i", id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from hz_hazard").query(Long.class).single()).isEqualTo(hazardsBefore);
        // someone outside the team cannot record (the unit account sees it, but is not on the team)
        postJson(token("zezhou-yingji"), "/api/v1/inspections/" + id + "/findings", map("grade", "GENERAL",
                "description", "问题", "location", "井下", "deadline", today().plusDays(5)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("INSPECTION_ACTION_FORBIDDEN"));
    }

    @Test
    void theRecordIsCompletedOnlyWhenSignedAndGetsTheUnitsNextNumberAndAPdfTheEnterpriseAcknowledges() throws Exception {
        UUID mine = enterprise("泽州示范巴公煤业");
        UUID id = arrangeAndStart("zezhou-yingji", mine, "zezhou-zf2", "zezhou-zf3");
        String t = token("zezhou-zf2");
        ok(postJson(t, "/api/v1/inspections/" + id + "/items", map("items", List.of(map("clauseId", coalClause(1), "result", "PASSED")))));
        // not yet signed: refused, and no number is used up
        postJson(t, "/api/v1/inspections/" + id + "/complete", map("version", version("zezhou-zf2", id), "summary", "检查"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("INSPECTION_RECORD_INCOMPLETE"));
        String before = jdbc.sql("select coalesce(max(last_value), 0)::text from insp_doc_sequence s join insp_inspection i"
                + " on i.unit_id = s.unit_id where i.id = :i and s.doc_type = 'INSPECTION_RECORD' and s.unit_county = '140525'"
                + " and s.year = :y").param("i", id).param("y", today().getYear()).query(String.class).single();
        String number = signAndComplete("zezhou-zf2", id, coalClause(1));
        assertThat(number).isEqualTo("晋泽应急检记〔" + today().getYear() + "〕" + (Integer.parseInt(before) + 1) + "号");
        // the record as PDF, with the number and both sides
        byte[] pdf = mvc.perform(auth(get("/api/v1/inspections/" + id + "/record.pdf"), t)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("现场检查记录").contains(number).contains("巴公煤业").contains("执法证号");
        // the enterprise acknowledges, once
        String enterprise = token("qiye");
        ok(postJson(enterprise, "/api/v1/inspections/" + id + "/acknowledge", map("version", version("qiye", id))));
        postJson(enterprise, "/api/v1/inspections/" + id + "/acknowledge", map("version", version("qiye", id)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INSPECTION_ALREADY_ACKNOWLEDGED"));
        assertThat(getJson(enterprise, "/api/v1/inspections/" + id).get("acknowledgedByName").asString()).contains("安全管理部");
        assertThat(events.stream(cn.zhiben.inspections.InspectionEvents.InspectionCompleted.class)
                .filter(e -> e.inspectionId().equals(id))).singleElement()
                .satisfies(e -> assertThat(e.documentNumber()).isEqualTo(number));
    }

    @Test
    void documentNumbersStayGapFreeWhenConcurrentTransactionsRollBack() throws Exception {
        UnitRef unit = new UnitRef(jdbc.sql("select id from org_unit where name = '市应急管理局'").query(UUID.class).single(), "140525");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean rollBack = i % 3 == 0;
            calls.add(() -> tx.execute(s -> {
                String n = numbers.next(unit, DocumentNumbers.DocType.REINSPECTION, 2099);
                if (rollBack) {
                    s.setRollbackOnly();
                    return null;
                }
                return n;
            }));
        }
        var pool = Executors.newFixedThreadPool(6);
        List<String> issued = Collections.synchronizedList(new ArrayList<>());
        try {
            for (Future<String> f : pool.invokeAll(calls)) {
                if (f.get() != null) {
                    issued.add(f.get());
                }
            }
        } finally {
            pool.shutdown();
        }
        List<Integer> sequence = issued.stream().map(n -> Integer.parseInt(n.replaceAll(".*〕(\\d+)号", "$1"))).sorted().toList();
        assertThat(sequence).hasSize(8).doesNotHaveDuplicates();
        // every committed number is used, none skipped: 1..8 (the rolled-back ones gave their numbers back)
        assertThat(sequence).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        jdbc.sql("delete from insp_doc_sequence where year = 2099").update();
    }

    @Test
    void aMajorHazardTheEnterprisesOwnCheckOfTheClausePassedIsFlaggedAsMissedWithTheEvidence() throws Exception {
        UUID mine = enterprise("泽州示范巴公煤业");
        UUID covered = coalClause(2);
        UUID notCovered = coalClause(3);
        ok(postJson(token("qiye"), "/api/v1/self-inspections", map("level", "ENTERPRISE", "ledBy", "矿长 严巴山",
                "checkedAt", clock.instant().minusSeconds(5 * 24 * 3600), "scopeName", "全矿",
                "items", List.of(map("clauseId", covered, "result", "PASSED")))));
        UUID id = arrangeAndStart("zezhou-yingji", mine, "zezhou-zf1", "zezhou-zf4");
        JsonNode hit = ok(postJson(token("zezhou-zf1"), "/api/v1/inspections/" + id + "/findings", map("grade", "MAJOR",
                "clauseId", covered, "description", "自查记为合格的条款现场不符合", "location", "井下")));
        JsonNode miss = ok(postJson(token("zezhou-zf1"), "/api/v1/inspections/" + id + "/findings", map("grade", "MAJOR",
                "clauseId", notCovered, "description", "另一处问题", "location", "地面")));
        List<String> evidence = jdbc.sql("select evidence from hz_self_check_evidence where hazard_id = :h")
                .param("h", UUID.fromString(hit.get("hazardId").asString())).query(String.class).list();
        assertThat(evidence).singleElement().satisfies(e -> assertThat(e).contains("厂矿月查").contains("记录为合格").contains("严巴山"));
        assertThat(jdbc.sql("select self_check_missed from hz_hazard where id = :h").param("h", UUID.fromString(hit.get("hazardId").asString()))
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from hz_self_check_evidence where hazard_id = :h")
                .param("h", UUID.fromString(miss.get("hazardId").asString())).query(Long.class).single()).isZero();
        assertThat(getJson(token("zezhou-zf1"), "/api/v1/inspections/" + id).at("/findings/0/selfCheckEvidence").asString())
                .contains("记录为合格");
    }
}
