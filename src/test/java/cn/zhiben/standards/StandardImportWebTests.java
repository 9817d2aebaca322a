package cn.zhiben.standards;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Import and export of a standard version: drafts are unused until published; a bad file loads nothing. */
class StandardImportWebTests extends StandardsTestSupport {

    @Autowired
    StandardsLibrary library;

    private final List<String> codes = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        codes.forEach(this::deleteStandard);
    }

    private String code() {
        String c = uniqueCode();
        codes.add(c);
        return c;
    }

    private long[] libraryCounts() {
        return new long[]{count("select count(*) from std_standard"), count("select count(*) from std_version"),
                count("select count(*) from std_category"), count("select count(*) from std_clause")};
    }

    private UUID imported(String token, String filename, byte[] content) throws Exception {
        String body = importFile(token, filename, content).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT")).andReturn().getResponse().getContentAsString();
        return UUID.fromString(json(body).get("id").asString());
    }

    @Test
    void importedVersionIsADraftUnusedUntilTheCityOfficePublishesIt() throws Exception {
        String code = code();
        String file = json(code, "\"indtrade.light\"", "2026-01-01", null,
                clauseJson("1.1", "1", "测试：烘烤设备超温未切断") + "," + clauseJson("2.1", "2", "测试：专项条款"));
        String yingji = token("yingji");
        UUID id = imported(yingji, "list.json", file.getBytes(StandardCharsets.UTF_8));
        assertThat(count("select count(*) from audit_log where action = 'IMPORT' and entity_type = 'std_version' and entity_id = '" + id + "'"))
                .isEqualTo(1);

        LocalDate day = LocalDate.of(2026, 6, 1);
        assertThat(library.clausesInForce("indtrade.light", Set.of(), day)).noneMatch(c -> c.version().id().equals(id));
        mvc.perform(auth(get("/api/v1/standards").param("industry", "indtrade.light").param("date", "2026-06-01"), yingji))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.standards[?(@.version.id == '" + id + "')]").isEmpty());
        // a draft is seen by the importing unit and the city office only
        mvc.perform(auth(get("/api/v1/standards/versions/" + id), token("zezhou"))).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/standards/versions/" + id), token("nengyuan"))).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/standards/versions/" + id), yingji)).andExpect(status().isOk());
        // the member unit cannot publish; the city office can
        mvc.perform(auth(post("/api/v1/standards/versions/" + id + "/publish"), yingji)).andExpect(status().isForbidden());
        String city = token("city");
        mvc.perform(auth(post("/api/v1/standards/versions/" + id + "/publish"), city))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        assertThat(count("select count(*) from audit_log where action = 'TRANSITION' and entity_type = 'std_version' and entity_id = '" + id + "'"))
                .isEqualTo(1);
        assertThat(library.clausesInForce("indtrade.light", Set.of(), day)).filteredOn(c -> c.version().id().equals(id))
                .extracting(StandardClause::clauseNo).containsExactly("1.1", "2.1");
        assertThat(library.clausesInForce("indtrade.light", Set.of(), LocalDate.of(2025, 12, 31)))
                .noneMatch(c -> c.version().id().equals(id));
        mvc.perform(auth(get("/api/v1/standards/versions/" + id), token("zezhou"))).andExpect(status().isOk());
        mvc.perform(auth(post("/api/v1/standards/versions/" + id + "/publish"), city))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("VERSION_ALREADY_PUBLISHED"));
    }

    @Test
    void exportedSpreadsheetAndJsonImportBackToTheSameClauses() throws Exception {
        String city = token("city");
        UUID hazchem = version("hazchem-2017");
        for (String format : List.of("xlsx", "json")) {
            byte[] file = mvc.perform(auth(get("/api/v1/standards/versions/" + hazchem + "/export").param("format", format), token("zezhou")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            UUID copy = imported(city, "hazchem." + format, file);
            try {
                List<String> original = jdbc.sql("select clause_no || '|' || category_code || '|' || summary || '|' || confidence from std_clause where version_id = :v order by sort_order")
                        .param("v", hazchem).query(String.class).list();
                List<String> again = jdbc.sql("select clause_no || '|' || category_code || '|' || summary || '|' || confidence from std_clause where version_id = :v order by sort_order")
                        .param("v", copy).query(String.class).list();
                assertThat(again).hasSize(20).isEqualTo(original);
                String meta = "select name || issuer || doc_no || legal_nature || effective_from || array_to_string(industry_codes, ',') || coalesce(caveats, '') from std_version where id = :v";
                assertThat(jdbc.sql(meta).param("v", copy).query(String.class).single())
                        .isEqualTo(jdbc.sql(meta).param("v", hazchem).query(String.class).single());
            } finally {
                mvc.perform(auth(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/standards/versions/" + copy), city))
                        .andExpect(status().isNoContent());
            }
        }
        assertThat(count("select count(*) from std_version where standard_id = (select id from std_standard where code = 'hazchem')")).isEqualTo(1);
    }

    @Test
    void rejectsDuplicateClauseNumberEmptySummaryAndUnknownIndustryAndLoadsNothing() throws Exception {
        String city = token("city");
        long[] before = libraryCounts();
        String duplicate = json(code(), "\"water\"", "2026-01-01", null,
                clauseJson("1.1", "1", "甲") + "," + clauseJson("1.2", "1", "乙") + "," + clauseJson("1.1", "1", "丙"));
        importFile(city, "dup.json", duplicate.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMPORT_INVALID"))
                .andExpect(jsonPath("$.errors[0].field").value("clauses[2]"))
                .andExpect(jsonPath("$.errors[0].message").value("条款号 1.1 重复（首次出现于clauses[0]）"));
        String emptySummary = json(code(), "\"water\"", "2026-01-01", null, clauseJson("1.1", "1", "  "));
        importFile(city, "empty.json", emptySummary.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clauses[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("摘要不能为空"));
        String unknownIndustry = json(code(), "\"water\", \"no.such.industry\"", "2026-01-01", null, clauseJson("1.1", "1", "甲"));
        importFile(city, "industry.json", unknownIndustry.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version.industries"))
                .andExpect(jsonPath("$.errors[0].message").value("未知的行业领域：no.such.industry"));
        assertThat(libraryCounts()).isEqualTo(before);
    }

    @Test
    void spreadsheetRejectionNamesTheSheetAndRow() throws Exception {
        String code = code();
        byte[] xlsx = spreadsheet(code, List.of(
                new String[]{"1.1", "1", "甲", "已核实", ""},
                new String[]{"1.2", "1", "", "已核实", ""},
                new String[]{"1.1", "1", "丙", "未核实", "no.such"},
                new String[]{"1.3", "9", "丁", "大概", ""}));
        long[] before = libraryCounts();
        String body = importFile(token("city"), "list.xlsx", xlsx).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IMPORT_INVALID"))
                .andReturn().getResponse().getContentAsString();
        List<String> errors = new ArrayList<>();
        for (JsonNode e : json(body).get("errors")) {
            errors.add(e.get("field").asString() + "：" + e.get("message").asString());
        }
        assertThat(errors).containsExactly(
                "条款 第3行：摘要不能为空",
                "条款 第4行：条款号 1.1 重复（首次出现于条款 第2行）",
                "条款 第4行：未知的行业领域：no.such",
                "条款 第5行：分类编码 9 不在“分类”中",
                "条款 第5行：可信度应为“已核实”或“未核实”");
        assertThat(libraryCounts()).isEqualTo(before);
        // the same sheet without the bad rows loads
        UUID id = imported(token("city"), "list.xlsx", spreadsheet(code, List.<String[]>of(new String[]{"1.1", "1", "甲", "已核实", "water"})));
        assertThat(count("select count(*) from std_clause where version_id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void unreadableOrUnsupportedFilesAreRejected() throws Exception {
        String city = token("city");
        long[] before = libraryCounts();
        importFile(city, "list.json", "{\"standard\": ".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_FILE"));
        importFile(city, "list.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_FILE"));
        importFile(city, "list.csv", "a,b".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNSUPPORTED_FILE_TYPE"));
        importFile(city, "list.json", new byte[0])
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("EMPTY_FILE"));
        importFile(city, "list.json", "[1, 2]".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_FILE"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/standards/import")
                        .header("Authorization", "Bearer " + city))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MISSING_PARAMETER"));
        assertThat(libraryCounts()).isEqualTo(before);
    }

    @Test
    void onlyUnitsThatDraftStandardsMayImportAndOnlyForTheirIndustries() throws Exception {
        byte[] file = json(code(), "\"indtrade.light\"", "2026-01-01", null, clauseJson("1.1", "1", "甲")).getBytes(StandardCharsets.UTF_8);
        long[] before = libraryCounts();
        importFile(token("zezhou"), "a.json", file).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
        importFile(token("nengyuan"), "a.json", file).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("IMPORT_OUT_OF_SCOPE"));
        byte[] everyone = json(code(), "\"fire\"", "2026-01-01", null, clauseJson("1.1", "1", "甲"))
                .replace("\"industries\"", "\"allIndustries\": true, \"industries\"").getBytes(StandardCharsets.UTF_8);
        importFile(token("yingji"), "b.json", everyone).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("IMPORT_OUT_OF_SCOPE"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/standards/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "a.json", "application/json", file))
                        .with(enterpriseUser(UUID.randomUUID())))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/standards/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "a.json", "application/json", file)))
                .andExpect(status().isUnauthorized());
        assertThat(libraryCounts()).isEqualTo(before);
    }

    private static byte[] spreadsheet(String code, List<String[]> clauses) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet h = wb.createSheet("标准");
            String[][] header = {{"字段", "值"}, {"标准编码", code}, {"标准名称", "测试标准 " + code}, {"版本", "测试版"},
                    {"版本名称", "测试判定标准"}, {"发布机关", "测试机关"}, {"法律性质", "规范性文件"}, {"施行日期", "2026-01-01"},
                    {"适用行业", "water"}, {"元数据可信度", "已核实"}, {"来源", "单元测试"}};
            for (int i = 0; i < header.length; i++) {
                Row r = h.createRow(i);
                r.createCell(0).setCellValue(header[i][0]);
                r.createCell(1).setCellValue(header[i][1]);
            }
            Sheet k = wb.createSheet("分类");
            k.createRow(0).createCell(0).setCellValue("编码");
            k.getRow(0).createCell(1).setCellValue("名称");
            k.createRow(1).createCell(0).setCellValue("1");
            k.getRow(1).createCell(1).setCellValue("通用");
            Sheet s = wb.createSheet("条款");
            String[] cols = {"条款号", "分类编码", "摘要", "可信度", "适用行业"};
            Row head = s.createRow(0);
            for (int i = 0; i < cols.length; i++) {
                head.createCell(i).setCellValue(cols[i]);
            }
            for (int r = 0; r < clauses.size(); r++) {
                Row row = s.createRow(r + 1);
                for (int i = 0; i < cols.length; i++) {
                    if (!clauses.get(r)[i].isEmpty()) {
                        row.createCell(i).setCellValue(clauses.get(r)[i]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
