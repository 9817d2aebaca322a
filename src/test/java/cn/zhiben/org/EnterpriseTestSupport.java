package cn.zhiben.org;

import cn.zhiben.support.IntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Fixtures for the enterprise tests: unique credit codes, valid bodies, tokens and UI sessions of demo accounts. */
public abstract class EnterpriseTestSupport extends IntegrationTest {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ZEZHOU_NANCUN = "140525100";
    public static final String ZEZHOU_BAGONG = "140525108";
    public static final String GAOPING_MISHAN = "140581101";
    public static final String GAOPING_SIZHUANG = "140581109";
    public static final String QINSHUI_LONGGANG = "140521100";

    private static final AtomicInteger SEQ = new AtomicInteger(new SecureRandom().nextInt(1_000_000));
    private final Map<String, String> tokens = new HashMap<>();

    /** A valid credit code, unique in this JVM, registered in the given county. */
    public static String newUscc(String county) {
        int n = SEQ.incrementAndGet();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            body.append(Uscc.CHARSET.charAt(Math.floorMod(n, 31)));
            n /= 31;
        }
        // the test prefix "T" keeps fixtures apart from demo codes ("MA0JC…")
        return Uscc.complete("91" + county.substring(0, 6) + "T" + body.substring(0, 8));
    }

    /** A unique, recognisable name for a fixture. */
    public static String uniqueName(String prefix) {
        return prefix + "测试" + UUID.randomUUID().toString().substring(0, 8) + "有限公司";
    }

    protected String tokenOf(String username) throws Exception {
        String t = tokens.get(username);
        if (t == null) {
            t = token(username);
            tokens.put(username, t);
        }
        return t;
    }

    protected static ObjectNode body(String name, String township, String industry) {
        ObjectNode b = JSON.createObjectNode();
        b.put("name", name);
        b.put("uscc", newUscc(township));
        b.put("regionCode", township);
        b.put("industryCode", industry);
        b.put("scale", "ABOVE");
        b.put("status", "OPERATING");
        b.put("standardizationGrade", "GRADE_2");
        b.put("address", "测试路 1 号");
        b.put("principalName", "测试负责人");
        b.put("principalMobile", "13912345678");
        b.put("controllerName", "测试控制人");
        b.put("controllerMobile", "13698765432");
        b.putArray("specialOperations").add("CONFINED_SPACE");
        return b;
    }

    /** Creates an enterprise as the city office and returns it as the API answered. */
    protected JsonNode createAsCity(String namePrefix, String township, String industry) throws Exception {
        return create("city", body(uniqueName(namePrefix), township, industry));
    }

    protected JsonNode create(String username, ObjectNode body) throws Exception {
        MvcResult r = mvc.perform(auth(post("/api/v1/enterprises"), tokenOf(username))
                        .contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isCreated()).andReturn();
        return json(r.getResponse().getContentAsString());
    }

    protected long countWhere(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    /** A workbook with the given header row and data rows on a sheet named as the template's. */
    protected static byte[] workbook(List<String> header, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("企业信息");
            Row h = s.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                List<String> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null) {
                        row.createCell(i).setCellValue(values.get(i));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    public static final List<String> HEADER = List.of("企业名称*", "统一社会信用代码*", "所在乡镇（街道）*", "所属园区", "行业领域*",
            "企业规模*", "生产经营状态*", "标准化等级*", "地址", "经度", "纬度", "主要负责人*", "主要负责人手机*", "实际控制人",
            "实际控制人手机", "特殊作业");

    /** A valid import row in the template's column order. */
    protected static List<String> row(String name, String uscc, String region, String industry) {
        return new java.util.ArrayList<>(java.util.Arrays.asList(name, uscc, region, null, industry, "规上", "正常生产", "二级",
                "导入测试路 8 号", "112.9", "35.6", "导入负责人", "13812340000", null, null, "粉尘涉爆、有限空间作业"));
    }

    /** Polls an import job until it is finished. */
    protected JsonNode awaitJob(String token, String id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String body = mvc.perform(auth(get("/api/v1/enterprises/imports/" + id), token))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            JsonNode job = json(body);
            if (job.get("finished").asBoolean()) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import job " + id + " did not finish in " + timeout + ": " + body);
            }
            Thread.sleep(100);
        }
    }
}
