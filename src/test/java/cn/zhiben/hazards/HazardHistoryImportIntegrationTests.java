package cn.zhiben.hazards;

import cn.zhiben.hazards.internal.HazardImportColumn;
import cn.zhiben.hazards.internal.HazardService;
import cn.zhiben.org.EnterpriseTestSupport;
import cn.zhiben.platform.PlatformConfiguration;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 8, history import: past hazards from an office's ledger land in the right buckets (stock/increment, open,
 * overdue, the yearly figures), with their historical steps, marked as imported, never notified or escalated; a bad row
 * is reported with its row number and nothing is loaded; duplicates and enterprises outside the scope are refused.
 */
class HazardHistoryImportIntegrationTests extends HazardRecordsTestSupport {

    @Autowired
    HazardDirectory directory;
    @Autowired
    HazardService service;

    @Test
    void aStockHazardSignedOffIn2024AndAnOpenOneFrom2023LandInTheRightBuckets() throws Exception {
        UUID mine = newMine();
        String city = token("city");
        var figures2023 = directory.figures("140525", null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
        var figures2024 = directory.figures("140525", null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        var figures2025 = directory.figures("140525", null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        long messages = jdbc.sql("select count(*) from ntf_message").query(Long.class).single();

        JsonNode answer = json(upload("zezhou", workbook(ledger(uscc(mine))), false).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        assertThat(answer.at("/job/status").asString()).isEqualTo("COMPLETED");
        assertThat(answer.at("/job/importedRows").asInt()).isEqualTo(3);
        assertThat(answer.get("hazards")).hasSize(3);

        String e = "enterpriseId=" + mine;
        assertThat(list(city, e + "&stock=true").get("total").asLong()).isEqualTo(2);
        assertThat(list(city, e + "&stock=false").get("total").asLong()).isEqualTo(1);
        JsonNode openStock = list(city, e + "&stock=true&open=true");
        assertThat(openStock.get("total").asLong()).isEqualTo(1);
        assertThat(openStock.at("/rows/0/foundOn").asString()).isEqualTo("2023-11-02");
        assertThat(openStock.at("/rows/0/overdue").asBoolean()).isTrue();
        assertThat(openStock.at("/rows/0/imported").asBoolean()).isTrue();
        assertThat(list(city, e + "&stock=true&status=SIGNED_OFF").at("/rows/0/foundOn").asString()).isEqualTo("2023-05-10");
        assertThat(list(city, e + "&imported=true").get("total").asLong()).isEqualTo(3);
        assertThat(list(city, e + "&imported=false").get("total").asLong()).isZero();

        // the yearly figures count them in the year they happened
        var after2023 = directory.figures("140525", null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
        var after2024 = directory.figures("140525", null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        var after2025 = directory.figures("140525", null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(after2023.found() - figures2023.found()).isEqualTo(2);
        assertThat(after2023.majorFound() - figures2023.majorFound()).isEqualTo(2);
        assertThat(after2023.signedOff() - figures2023.signedOff()).isZero();
        assertThat(after2024.signedOff() - figures2024.signedOff()).isEqualTo(1);
        assertThat(after2024.found() - figures2024.found()).isZero();
        assertThat(after2025.found() - figures2025.found()).isEqualTo(1);
        assertThat(after2025.closed() - figures2025.closed()).isEqualTo(1);
        assertThat(after2025.openMajor() - figures2025.openMajor()).isEqualTo(1);
        assertThat(after2025.overdue() - figures2025.overdue()).isEqualTo(1);
        assertThat(after2025.listed() - figures2025.listed()).isZero();

        // the timeline shows the ledger's steps on their dates, then the import
        UUID signedOff = UUID.fromString(list(city, e + "&status=SIGNED_OFF").at("/rows/0/id").asString());
        JsonNode d = detail(city, signedOff);
        List<String> steps = new ArrayList<>();
        d.at("/hazard/timeline").forEach(t -> steps.add(t.get("action").asString() + "@"
                + Instant.parse(t.get("at").asString()).atZone(PlatformConfiguration.ZONE).toLocalDate()));
        assertThat(steps.subList(0, 4)).containsExactly("REGISTER@2023-05-10", "LIST@2023-05-20", "COMPLETE@2024-02-20",
                "SIGN_OFF@2024-03-15");
        assertThat(steps.get(4)).startsWith("IMPORT@");
        assertThat(d.at("/hazard/timeline/4/reason").asString()).contains("台账.xlsx 第 2 行", "ZZ-2023-0087");
        assertThat(d.at("/hazard/row/number").asString()).startsWith("140525-2023-");
        // signed off: the listing ended with the sign-off, on the ledger's date
        assertThat(d.at("/hazard/row/listingLevel").isMissingNode() || d.at("/hazard/row/listingLevel").isNull()).isTrue();
        assertThat(d.at("/hazard/row/listingEndedLevel").asString()).isEqualTo("COUNTY");
        assertThat(d.at("/hazard/row/listingEndedOn").asString()).isEqualTo("2024-03-15");
        assertThat(d.at("/hazard/row/clauseLabel").asString()).contains("应急管理部令第4号", "4.1");
        assertThat(d.at("/hazard/sourcePath").asString()).startsWith("/hazards/imports/");

        // nothing was told to anyone, and the overdue job does not escalate the past
        UUID open = UUID.fromString(openStock.at("/rows/0/id").asString());
        assertThat(detail(city, open).at("/hazard/row/clauseLabel").asString()).startsWith("判定依据（原台账）：综合判定");
        service.markOverdue();
        assertThat(detail(city, open).at("/hazard/timeline").findValuesAsString("action")).doesNotContain("MARK_OVERDUE");
        assertThat(detail(city, open).at("/hazard/escalatedTo").isMissingNode() || detail(city, open).at("/hazard/escalatedTo").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from ntf_message").query(Long.class).single()).isEqualTo(messages);
        assertThat(jdbc.sql("select count(*) from ntf_sms where text like :n").param("n", "%" + d.at("/hazard/row/number").asString() + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aBadRowIsReportedWithItsRowNumberAndNothingIsLoaded() throws Exception {
        UUID mine = newMine();
        List<Map<HazardImportColumn, String>> rows = ledger(uscc(mine));
        // row 3: a general hazard cannot be signed off, and the sign-off precedes the rectification
        rows.get(1).putAll(row(HazardImportColumn.GRADE, "一般", HazardImportColumn.BASIS, "", HazardImportColumn.STATUS, "已整改关闭",
                HazardImportColumn.RECTIFIED_ON, "2024-05-01", HazardImportColumn.SIGNED_OFF_ON, "2024-04-01"));
        rows.get(1).remove(HazardImportColumn.BASIS);
        // row 5: an enterprise nobody registered
        rows.add(row(HazardImportColumn.USCC, "91140525MA0XXXXXXX", HazardImportColumn.FOUND_ON, "2024-13-01",
                HazardImportColumn.GRADE, "重大", HazardImportColumn.CHANNEL, "部门检查", HazardImportColumn.DESCRIPTION, "x",
                HazardImportColumn.LOCATION, "x", HazardImportColumn.FOUND_BY, "x", HazardImportColumn.STATUS, "整改中"));

        JsonNode problem = json(upload("city", workbook(rows), false).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(problem.get("code").asString()).isEqualTo("HAZARD_IMPORT_REJECTED");
        List<String> fields = problem.get("errors").findValuesAsString("field");
        assertThat(fields).contains("第 3 行·销号日期", "第 5 行·企业统一社会信用代码", "第 5 行·发现日期");
        assertThat(fields).noneMatch(f -> f.startsWith("第 2 行") || f.startsWith("第 4 行"));
        assertThat(problem.get("errors").findValuesAsString("message")).anyMatch(m -> m.contains("只有重大事故隐患才有销号日期"));
        assertThat(hazardsOf(mine)).isZero();

        // the report stays with the job, for the uploader only
        String jobId = problem.get("detail").asString().replaceAll(".*导入记录 ([0-9a-f-]{36}).*", "$1");
        JsonNode job = json(mvc.perform(auth(get("/api/v1/hazards/imports/" + jobId), token("city"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(job.at("/job/status").asString()).isEqualTo("REJECTED");
        assertThat(job.at("/job/invalidRows").asInt()).isEqualTo(2);
        assertThat(job.get("hazards")).isEmpty();
        mvc.perform(auth(get("/api/v1/hazards/imports/" + jobId), token("zezhou"))).andExpect(status().isNotFound());
    }

    @Test
    void aLedgerUploadedAgainSkipsWhatWasImportedAndLoadsOnlyItsNewRows() throws Exception {
        UUID mine = newMine();
        List<Map<HazardImportColumn, String>> ledger = ledger(uscc(mine));
        upload("city", workbook(ledger.subList(0, 1)), false).andExpect(status().isCreated());

        // the same file again: nothing new, nothing refused (200, not 201)
        JsonNode again = json(upload("city", workbook(ledger.subList(0, 1)), false).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(again.at("/job/status").asString()).isEqualTo("COMPLETED");
        assertThat(again.at("/job/importedRows").asInt()).isZero();
        assertThat(again.at("/job/skippedRows").asInt()).isEqualTo(1);
        assertThat(again.at("/job/skipped/0/row").asInt()).isEqualTo(2);
        assertThat(again.at("/job/skipped/0/message").asString()).startsWith("此前已导入为隐患 140525-2023-");
        assertThat(hazardsOf(mine)).isEqualTo(1);

        // the ledger has grown: a dry run says what would happen, then only the new rows are loaded
        JsonNode checked = json(upload("city", workbook(ledger), true).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(checked.at("/job/message").asString()).isEqualTo("2 行校验通过（仅校验，未导入）；1 行此前已导入，将跳过");
        JsonNode grown = json(upload("city", workbook(ledger), false).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        assertThat(grown.at("/job/importedRows").asInt()).isEqualTo(2);
        assertThat(grown.at("/job/skippedRows").asInt()).isEqualTo(1);
        assertThat(grown.get("hazards").findValuesAsString("row")).doesNotContain("2");
        assertThat(hazardsOf(mine)).isEqualTo(3);
    }

    @Test
    void duplicatesInTheFileAndOfHazardsReportedInThePlatformAreRefused() throws Exception {
        UUID mine = newMine();
        // a hazard reported in the platform yesterday, then found in an office's ledger too: refused, not skipped
        String found = today().minusDays(1).toString();
        create(token("city"), with("enterpriseId", mine.toString(), "channel", "SUPERVISION", "grade", "GENERAL",
                "description", "主扇风机房 灭火器压力不足", "location", "主扇风机房", "foundOn", found, "foundBy", "县能源局",
                "deadline", today().plusDays(10).toString())).andExpect(status().isCreated());
        Map<HazardImportColumn, String> same = row(HazardImportColumn.USCC, uscc(mine), HazardImportColumn.FOUND_ON, found,
                HazardImportColumn.GRADE, "一般", HazardImportColumn.CHANNEL, "部门检查",
                HazardImportColumn.DESCRIPTION, "主扇风机房灭火器压力不足", HazardImportColumn.LOCATION, "主扇风机房",
                HazardImportColumn.FOUND_BY, "县能源局", HazardImportColumn.STATUS, "已整改关闭", HazardImportColumn.RECTIFIED_ON, found);
        JsonNode refused = json(upload("city", workbook(List.of(same)), false).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(refused.get("errors").findValuesAsString("message")).singleElement().asString()
                .startsWith("与平台中已登记的隐患 140525-").endsWith("请从台账中删除此行");

        UUID other = newMine();
        var twice = new ArrayList<>(ledger(uscc(other)).subList(2, 3));
        twice.add(new EnumMap<>(twice.get(0)));
        JsonNode inFile = json(upload("city", workbook(twice), false).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(inFile.get("errors").findValuesAsString("message")).contains("与文件中第 3 行重复（同一企业、同一判定条款或描述、同一发现日期）",
                "与文件中第 2 行重复（同一企业、同一判定条款或描述、同一发现日期）");
        assertThat(hazardsOf(mine)).isEqualTo(1);
        assertThat(hazardsOf(other)).isZero();
    }

    @Test
    void aUnitWithoutSupervisoryDutiesCannotImportNorSeesTheMenu() throws Exception {
        UUID mine = newMine();
        // category 4 of Attachment 2: a member of the committee, not a department with supervisory duties
        String unit = jdbc.sql("select id from org_unit where name = '国网山西省电力公司晋城供电公司'").query(UUID.class).single().toString();
        var grid = cn.zhiben.identity.Accounts.createReady(mvc, token("secadmin"), "MEMBER_UNIT", null, unit);
        String gridToken = cn.zhiben.identity.Accounts.token(mvc, grid.username(), grid.password());
        mvc.perform(multipart("/api/v1/hazards/imports").file(new MockMultipartFile("file", "台账.xlsx", XLSX,
                        workbook(ledger(uscc(mine)))))
                .header("Authorization", "Bearer " + gridToken)).andExpect(status().isForbidden());
        mvc.perform(auth(get("/api/v1/hazards/imports/template.xlsx"), gridToken)).andExpect(status().isForbidden());
        assertThat(hazardsOf(mine)).isZero();
    }

    @Test
    void anImportedFireHazardOfACoalMineBelongsToTheFireFieldToo() throws Exception {
        UUID mine = newMine();
        Map<HazardImportColumn, String> fire = row(HazardImportColumn.USCC, uscc(mine), HazardImportColumn.FOUND_ON, "2024-03-01",
                HazardImportColumn.GRADE, "重大", HazardImportColumn.CHANNEL, "部门检查", HazardImportColumn.STANDARD, "GB 35181-2017",
                HazardImportColumn.CLAUSE_NO, "6.4", HazardImportColumn.DESCRIPTION, "地下油脂库储存甲类物品",
                HazardImportColumn.LOCATION, "井下油脂库", HazardImportColumn.FOUND_BY, "泽州县消防救援大队",
                HazardImportColumn.STATUS, "整改中", HazardImportColumn.DEADLINE, "2024-12-31");
        JsonNode answer = json(upload("city", workbook(List.of(fire)), false).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(answer.at("/hazards/0/hazardId").asString());
        assertThat(detail(token("zezhou-xiaofang"), id).at("/hazard/row/fieldCode").asString()).isEqualTo("fire");
        mvc.perform(auth(get("/api/v1/hazards/" + id), token("xiaofang"))).andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/hazards/" + id), token("zezhou-nengyuan"))).andExpect(status().isOk());
        // a department of neither field does not (as in HazardFieldAndDeterminationIntegrationTests)
        String education = jdbc.sql("select id from org_unit where name = '市教育局'").query(UUID.class).single().toString();
        var teacher = cn.zhiben.identity.Accounts.createReady(mvc, token("secadmin"), "MEMBER_UNIT", null, education);
        mvc.perform(auth(get("/api/v1/hazards/" + id), cn.zhiben.identity.Accounts.token(mvc, teacher.username(), teacher.password())))
                .andExpect(status().isNotFound());
    }

    @Test
    void anEnterpriseOutsideTheImportersScopeIsRefusedAndTownshipsCannotImport() throws Exception {
        UUID mine = newMine();
        JsonNode problem = json(upload("gaoping", workbook(ledger(uscc(mine))), false).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(problem.get("errors").findValuesAsString("message")).allMatch(m -> m.contains("不在您的数据范围内"));
        upload("nancun", workbook(ledger(uscc(mine))), false).andExpect(status().isForbidden());
        upload("qiye", workbook(ledger(uscc(mine))), false).andExpect(status().isForbidden());
        assertThat(hazardsOf(mine)).isZero();
    }

    @Test
    void aDryRunChecksWithoutWritingAndTheTemplateRoundTrips() throws Exception {
        UUID mine = newMine();
        JsonNode checked = json(upload("zezhou-yingji", workbook(ledger(uscc(mine)).subList(0, 1)), true)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(checked.at("/job/status").asString()).isEqualTo("VALIDATED");
        assertThat(hazardsOf(mine)).isZero();

        // the downloaded template, filled in, is accepted as it is
        byte[] template = mvc.perform(auth(get("/api/v1/hazards/imports/template.xlsx"), token("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            assertThat(wb.getSheet("填写说明")).isNotNull();
            Sheet s = wb.getSheet("隐患台账");
            Row r = s.createRow(1);
            ledger(uscc(mine)).get(2).forEach((c, v) -> r.createCell(c.ordinal()).setCellValue(v));
            wb.write(out);
            filled = out.toByteArray();
        }
        upload("zezhou-yingji", filled, false).andExpect(status().isCreated());
        assertThat(hazardsOf(mine)).isEqualTo(1);
    }

    @Test
    void theImportPageShowsTheRowReportAndTheListMarksImportedHazards() throws Exception {
        UUID mine = newMine();
        var session = login("zezhou");
        mvc.perform(get("/hazards/imports").session(session)).andExpect(status().isOk());
        List<Map<HazardImportColumn, String>> bad = new ArrayList<>(ledger(uscc(mine)).subList(2, 3));
        bad.get(0).put(HazardImportColumn.STATUS, "已销号");
        String location = mvc.perform(multipart("/hazards/imports").file(new MockMultipartFile("file", "坏台账.xlsx", XLSX, workbook(bad)))
                        .param("dryRun", "false").session(session).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("未导入（存在问题行）", "整改状态", "一般隐患的整改状态只能是整改中、已整改关闭");

        upload("zezhou", workbook(ledger(uscc(mine)).subList(2, 3)), false).andExpect(status().isCreated());
        String list = mvc.perform(get("/hazards?imported=true&keyword=" + "井口信号室灭火器过期").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("历史导入");
        UUID id = jdbc.sql("select id from hz_hazard where enterprise_id = :e").param("e", mine).query(UUID.class).single();
        String detail = mvc.perform(get("/hazards/" + id).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(detail).contains("历史导入", "台账.xlsx 第 2 行", "2025-04-10", "历史台账");
        mvc.perform(get("/hazards/imports").session(login("nancun"))).andExpect(status().isForbidden());
    }
}
