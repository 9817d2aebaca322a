package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.xlsx.ImportWorkbooks;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The history import's workbooks: the template with its instructions, and a job's report. */
public final class HazardImportWorkbooks {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformConfiguration.ZONE);
    private static final Set<HazardImportColumn> DATES = EnumSet.of(HazardImportColumn.FOUND_ON, HazardImportColumn.DEADLINE,
            HazardImportColumn.RECTIFIED_ON, HazardImportColumn.SIGNED_OFF_ON, HazardImportColumn.LISTED_ON,
            HazardImportColumn.LISTING_DEADLINE);

    private HazardImportWorkbooks() {
    }

    public static void template(LocalDate earliestFoundOn, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet data = wb.createSheet(HazardImportSheet.DATA_SHEET);
            Sheet help = wb.createSheet("填写说明");
            Sheet lists = wb.createSheet("选项");
            CellStyle required = ImportWorkbooks.bold(wb, IndexedColors.RED);
            CellStyle optional = ImportWorkbooks.bold(wb, IndexedColors.BLACK);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));

            Row header = data.createRow(0);
            HazardImportColumn[] columns = HazardImportColumn.values();
            for (int i = 0; i < columns.length; i++) {
                Cell c = header.createCell(i);
                c.setCellValue(columns[i].templateHeader());
                c.setCellStyle(columns[i].required() ? required : optional);
                data.setColumnWidth(i, (columns[i] == HazardImportColumn.DESCRIPTION ? 40
                        : columns[i] == HazardImportColumn.USCC || columns[i] == HazardImportColumn.ENTERPRISE ? 26 : 16) * 256);
                data.setDefaultColumnStyle(i, DATES.contains(columns[i]) ? date : text);
            }
            data.createFreezePane(0, 1);

            Map<HazardImportColumn, List<String>> choices = new java.util.LinkedHashMap<>();
            choices.put(HazardImportColumn.GRADE, labels(Stream.of(Grade.values()).map(Grade::label)));
            choices.put(HazardImportColumn.CHANNEL, labels(Stream.of(Channel.values()).map(Channel::label)));
            choices.put(HazardImportColumn.SHUTDOWN, labels(Stream.of(Shutdown.values()).map(Shutdown::label)));
            choices.put(HazardImportColumn.STATUS, labels(Hazard.IMPORTABLE.values().stream().flatMap(Set::stream).distinct()
                    .sorted().map(HazardStatus::label)));
            choices.put(HazardImportColumn.LISTING_LEVEL, List.of("市级", "县级"));
            int col = 0;
            for (Map.Entry<HazardImportColumn, List<String>> e : choices.entrySet()) {
                String name = "List" + e.getKey().name();
                ImportWorkbooks.choices(lists, col++, e.getKey().header(), e.getValue(), name);
                ImportWorkbooks.dropDown(data, e.getKey().ordinal(), name, HazardImportSheet.MAX_ROWS, true,
                        e.getKey().header() + "只能从下拉列表中选择");
            }
            wb.setSheetHidden(wb.getSheetIndex(lists), true);
            instructions(help, earliestFoundOn);
            wb.setActiveSheet(0);
            wb.write(out);
        }
    }

    private static void instructions(Sheet help, LocalDate earliestFoundOn) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[]{"历史隐患导入模板 填写说明"});
        lines.add(new String[]{"1. 在“" + HazardImportSheet.DATA_SHEET + "”工作表第 2 行起每行填写一条隐患；不要修改表头（红色为必填列），列的顺序可以调整。"});
        lines.add(new String[]{"2. 一次最多 " + HazardImportSheet.MAX_ROWS + " 行、文件不超过 10 MB，仅支持 .xlsx；可先“仅校验”，无误后再导入。"});
        lines.add(new String[]{"3. 全部成功才导入：任一行有问题则整批不导入，并给出逐行校验报告（行号、列、问题）。"});
        lines.add(new String[]{"4. 只能导入 " + earliestFoundOn + " 及以后发现的隐患；企业须已在平台登记并在您的数据范围内。"});
        lines.add(new String[]{"5. 同一企业、同一判定条款（无条款的按隐患描述）、同一发现日期的隐患视为重复：文件内重复或与平台已有隐患重复的都不能导入。"});
        lines.add(new String[]{"6. 导入的隐患标记为“历史导入”，办理过程按台账日期记录，不发送通知、不升级督办；导入时已超过整改期限的计为逾期。"});
        lines.add(new String[]{"7. 日期先后须合理：整改期限、挂牌日期、整改完成日期不早于发现日期，督办期限不早于挂牌日期，销号日期不早于整改完成日期和挂牌日期，均不晚于今天（期限除外）。"});
        lines.add(new String[]{""});
        lines.add(new String[]{"列", "是否必填", "说明", "示例"});
        for (HazardImportColumn c : HazardImportColumn.values()) {
            lines.add(new String[]{c.header(), c.required() ? "必填" : "选填", c.help(), c.example()});
        }
        ImportWorkbooks.instructions(help, lines, Set.of(0, 9), 22, 10, 80, 28);
    }

    /** The job's outcome and every problem, for the uploader to fix the ledger by. */
    public static void report(HazardImportJob job, OutputStream out) throws IOException {
        String[][] facts = {
                {"文件", job.fileName()},
                {"方式", job.dryRun() ? "仅校验" : "导入（全部成功才导入）"},
                {"结果", job.status().label()},
                {"数据行数", String.valueOf(job.totalRows())},
                {"有问题的行", String.valueOf(job.invalidRows())},
                {"已导入", String.valueOf(job.importedRows())},
                {"此前已导入（跳过）", String.valueOf(job.skippedRows())},
                {"说明", job.message()},
                {"上传人", job.createdBy()},
                {"上传时间", TIME.format(job.createdAt())}};
        // the problems, then the rows skipped because an earlier import loaded them, in row order
        ImportWorkbooks.report(java.util.stream.Stream.concat(job.issues().stream(), job.skipped().stream())
                .sorted(java.util.Comparator.comparingInt(HazardImportJob.Issue::row))
                .map(i -> new ImportWorkbooks.Issue(i.row(), i.column(), i.message())).toList(), facts, out);
    }

    private static List<String> labels(Stream<String> s) {
        return s.toList();
    }
}
