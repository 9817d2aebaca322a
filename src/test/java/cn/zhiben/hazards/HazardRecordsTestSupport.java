package cn.zhiben.hazards;

import cn.zhiben.hazards.internal.HazardImportColumn;
import cn.zhiben.org.EnterpriseTestSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Fixtures of the history import and report tests: a coal mine of the test's own, ledgers as workbooks, uploads. */
abstract class HazardRecordsTestSupport extends HazardTestSupport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** 泽州县南村镇 */
    static final String NANCUN = "140525100";

    /** A coal mine of its own in 泽州, so its hazards are only this test's. */
    UUID newMine() throws Exception {
        var body = JSON.createObjectNode();
        body.put("name", EnterpriseTestSupport.uniqueName("历史导入煤矿"));
        body.put("uscc", EnterpriseTestSupport.newUscc(NANCUN));
        body.put("regionCode", NANCUN);
        body.put("industryCode", "mine.coal");
        body.put("scale", "ABOVE");
        body.put("status", "OPERATING");
        body.put("standardizationGrade", "GRADE_2");
        body.put("principalName", "测试负责人");
        body.put("principalMobile", "13912345678");
        body.putArray("specialOperations");
        String answer = mvc.perform(auth(post("/api/v1/enterprises"), token("city")).contentType(MediaType.APPLICATION_JSON)
                .content(body.toString())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(json(answer).get("id").asString());
    }

    String uscc(UUID enterprise) {
        return jdbc.sql("select uscc from org_enterprise where id = :id").param("id", enterprise).query(String.class).single();
    }

    /** A ledger row: column -> text. */
    static Map<HazardImportColumn, String> row(Object... kv) {
        Map<HazardImportColumn, String> m = new EnumMap<>(HazardImportColumn.class);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((HazardImportColumn) kv[i], (String) kv[i + 1]);
        }
        return m;
    }

    /** A workbook in the template's layout (headers as the template writes them), rows from row 2 on. */
    static byte[] workbook(List<Map<HazardImportColumn, String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("隐患台账");
            Row header = s.createRow(0);
            HazardImportColumn[] columns = HazardImportColumn.values();
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i].templateHeader());
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                for (var e : rows.get(r).entrySet()) {
                    row.createCell(e.getKey().ordinal()).setCellValue(e.getValue());
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    ResultActions upload(String username, byte[] xlsx, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/hazards/imports").file(new MockMultipartFile("file", "台账.xlsx", XLSX, xlsx))
                .param("dryRun", String.valueOf(dryRun)).header("Authorization", "Bearer " + token(username)));
    }

    JsonNode list(String token, String query) throws Exception {
        return json(mvc.perform(auth(get("/api/v1/hazards?size=200&" + query), token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    long hazardsOf(UUID enterprise) {
        return jdbc.sql("select count(*) from hz_hazard where enterprise_id = :e").param("e", enterprise).query(Long.class).single();
    }

    /** The stock hazard signed off in 2024 (county-listed in 2023) and the open one of 2023, plus a closed general of 2025. */
    List<Map<HazardImportColumn, String>> ledger(String uscc) {
        List<Map<HazardImportColumn, String>> rows = new ArrayList<>();
        rows.add(row(HazardImportColumn.USCC, uscc, HazardImportColumn.FOUND_ON, "2023-05-10", HazardImportColumn.GRADE, "重大",
                HazardImportColumn.CHANNEL, "部门检查", HazardImportColumn.STANDARD, "应急管理部令第4号",
                HazardImportColumn.CLAUSE_NO, "4.1", HazardImportColumn.DESCRIPTION, "2023 年 4 月原煤产量超出核定能力 12%",
                HazardImportColumn.LOCATION, "调度室", HazardImportColumn.FOUND_BY, "泽州县能源局检查组",
                HazardImportColumn.SHUTDOWN, "局部停产停业", HazardImportColumn.STATUS, "已销号",
                HazardImportColumn.DEADLINE, "2023-12-31", HazardImportColumn.RECTIFIED_ON, "2024-02-20",
                HazardImportColumn.SIGNED_OFF_ON, "2024-03-15", HazardImportColumn.LISTING_LEVEL, "县级",
                HazardImportColumn.LISTING_DOC, "泽安办督〔2023〕5号", HazardImportColumn.LISTED_ON, "2023-05-20",
                HazardImportColumn.LISTING_DEADLINE, "2023-12-31", HazardImportColumn.LEGACY_NUMBER, "ZZ-2023-0087"));
        rows.add(row(HazardImportColumn.USCC, uscc, HazardImportColumn.FOUND_ON, "2023/11/2", HazardImportColumn.GRADE, "重大",
                HazardImportColumn.CHANNEL, "企业自查",
                HazardImportColumn.BASIS, "综合判定：采空区积水探放水设计未经审批，经专家论证为重大事故隐患（原台账记录）",
                HazardImportColumn.DESCRIPTION, "3 号煤采空区积水区探放水设计未经审批", HazardImportColumn.LOCATION, "3105 工作面",
                HazardImportColumn.FOUND_BY, "安全科", HazardImportColumn.STATUS, "整改中",
                HazardImportColumn.DEADLINE, "2024-06-30", HazardImportColumn.REMARK, "原系统状态：整改中"));
        rows.add(row(HazardImportColumn.USCC, uscc, HazardImportColumn.FOUND_ON, "2025年4月1日", HazardImportColumn.GRADE, "一般",
                HazardImportColumn.CHANNEL, "企业自查", HazardImportColumn.DESCRIPTION, "井口信号室灭火器过期",
                HazardImportColumn.LOCATION, "副井井口", HazardImportColumn.FOUND_BY, "安全科", HazardImportColumn.STATUS, "已整改关闭",
                HazardImportColumn.RECTIFIED_ON, "2025-04-10"));
        return rows;
    }
}
