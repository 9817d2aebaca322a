package cn.zhiben.org;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Import from the .xlsx template: background job, per-row report, both modes, template checks, size caps. */
class EnterpriseImportIntegrationTests extends EnterpriseTestSupport {

    @Test
    void aGoodFileImportsEveryRow() throws Exception {
        String tag = tag();
        List<List<String>> rows = List.of(
                row(tag + "一厂", newUscc("140525"), "泽州县南村镇", "机械"),
                row(tag + "二厂", newUscc("140525"), "140525108", "mine.coal"),
                row(tag + "三厂", newUscc("140581"), "高平市米山镇", "indtrade.building 建材"));
        JsonNode job = importAndWait("city", workbook(HEADER, rows), "ALL_OR_NOTHING");

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("totalRows").asInt()).isEqualTo(3);
        assertThat(job.get("validRows").asInt()).isEqualTo(3);
        assertThat(job.get("invalidRows").asInt()).isZero();
        assertThat(job.get("importedRows").asInt()).isEqualTo(3);
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(namesLike(tag)).containsExactlyInAnyOrder(tag + "一厂", tag + "二厂", tag + "三厂");

        var stored = jdbc.sql("select region_code, industry_code, scale, status, standardization_grade, special_operations::text, principal_mobile_enc, principal_mobile_mask, created_by from org_enterprise where name = :n")
                .param("n", tag + "一厂")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))).single();
        assertThat(stored.subList(0, 6)).containsExactly("140525100", "indtrade.machinery", "ABOVE", "OPERATING", "GRADE_2",
                "{DUST_EXPLOSION,CONFINED_SPACE}");
        assertThat(stored.get(6)).startsWith("v1:").doesNotContain("13812340000");
        assertThat(stored.get(7)).isEqualTo("138****0000");
        assertThat(stored.get(8)).isEqualTo("city");

        String audit = jdbc.sql("select result || ' ' || changes from audit_log where action = 'IMPORT' and entity_id = :id")
                .param("id", job.get("id").asString()).query(String.class).single();
        assertThat(audit).startsWith("SUCCESS").contains("\"total\":3").contains("\"imported\":3").contains("\"mode\":\"ALL_OR_NOTHING\"");
    }

    @Test
    void badRowsInAllOrNothingImportNothingAndAreEachReported() throws Exception {
        String tag = tag();
        byte[] file = mixedFile(tag);
        JsonNode job = importAndWait("city", file, "ALL_OR_NOTHING");

        assertThat(job.get("status").asString()).isEqualTo("REJECTED");
        assertThat(job.get("totalRows").asInt()).isEqualTo(8);
        assertThat(job.get("validRows").asInt()).isEqualTo(2);
        assertThat(job.get("invalidRows").asInt()).isEqualTo(6);
        assertThat(job.get("importedRows").asInt()).isZero();
        assertThat(namesLike(tag)).isEmpty();
        assertMixedReport(job);

        String audit = jdbc.sql("select result || ' ' || changes from audit_log where action = 'IMPORT' and entity_id = :id")
                .param("id", job.get("id").asString()).query(String.class).single();
        assertThat(audit).startsWith("FAILURE").contains("\"invalid\":6").contains("\"imported\":0");

        // the report workbook lists the same problems
        byte[] report = mvc.perform(auth(get("/api/v1/enterprises/imports/" + job.get("id").asString() + "/report.xlsx"), tokenOf("city")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            Sheet s = wb.getSheet("校验问题");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("行号");
            List<String> lines = new ArrayList<>();
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                lines.add((int) s.getRow(r).getCell(0).getNumericCellValue() + "|" + s.getRow(r).getCell(1).getStringCellValue()
                        + "|" + s.getRow(r).getCell(2).getStringCellValue());
            }
            assertThat(lines).hasSize(job.get("issueCount").asInt());
            assertThat(lines).anyMatch(l -> l.startsWith("3|统一社会信用代码|校验码错误"));
            assertThat(wb.getSheet("概况").getRow(2).getCell(1).getStringCellValue()).isEqualTo("未导入（存在错误行）");
        }
    }

    @Test
    void theSameFileInValidRowsModeImportsExactlyTheValidRows() throws Exception {
        String tag = tag();
        JsonNode job = importAndWait("city", mixedFile(tag), "VALID_ROWS");
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("importedRows").asInt()).isEqualTo(2);
        assertThat(job.get("invalidRows").asInt()).isEqualTo(6);
        assertThat(namesLike(tag)).containsExactlyInAnyOrder(tag + "-2正确", tag + "-8正确");
        assertMixedReport(job);
    }

    /**
     * Row 2 valid; 3 wrong check character; 4 and 5 the same code; 6 missing name and a bad mobile; 7 a code already
     * registered; 8 valid; 9 a cross-cutting industry.
     */
    private byte[] mixedFile(String tag) throws Exception {
        JsonNode existing = createAsCity("导入已存在", ZEZHOU_NANCUN, "indtrade.machinery");
        String good = newUscc("140525");
        String twice = newUscc("140525");
        List<String> badCheck = row(tag + "-3校验码", good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0'), "泽州县南村镇", "机械");
        List<String> noName = row(null, newUscc("140525"), "泽州县南村镇", "机械");
        noName.set(12, "1381234");
        List<List<String>> rows = List.of(
                row(tag + "-2正确", good, "泽州县南村镇", "机械"),
                badCheck,
                row(tag + "-4重复", twice, "泽州县南村镇", "机械"),
                row(tag + "-5重复", twice, "泽州县巴公镇", "机械"),
                noName,
                row(tag + "-7已登记", existing.get("uscc").asString(), "泽州县南村镇", "机械"),
                row(tag + "-8正确", newUscc("140581"), "高平市米山镇", "煤矿"),
                row(tag + "-9跨行业", newUscc("140525"), "泽州县南村镇", "粉尘涉爆"));
        return workbook(HEADER, rows);
    }

    private void assertMixedReport(JsonNode job) {
        List<String> issues = new ArrayList<>();
        job.get("issues").forEach(i -> issues.add(i.get("row").asInt() + "|" + i.get("column").asString() + "|" + i.get("message").asString()));
        assertThat(issues).anyMatch(l -> l.startsWith("3|统一社会信用代码|校验码错误"));
        assertThat(issues).anyMatch(l -> l.startsWith("4|统一社会信用代码|与文件中第 5 行"));
        assertThat(issues).anyMatch(l -> l.startsWith("5|统一社会信用代码|与文件中第 4 行"));
        assertThat(issues).anyMatch(l -> l.equals("6|企业名称|企业名称不能为空"));
        assertThat(issues).anyMatch(l -> l.startsWith("6|主要负责人手机|主要负责人手机格式不正确"));
        assertThat(issues).anyMatch(l -> l.equals("7|统一社会信用代码|该统一社会信用代码已登记为其他企业"));
        assertThat(issues).anyMatch(l -> l.startsWith("9|行业领域|“粉尘涉爆”是跨行业的专项领域"));
        assertThat(issues).noneMatch(l -> l.startsWith("2|") || l.startsWith("8|"));
    }

    @Test
    void rowsOutsideTheImportersScopeAreInvalid() throws Exception {
        String tag = tag();
        List<List<String>> rows = List.of(
                row(tag + "泽州", newUscc("140525"), "泽州县南村镇", "机械"),
                row(tag + "高平", newUscc("140581"), "高平市米山镇", "机械"));
        JsonNode job = importAndWait("zezhou", workbook(HEADER, rows), "VALID_ROWS");
        assertThat(job.get("importedRows").asInt()).isEqualTo(1);
        assertThat(job.get("issues").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(job.get("issues").get(0).get("message").asString()).contains("不在您的数据范围内");
        assertThat(namesLike(tag)).containsExactly(tag + "泽州");
    }

    @Test
    void aJobIsVisibleOnlyToWhoUploadedIt() throws Exception {
        JsonNode job = importAndWait("zezhou", workbook(HEADER, List.of(row(tag() + "私有", newUscc("140525"), "泽州县南村镇", "机械"))), "ALL_OR_NOTHING");
        String id = job.get("id").asString();
        mvc.perform(auth(get("/api/v1/enterprises/imports/" + id), tokenOf("gaoping")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("IMPORT_JOB_NOT_FOUND"));
        mvc.perform(auth(get("/api/v1/enterprises/imports/" + id + "/report.xlsx"), tokenOf("gaoping"))).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/enterprises/imports/" + id), tokenOf("city"))).andExpect(status().isNotFound());
        // enterprises and townships may not import at all
        mvc.perform(auth(get("/api/v1/enterprises/imports/" + id), tokenOf("qiye"))).andExpect(status().isForbidden());
        mvc.perform(bearer(multipart("/api/v1/enterprises/imports").file(xlsx(workbook(HEADER, List.of()))).param("mode", "VALID_ROWS"),
                tokenOf("nancun"))).andExpect(status().isForbidden());
        mvc.perform(auth(get("/api/v1/enterprises/import-template"), tokenOf("qiye"))).andExpect(status().isForbidden());
    }

    @Test
    void wrongTemplatesAreRejectedAtOnce() throws Exception {
        String city = tokenOf("city");
        List<String> renamed = new ArrayList<>(HEADER);
        renamed.set(1, "信用代码");
        expectUpload(city, workbook(renamed, List.of(row("x", newUscc("140525"), "泽州县南村镇", "机械"))), "ALL_OR_NOTHING", 400, "IMPORT_TEMPLATE_MISMATCH");
        expectUpload(city, workbook(HEADER.subList(0, 10), List.of()), "ALL_OR_NOTHING", 400, "IMPORT_TEMPLATE_MISMATCH");
        expectUpload(city, "企业名称,统一社会信用代码\n示例,914403001922038216\n".getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING", 400, "IMPORT_FILE_UNREADABLE");
        expectUpload(city, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0},
                "ALL_OR_NOTHING", 400, "IMPORT_FILE_UNREADABLE");
        expectUpload(city, new byte[0], "ALL_OR_NOTHING", 400, "IMPORT_FILE_UNREADABLE");
        expectUpload(city, workbook(HEADER, List.of()), "ALL_OR_NOTHING", 400, "IMPORT_FILE_EMPTY");
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("企业信息");
            wb.write(out);
            expectUpload(city, out.toByteArray(), "ALL_OR_NOTHING", 400, "IMPORT_TEMPLATE_MISMATCH");
        }
        expectUpload(city, workbook(HEADER, List.of(row("x", newUscc("140525"), "泽州县南村镇", "机械"))), "SOMETIMES", 400, "IMPORT_MODE_INVALID");
        mvc.perform(bearer(multipart("/api/v1/enterprises/imports").param("mode", "VALID_ROWS"), city))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("IMPORT_FILE_UNREADABLE"));
    }

    @Test
    void moreThanTwentyThousandRowsAreRefused() throws Exception {
        byte[] file = bigFile("超限", 20_001);
        expectUpload(tokenOf("city"), file, "VALID_ROWS", 400, "IMPORT_TOO_MANY_ROWS");
    }

    @Test
    void aFileOverTwentyMegabytesIsA4xxProblemNotA500() throws Exception {
        // through the real server, where the multipart limit (spring.servlet.multipart.max-file-size) applies
        String boundary = "----zhiben" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nVALID_ROWS\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[21 * 1024 * 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/enterprises/imports"))
                .header("Authorization", "Bearer " + tokenOf("city"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).contains("\"code\":\"UPLOAD_TOO_LARGE\"");
    }

    @Test
    void theDownloadedTemplateHasInstructionsDropDownsAndImportsWhenFilledIn() throws Exception {
        byte[] template = mvc.perform(auth(get("/api/v1/enterprises/import-template"), tokenOf("city")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        String tag = tag();
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet data = wb.getSheet("企业信息");
            assertThat(wb.getSheetIndex("企业信息")).isZero();
            assertThat(wb.getSheet("填写说明").getRow(0).getCell(0).getStringCellValue()).contains("填写说明");
            assertThat(wb.isSheetHidden(wb.getSheetIndex("选项"))).isTrue();
            List<String> headers = new ArrayList<>();
            data.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(HEADER);
            var validations = data.getDataValidations();
            List<String> formulas = validations.stream().map(v -> v.getValidationConstraint().getFormula1()).toList();
            assertThat(formulas).contains("ListStatus", "ListScale", "ListGrade", "ListRegion", "ListIndustry");
            assertThat(wb.getName("ListRegion").getRefersToFormula()).isEqualTo("'选项'!$D$2:$D$78");
            assertThat(wb.getSheet("选项").getRow(1).getCell(3).getStringCellValue()).isEqualTo("城区东街街道");

            List<String> values = row(tag + "模板", newUscc("140524"), "陵川县崇文镇", "煤矿");
            Row r = data.createRow(1);
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    r.createCell(i).setCellValue(values.get(i));
                }
            }
            wb.write(out);
            filled = out.toByteArray();
        }
        JsonNode job = importAndWait("city", filled, "ALL_OR_NOTHING");
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(namesLike(tag)).containsExactly(tag + "模板");
    }

    @Test
    void fiveThousandRowsImportCompletely() throws Exception {
        String tag = tag();
        byte[] file = bigFile(tag, 5_000);
        long start = System.nanoTime();
        JsonNode job = importAndWait("city", file, "ALL_OR_NOTHING", Duration.ofMinutes(5));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[benchmark] 5000-row enterprise import (upload + validate + insert): " + millis + " ms");
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("importedRows").asInt()).isEqualTo(5_000);
        assertThat(countWhere("select count(*) from org_enterprise where name like ?", tag + "%")).isEqualTo(5_000);
    }

    private byte[] bigFile(String tag, int n) throws Exception {
        String[] townships = {"泽州县南村镇", "高平市米山镇", "沁水县龙港镇", "阳城县凤城镇", "陵川县崇文镇", "城区东街街道"};
        String[] counties = {"140525", "140581", "140521", "140522", "140524", "140502"};
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("企业信息");
            Row h = s.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                h.createCell(i).setCellValue(HEADER.get(i));
            }
            for (int k = 0; k < n; k++) {
                List<String> v = row(tag + "-" + k, newUscc(counties[k % 6]), townships[k % 6], k % 2 == 0 ? "机械" : "煤矿");
                Row r = s.createRow(k + 1);
                for (int i = 0; i < v.size(); i++) {
                    if (v.get(i) != null) {
                        r.createCell(i).setCellValue(v.get(i));
                    }
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    private JsonNode importAndWait(String username, byte[] file, String mode) throws Exception {
        return importAndWait(username, file, mode, Duration.ofSeconds(60));
    }

    private JsonNode importAndWait(String username, byte[] file, String mode, Duration timeout) throws Exception {
        String token = tokenOf(username);
        String body = mvc.perform(bearer(multipart("/api/v1/enterprises/imports").file(xlsx(file)).param("mode", mode), token))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").exists())
                .andReturn().getResponse().getContentAsString();
        return awaitJob(token, json(body).get("id").asString(), timeout);
    }

    private void expectUpload(String token, byte[] file, String mode, int status, String code) throws Exception {
        mvc.perform(bearer(multipart("/api/v1/enterprises/imports").file(xlsx(file)).param("mode", mode), token))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.code").value(code));
    }

    private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder bearer(
            org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request, String token) {
        request.header("Authorization", "Bearer " + token);
        return request;
    }

    private static MockMultipartFile xlsx(byte[] bytes) {
        return new MockMultipartFile("file", "企业.xlsx", XLSX, bytes);
    }

    private List<String> namesLike(String tag) {
        return jdbc.sql("select name from org_enterprise where name like :p").param("p", tag + "%").query(String.class).list();
    }

    private static String tag() {
        return "导入" + UUID.randomUUID().toString().substring(0, 8);
    }
}
