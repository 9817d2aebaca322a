package cn.zhiben.campaign;

import cn.zhiben.hazards.HazardDirectory;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The year summary opens in a document reader — it is read back here with POI and OpenPDF's text extractor — and
 * every figure it cites equals the statistic it comes from: the hazards module's own count and the module's records.
 */
class YearSummaryDocumentIntegrationTests extends CampaignTestSupport {

    @Autowired
    HazardDirectory hazards;

    private void generalHazard(String description, String foundOn, String deadline) throws Exception {
        UUID mine = jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
        call("yingji", "POST", "/api/v1/hazards", map("enterpriseId", mine.toString(), "channel", "SUPERVISION", "grade", "GENERAL",
                "description", description, "location", "主井口", "foundOn", foundOn, "foundBy", "市应急局执法一队",
                "deadline", deadline)).andExpect(status().isCreated());
    }

    private byte[] download(String format, UUID programme) throws Exception {
        return call("city", "GET", "/api/v1/campaign/documents/year-summary?programme=" + programme + "&year=2041&format=" + format, null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theYearSummaryReadsBackAsDocxPdfAndXlsxAndHoldsTheFiguresItCites() throws Exception {
        UUID programme = activeProgramme(2041);
        clock.set(at(2041, 6, 2, 10, 0, 0));
        generalHazard("井口信号设施损坏", "2041-05-20", "2041-06-30");
        generalHazard("消防器材过期", "2041-05-28", "2041-06-15");
        calendarOpen(programme, LocalDate.of(2041, 6, 2));
        UUID yingjiTask = jdbc.sql("""
                select t.id from cmp_task t join cmp_measure m on m.id = t.measure_id
                where t.programme_id = :p and m.no = 13 and t.unit_id = :u and t.region_code is null""")
                .param("p", programme).param("u", unit("市应急管理局")).query(UUID.class).single();
        call("yingji", "POST", "/api/v1/campaign/tasks/" + yingjiTask + "/complete", map("note", "高风险作业专项治理完成", "completedOn", "2041-05-31"))
                .andExpect(status().isOk());
        clock.set(at(2041, 12, 2, 10, 0, 0));
        calendarOpen(programme, LocalDate.of(2041, 12, 2));
        UUID summary = jdbc.sql("select id from cmp_report where programme_id = :p and kind = 'YEAR_SUMMARY' and period = '2041' and unit_id = :u and region_code is null")
                .param("p", programme).param("u", unit("市应急管理局")).query(UUID.class).single();
        call("yingji", "POST", "/api/v1/campaign/reports/" + summary + "/submit", map("content", "市应急管理局2041年度工作总结：全年组织执法检查 326 次。"))
                .andExpect(status().isOk());

        HazardDirectory.Figures expected = hazards.figures(null, null, LocalDate.of(2041, 1, 1), LocalDate.of(2041, 12, 2));
        assertThat(expected.found()).isGreaterThanOrEqualTo(2);
        long tasks = count("select count(*) from cmp_task where programme_id = ?", programme);
        long done = count("select count(*) from cmp_task where programme_id = ? and status = 'DONE'", programme);

        // .docx: the table of hazard figures, the task totals, the unit's summary
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download("DOCX", programme)))) {
            XWPFTable table = doc.getTables().get(0);
            Map<String, Long> cited = new LinkedHashMap<>();
            for (XWPFTableRow row : table.getRows().subList(1, table.getRows().size())) {
                cited.put(row.getCell(0).getText(), Long.parseLong(row.getCell(1).getText()));
            }
            assertThat(cited).containsEntry("排查发现隐患", expected.found()).containsEntry("其中重大事故隐患", expected.majorFound())
                    .containsEntry("重大事故隐患销号", expected.signedOff()).containsEntry("一般隐患整改关闭", expected.closed())
                    .containsEntry("未销号重大事故隐患", expected.openMajor()).containsEntry("逾期未整改隐患", expected.overdue())
                    .containsEntry("挂牌督办隐患", expected.listed());
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
            assertThat(text).contains("全市安全生产治本攻坚三年行动2041年度工作总结")
                    .contains("共排查发现隐患 " + expected.found() + " 项")
                    .contains("方案分解任务 " + tasks + " 项，已完成 " + done + " 项")
                    .contains("市应急管理局2041年度工作总结：全年组织执法检查 326 次。");
            // Word shows the Chinese text in the named Chinese font, not a Latin fallback
            XWPFRun title = doc.getParagraphs().get(0).getRuns().get(0);
            assertThat(title.getCTR().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("宋体");
        }
        // PDF: the same sentences, in a document a reader opens (fonts embedded)
        PdfReader reader = new PdfReader(download("PDF", programme));
        StringBuilder pdf = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            pdf.append(new PdfTextExtractor(reader).getTextFromPage(p));
        }
        String flat = pdf.toString().replaceAll("\\s+", "");
        assertThat(flat).contains(("共排查发现隐患" + expected.found() + "项")).contains("方案分解任务" + tasks + "项");
        // .xlsx: the figures as numbers the office can sum
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download("XLSX", programme)))) {
            Sheet sheet = wb.getSheet("隐患排查治理统计");
            Map<String, Long> cells = new LinkedHashMap<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    cells.put(row.getCell(0).getStringCellValue(), (long) row.getCell(1).getNumericCellValue());
                }
            }
            assertThat(cells).containsEntry("排查发现隐患", expected.found()).containsEntry("其中重大事故隐患", expected.majorFound());
        }
    }

    @Test
    void onlyTheOfficesGenerateSummariesAndACountyGetsItsOwn() throws Exception {
        UUID programme = activeProgramme(2042);
        call("yingji", "GET", "/api/v1/campaign/documents/year-summary?programme=" + programme + "&year=2042", null)
                .andExpect(status().isForbidden());
        byte[] county = call("zezhou", "GET", "/api/v1/campaign/documents/year-summary?programme=" + programme + "&year=2042", null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(county))) {
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
            assertThat(text).contains("泽州县安全生产治本攻坚三年行动2042年度工作总结");
            long own = count("select count(*) from cmp_task where programme_id = ? and region_code = '140525'", programme);
            assertThat(text).contains("方案分解任务 " + own + " 项");
        }
        call("city", "GET", "/api/v1/campaign/documents/monthly-digest?programme=" + programme + "&period=2042-13", null)
                .andExpect(status().isBadRequest());
        call("city", "GET", "/api/v1/campaign/documents/monthly-digest?programme=" + programme + "&period=2042-03&format=PDF", null)
                .andExpect(status().isOk());
    }

    @Autowired
    cn.zhiben.campaign.internal.CalendarService calendar;

    private void calendarOpen(UUID programme, LocalDate today) {
        calendar.open(programmeRepository.find(programme).orElseThrow(), today);
    }
}
