package cn.zhiben.analytics;

import cn.zhiben.analytics.internal.HazardReadModel;
import cn.zhiben.campaign.CampaignEvents;
import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardSnapshot;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.inspections.InspectionEvents;
import cn.zhiben.support.IntegrationTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The analytics API end to end: scope, exports, the county-city comparison, rebuild = incremental, other modules' events. */
class AnalyticsWebTests extends IntegrationTest {

    @Autowired
    HazardReadModel model;
    @Autowired
    PlatformTransactionManager tm;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    cn.zhiben.standards.StandardsLibrary standards;

    interface Body {
        void run() throws Exception;
    }

    /** Synthetic snapshots and the requests about them in one transaction, rolled back (MockMvc runs on this thread). */
    void rolledBack(Body body) {
        new TransactionTemplate(tm).executeWithoutResult(status -> {
            try {
                body.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    static HazardSnapshot snapshot(String region, String industry, Grade grade, HazardStatus status, LocalDate found,
                                   String fieldCode) {
        UUID id = UUID.randomUUID();
        return new HazardSnapshot(id, 1, "T-" + id.toString().substring(0, 8), UUID.nameUUIDFromBytes(region.getBytes()),
                "比对测试企业" + region, region, null, industry, fieldCode, Channel.SUPERVISION, grade, status, null, false,
                found, found.plusDays(30), false, null, Instant.parse("2026-01-01T00:00:00Z"), null, null, null,
                null, null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    JsonNode getJson(String token, String url) throws Exception {
        return JSON.readTree(mvc.perform(get(url).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aCountyUserSeesOnlyItsCountyInBreakdownsDrillDownAndExports() throws Exception {
        String city = token("city");
        String zezhou = token("zezhou");
        String energy = token("nengyuan");
        rolledBack(() -> {
            model.apply(snapshot("140525100", "mine.coal", Grade.MAJOR, HazardStatus.RECTIFYING, LocalDate.of(2025, 6, 1), null));
            HazardSnapshot coal = snapshot("140521100", "mine.coal", Grade.MAJOR, HazardStatus.RECTIFYING,
                    LocalDate.of(2025, 6, 1), null);
            HazardSnapshot chemicals = snapshot("140521100", "hazchem.production", Grade.MAJOR, HazardStatus.RECTIFYING,
                    LocalDate.of(2025, 6, 1), null);
            model.apply(coal);
            model.apply(chemicals);

            List<String> cityCounties = keys(getJson(city, "/api/v1/analytics/breakdown?by=county&grade=MAJOR&open=true"));
            assertThat(cityCounties).contains("140525", "140521");
            assertThat(keys(getJson(zezhou, "/api/v1/analytics/breakdown?by=county&grade=MAJOR&open=true")))
                    .containsExactly("140525");
            JsonNode drill = getJson(zezhou, "/api/v1/analytics/hazards?grade=MAJOR&limit=200");
            assertThat(drill.get("total").asLong()).isPositive();
            drill.get("hazards").forEach(h -> assertThat(h.get("regionCode").asString()).startsWith("140525"));
            // asking for another county: nothing, not an error that reveals it
            assertThat(getJson(zezhou, "/api/v1/analytics/hazards?region=140521").get("total").asLong()).isZero();
            assertThat(getJson(zezhou, "/api/v1/analytics/kpis?region=140521").get("openMajor").asLong()).isZero();
            byte[] xlsx = mvc.perform(get("/api/v1/analytics/export.xlsx?table=breakdown&by=county").header("Authorization",
                    "Bearer " + zezhou)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(column(xlsx, 0)).containsOnly("140525", "");
            byte[] hazards = mvc.perform(get("/api/v1/analytics/export.xlsx?table=hazards&grade=MAJOR").header("Authorization",
                    "Bearer " + zezhou)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(column(hazards, 2)).isNotEmpty().allSatisfy(name -> assertThat(name).isNotEmpty());

            // a member unit: its industries only (the energy bureau supervises coal, not chemicals)
            JsonNode byIndustry = getJson(energy, "/api/v1/analytics/hazards?region=140521&limit=200&from=2025-06-01&to=2025-06-01");
            List<String> numbers = new ArrayList<>();
            byIndustry.get("hazards").forEach(h -> numbers.add(h.get("number").asString()));
            assertThat(numbers).contains(coal.number()).doesNotContain(chemicals.number());
            List<String> cityNumbers = new ArrayList<>();
            getJson(city, "/api/v1/analytics/hazards?region=140521&limit=200&from=2025-06-01&to=2025-06-01").get("hazards")
                    .forEach(h -> cityNumbers.add(h.get("number").asString()));
            assertThat(cityNumbers).contains(coal.number(), chemicals.number());
        });
    }

    static List<String> keys(JsonNode breakdown) {
        List<String> out = new ArrayList<>();
        breakdown.get("rows").forEach(r -> out.add(r.get("key").asString()));
        return out;
    }

    static List<String> column(byte[] xlsx, int c) throws Exception {
        List<String> out = new ArrayList<>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                var cell = s.getRow(r).getCell(c);
                out.add(cell == null ? "" : cell.toString());
            }
        }
        return out;
    }

    @Test
    void enterprisesAndAdministratorsDoNotReadAnalytics() throws Exception {
        mvc.perform(get("/api/v1/analytics/kpis").header("Authorization", "Bearer " + token("qiye")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/analytics/kpis").header("Authorization", "Bearer " + token("sysadmin")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/analytics/breakdown?by=nonsense").header("Authorization", "Bearer " + token("city")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_DIMENSION"));
    }

    @Test
    void theCountyCityComparisonListsAPlantedDiscrepancyAndNothingElse() throws Exception {
        String zezhou = token("zezhou");
        String city = token("city");
        String gaoping = token("gaoping");
        rolledBack(() -> {
            LocalDate in = LocalDate.of(2025, 3, 12);
            model.apply(snapshot("140525100", "mine.coal", Grade.MAJOR, HazardStatus.RECTIFYING, in, null));
            model.apply(snapshot("140525100", "mine.coal", Grade.GENERAL, HazardStatus.RECTIFYING, in, null));
            model.apply(snapshot("140525101", "hazchem.production", Grade.GENERAL, HazardStatus.RECTIFYING, in, null));
            // first, an empty report: every industry the platform has figures for differs
            JsonNode first = submit(zezhou, "2025-03", List.of(line("indtrade.machinery", 0, 0, 0)));
            assertThat(first.get("discrepancies").size()).isPositive();
            // the county now reports exactly what the platform holds, except one planted difference (coal, major)
            Map<String, long[]> platform = new LinkedHashMap<>();
            first.get("discrepancies").forEach(d -> platform.computeIfAbsent(d.get("industryCode").asString(), k -> new long[3])
                    [List.of("found", "majorFound", "rectified").indexOf(d.get("figure").asString())] = d.get("platform").asLong());
            List<Map<String, Object>> lines = new ArrayList<>();
            platform.forEach((code, v) -> lines.add(line(code, v[0], code.equals("mine.coal") ? v[1] + 1 : v[1], v[2])));
            JsonNode second = submit(zezhou, "2025-03", lines);
            assertThat(second.get("discrepancies").size()).isEqualTo(1);
            JsonNode d = second.get("discrepancies").get(0);
            assertThat(d.get("industryCode").asString()).isEqualTo("mine.coal");
            assertThat(d.get("figure").asString()).isEqualTo("majorFound");
            assertThat(d.get("county").asLong()).isEqualTo(d.get("platform").asLong() + 1);
            // down to the hazards behind the platform's figure
            JsonNode behind = getJson(city, "/api/v1/analytics/hazards?" + d.get("hazardsQuery").asString());
            assertThat(behind.get("total").asLong()).isEqualTo(d.get("platform").asLong());
            behind.get("hazards").forEach(h -> {
                assertThat(h.get("industryCode").asString()).isEqualTo("mine.coal");
                assertThat(h.get("grade").asString()).isEqualTo("重大");
            });
            // the city sees it; another county office may not submit for Zezhou nor read it
            assertThat(getJson(city, "/api/v1/analytics/comparison?county=140525&month=2025-03").get("discrepancies").size())
                    .isEqualTo(1);
            mvc.perform(get("/api/v1/analytics/comparison?county=140525&month=2025-03")
                    .header("Authorization", "Bearer " + gaoping)).andExpect(status().isNotFound());
        });
        // outside the rolled-back transaction: a refused write is audited in a transaction of its own, which would wait
        // for the audit chain the submissions above hold
        mvc.perform(post("/api/v1/analytics/comparison/figures").header("Authorization", "Bearer " + city)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"month\":\"2025-03\",\"lines\":[]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theComparisonTemplateRoundTripsThroughXlsxUpload() throws Exception {
        String zezhou = token("zezhou");
        byte[] template = mvc.perform(get("/api/v1/analytics/comparison/template.xlsx").header("Authorization", "Bearer " + zezhou))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(column(template, 0)).contains("mine.coal");
        rolledBack(() -> {
            byte[] filled;
            try (var wb = new XSSFWorkbook(new ByteArrayInputStream(template)); var out = new java.io.ByteArrayOutputStream()) {
                Sheet s = wb.getSheetAt(0);
                for (int r = 1; r <= s.getLastRowNum(); r++) {
                    if (s.getRow(r).getCell(0).toString().equals("mine.coal")) {
                        s.getRow(r).createCell(2).setCellValue(7);
                        s.getRow(r).createCell(3).setCellValue(2);
                    }
                }
                wb.write(out);
                filled = out.toByteArray();
            }
            String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .multipart("/api/v1/analytics/comparison/figures.xlsx")
                            .file(new org.springframework.mock.web.MockMultipartFile("file", "月报.xlsx",
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled))
                            .param("month", "2024-02").header("Authorization", "Bearer " + zezhou))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(body).contains("\"submitted\":true");
            assertThat(jdbc.sql("select found from an_county_figure where county_code = '140525' and month = date '2024-02-01'"
                    + " and industry_code = 'mine.coal'").query(Integer.class).single()).isEqualTo(7);
        });
        // a spreadsheet that is not one: 400, nothing stored (outside the transaction: refused writes audit on their own)
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/v1/analytics/comparison/figures.xlsx")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "x.xlsx", "application/octet-stream",
                                "not a workbook".getBytes()))
                        .param("month", "2024-03").header("Authorization", "Bearer " + zezhou))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("XLSX_UNREADABLE"));
        assertThat(jdbc.sql("select count(*) from an_county_figure where county_code = '140525' and month = date '2024-03-01'")
                .query(Long.class).single()).isZero();
    }

    static Map<String, Object> line(String code, long found, long major, long rectified) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("industryCode", code);
        m.put("found", found);
        m.put("majorFound", major);
        m.put("rectified", rectified);
        return m;
    }

    JsonNode submit(String token, String month, List<Map<String, Object>> lines) throws Exception {
        Map<String, Object> body = Map.of("month", month, "lines", lines);
        return JSON.readTree(mvc.perform(post("/api/v1/analytics/comparison/figures").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** Waits until every event publication has been handled (the read models are then up to date). */
    void awaitEvents() {
        String incomplete = "from event_publication where completion_date is null and listener_id like '%AnalyticsListeners%'"
                + " and event_type like '%HazardChanged%'";
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) " + incomplete)
                    .query(Long.class).single() == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("hazard snapshots not applied: " + jdbc.sql(
                    "select listener_id || ' ' || publication_date || ' ' || left(serialized_event, 300) " + incomplete
                            + " limit 3").query(String.class).list(), e);
        }
    }

    // each part sorted by its own text (string_agg's "order by 1" would sort by a constant: physical order)
    static final String DUMP = """
            select 'S' || string_agg(r, ';' order by r) from (select concat_ws('|', region_code, zone_code, industry_code,
                field_code, grade, status, channel, listing_level, overdue, stock, n) r from an_state_count where n <> 0) s
            union all
            select 'F' || string_agg(r, ';' order by r) from (select concat_ws('|', region_code, zone_code, industry_code,
                field_code, grade, channel, found_month, bucket, n) r from an_found_month where n <> 0) f
            union all
            select 'D' || string_agg(r, ';' order by r) from (select concat_ws('|', region_code, zone_code, industry_code,
                field_code, grade, done_month, days, n) r from an_done_month where n <> 0) d
            union all
            select 'H' || string_agg(r, ';' order by r) from (select concat_ws('|', hazard_id, version, status, grade,
                listing_level, overdue, signed_off_at, closed_at, dept_confirmed_at, principal_confirmed_at) r from an_hazard) h""";

    @Test
    void rebuildingFromTheHazardsModuleGivesWhatTheEventsBuilt() throws Exception {
        awaitEvents();
        model.rebuild();
        // real hazards through the hazards API: a self-reported major one confirmed at both levels, one acknowledged
        String safety = token("qiye");
        LocalDate today = LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
        var clauses = standards.clausesInForce("mine.coal", Set.of(), today).stream()
                .filter(c -> c.version().standardCode() != null).map(c -> c.id()).toList();
        UUID mine = jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("enterpriseId", mine.toString());
        report.put("channel", "SELF_INSPECTION");
        report.put("grade", "MAJOR");
        report.put("clauseId", clauses.get(37 % clauses.size()).toString());
        report.put("description", "统计重建测试：主要通风机无备用风机");
        report.put("location", "统计测试井口");
        report.put("foundOn", LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE)).minusDays(2).toString());
        report.put("foundBy", "通风区");
        report.put("shutdown", "NONE");
        JsonNode created = JSON.readTree(mvc.perform(post("/api/v1/hazards").header("Authorization", "Bearer " + safety)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(report)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(created.get("id").asString());
        mvc.perform(post("/api/v1/hazards/" + id + "/confirm-department").header("Authorization", "Bearer " + safety)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + created.get("version").asInt() + "}"))
                .andExpect(status().isOk());
        awaitEvents();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select status from an_hazard where hazard_id = :id").param("id", id).query(String.class).optional()
                .orElse("").equals("PENDING_PRINCIPAL_CONFIRMATION"));
        assertThat(jdbc.sql("select dept_confirmed_at is not null from an_hazard where hazard_id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        String incremental = String.join("\n", jdbc.sql(DUMP).query(String.class).list());
        model.rebuild();
        String rebuilt = String.join("\n", jdbc.sql(DUMP).query(String.class).list());
        assertThat(rebuilt).isEqualTo(incremental);
        // withdraw it again so the demo enterprise's same-clause duplicate check is not disturbed
        int version = jdbc.sql("select version from hz_hazard where id = :id").param("id", id).query(Integer.class).single();
        mvc.perform(post("/api/v1/hazards/" + id + "/withdrawal").header("Authorization", "Bearer " + safety)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + ",\"reason\":\"测试完毕撤回\"}"));
    }

    @Test
    void inspectionAndDispatchEventsFeedTheUnitIndicatorsAndDispatchFiguresOnce() throws Exception {
        String city = token("city");
        UUID unit = jdbc.sql("select id from org_unit order by sort_order limit 1").query(UUID.class).single();
        UUID finding = UUID.randomUUID();
        UUID decision = UUID.randomUUID();
        UUID dispatch = UUID.randomUUID();
        UUID addressee = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-20T02:00:00Z");
        JsonNode before = getJson(city, "/api/v1/analytics/four-twos?from=2026-11-01&to=2026-11-30");
        long majorsBefore = sum(before.get("departments"), "majorFindings");
        long sentBefore = sum(before.get("dispatches"), "sent");
        long decisionsBefore = sum(before.get("departments"), "decisions");
        new TransactionTemplate(tm).executeWithoutResult(s -> {
            var f = new InspectionEvents.FindingMade(finding, UUID.randomUUID(), unit, null, UUID.randomUUID(), "140525100",
                    "mine.coal", true, UUID.randomUUID(), at);
            events.publishEvent(f);
            events.publishEvent(f);   // a redelivery
            events.publishEvent(new InspectionEvents.DecisionIssued(decision, "晋应急罚〔2026〕1号", unit, null, UUID.randomUUID(),
                    "140525100", "mine.coal", UUID.randomUUID(), List.of(UUID.randomUUID()),
                    Set.of(InspectionEvents.Measure.FINE), 50_000_00L, 1_000_00L, LocalDate.of(2026, 11, 20), at));
            events.publishEvent(new CampaignEvents.DispatchSent(dispatch, addressee, "调度", "CITY", null, "140525",
                    LocalDate.of(2026, 11, 25), at));
            events.publishEvent(new CampaignEvents.DispatchAnswered(dispatch, addressee, null, "140525", true,
                    at.plus(Duration.ofDays(2))));
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode after = getJson(city, "/api/v1/analytics/four-twos?from=2026-11-01&to=2026-11-30");
            assertThat(sum(after.get("departments"), "majorFindings")).isEqualTo(majorsBefore + 1);
            assertThat(sum(after.get("dispatches"), "sent")).isEqualTo(sentBefore + 1);
            assertThat(sum(after.get("departments"), "decisions")).isEqualTo(decisionsBefore + 1);
            assertThat(sum(after.get("dispatches"), "answeredOnTime")).isGreaterThanOrEqualTo(1);
            assertThat(after.path("departmentNote").isMissingNode() || after.get("departmentNote").isNull()).isTrue();
        });
        jdbc.sql("delete from an_inspection_fact where fact_id in (:ids)").param("ids", List.of("F:" + finding, "D:" + decision)).update();
        jdbc.sql("delete from an_dispatch where dispatch_id = :d").param("d", dispatch).update();
    }

    static long sum(JsonNode rows, String field) {
        long n = 0;
        for (JsonNode r : rows) {
            n += r.get(field).asLong();
        }
        return n;
    }
}
