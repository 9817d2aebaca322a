package cn.zhiben.org;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class EnterpriseExportIntegrationTests extends EnterpriseTestSupport {

    @Test
    void exportHoldsTheFilteredRowsOnlyWithMaskedNumbersAndIsAudited() throws Exception {
        String tag = "导出" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode a = body(tag + "A有限公司", ZEZHOU_NANCUN, "mine.coal");
        a.put("status", "SUSPENDED_FOR_RECTIFICATION");
        create("city", a);
        ObjectNode b = body(tag + "B有限公司", ZEZHOU_BAGONG, "mine.coal");
        create("city", b);
        ObjectNode c = body(tag + "C有限公司", GAOPING_MISHAN, "mine.coal");
        c.put("status", "SUSPENDED_FOR_RECTIFICATION");
        create("city", c);
        long exportsBefore = countWhere("select count(*) from audit_log where action = 'EXPORT' and entity_type = 'enterprise'");

        byte[] bytes = mvc.perform(auth(get("/api/v1/enterprises/export.xlsx").param("keyword", tag)
                        .param("status", "SUSPENDED_FOR_RECTIFICATION").param("regionCode", "140525"), tokenOf("city")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''")))
                .andReturn().getResponse().getContentAsByteArray();

        List<List<String>> rows = read(bytes);
        assertThat(rows.get(0)).startsWith("企业名称", "统一社会信用代码", "县（市、区）", "所在乡镇（街道）");
        assertThat(rows).hasSize(2);
        List<String> row = rows.get(1);
        assertThat(row.get(0)).isEqualTo(tag + "A有限公司");
        assertThat(row.get(1)).isEqualTo(a.get("uscc").asString());
        assertThat(row.get(2)).isEqualTo("泽州县");
        assertThat(row.get(7)).isEqualTo("停产整顿");
        assertThat(row.get(13)).isEqualTo("139****5678");
        assertThat(row.get(15)).isEqualTo("136****5432");
        assertThat(row.get(17)).isEqualTo("市能源局");
        assertThat(String.join("|", rows.stream().flatMap(List::stream).toList()))
                .doesNotContain("13912345678").doesNotContain("13698765432");

        assertThat(countWhere("select count(*) from audit_log where action = 'EXPORT' and entity_type = 'enterprise'"))
                .isEqualTo(exportsBefore + 1);
        String changes = jdbc.sql("select changes from audit_log where action = 'EXPORT' and entity_type = 'enterprise' order by seq desc limit 1")
                .query(String.class).single();
        assertThat(changes).contains("\"rows\":1").contains(tag).contains("SUSPENDED_FOR_RECTIFICATION");
    }

    @Test
    void exportRejectsBadFilters() throws Exception {
        mvc.perform(auth(get("/api/v1/enterprises/export.xlsx").param("grade", "GRADE_9"), tokenOf("city")))
                .andExpect(status().isBadRequest());
    }

    static List<List<String>> read(byte[] bytes) throws Exception {
        List<List<String>> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet s = wb.getSheetAt(0);
            for (Row r : s) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getLastCellNum(); i++) {
                    cells.add(r.getCell(i) == null ? "" : f.formatCellValue(r.getCell(i)));
                }
                out.add(cells);
            }
        }
        return out;
    }
}
