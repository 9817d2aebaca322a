package cn.zhiben.org.internal;

import cn.zhiben.org.EnterpriseScale;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.org.Labelled;
import cn.zhiben.org.Region;
import cn.zhiben.org.SpecialOperation;
import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.xlsx.ImportWorkbooks;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The enterprise workbooks: the import template, the export (streamed) and an import job's report. */
public final class EnterpriseWorkbooks {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformConfiguration.ZONE);
    private static final String LISTS_SHEET = "选项";

    private EnterpriseWorkbooks() {
    }

    // ---------------------------------------------------------------- template

    public static void template(EnterpriseReference ref, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet data = wb.createSheet(EnterpriseSheetReader.DATA_SHEET);
            Sheet help = wb.createSheet("填写说明");
            Sheet lists = wb.createSheet(LISTS_SHEET);

            CellStyle required = ImportWorkbooks.bold(wb, IndexedColors.RED);
            CellStyle optional = ImportWorkbooks.bold(wb, IndexedColors.BLACK);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));

            Row header = data.createRow(0);
            EnterpriseField[] fields = EnterpriseField.values();
            for (int i = 0; i < fields.length; i++) {
                Cell c = header.createCell(i);
                c.setCellValue(fields[i].header());
                c.setCellStyle(fields[i].required() ? required : optional);
                data.setColumnWidth(i, width(fields[i]));
                if (fields[i] != EnterpriseField.LONGITUDE && fields[i] != EnterpriseField.LATITUDE) {
                    // text, so that credit codes and phone numbers are not turned into numbers
                    data.setDefaultColumnStyle(i, text);
                }
            }
            data.createFreezePane(0, 1);

            List<String> regions = ref.townships().stream().map(ref::displayName).toList();
            List<String> industries = ref.industryTree(true).stream().map(EnterpriseReference.IndustryOption::name).toList();
            List<String> zones = ref.zones().stream().map(Region::name).toList();
            String[][] columns = {
                    labels(EnterpriseStatus.values()), labels(EnterpriseScale.values()), labels(StandardizationGrade.values()),
                    regions.toArray(String[]::new), zones.toArray(String[]::new), industries.toArray(String[]::new),
                    labels(SpecialOperation.values())};
            String[] names = {"ListStatus", "ListScale", "ListGrade", "ListRegion", "ListZone", "ListIndustry", "ListSpecial"};
            String[] titles = {"生产经营状态", "企业规模", "标准化等级", "所在乡镇（街道）", "所属园区", "行业领域", "特殊作业"};
            for (int c = 0; c < columns.length; c++) {
                ImportWorkbooks.choices(lists, c, titles[c], List.of(columns[c]), names[c]);
            }
            wb.setSheetHidden(wb.getSheetIndex(lists), true);

            list(data, EnterpriseField.STATUS, "ListStatus", true);
            list(data, EnterpriseField.SCALE, "ListScale", true);
            list(data, EnterpriseField.GRADE, "ListGrade", true);
            // region, zone and industry may also be typed as codes, so the lists only suggest
            list(data, EnterpriseField.REGION, "ListRegion", false);
            list(data, EnterpriseField.ZONE, "ListZone", false);
            list(data, EnterpriseField.INDUSTRY, "ListIndustry", false);

            instructions(help);
            wb.setActiveSheet(0);
            wb.write(out);
        }
    }

    private static int width(EnterpriseField f) {
        return switch (f) {
            case NAME, ADDRESS -> 36 * 256;
            case USCC, REGION, INDUSTRY, SPECIAL_OPERATIONS -> 24 * 256;
            default -> 16 * 256;
        };
    }

    private static void list(Sheet sheet, EnterpriseField field, String listName, boolean strict) {
        ImportWorkbooks.dropDown(sheet, field.ordinal(), listName, EnterpriseSheetReader.MAX_ROWS, strict,
                strict ? field.label() + "只能从下拉列表中选择" : field.label() + "不在下拉列表中：如填写的是代码可忽略此提示");
    }

    private static void instructions(Sheet help) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[]{"企业信息导入模板 填写说明"});
        lines.add(new String[]{"1. 在“" + EnterpriseSheetReader.DATA_SHEET + "”工作表第 2 行起每行填写一家企业；不要修改、删除或调换表头（红色为必填列）。"});
        lines.add(new String[]{"2. 一次最多 " + EnterpriseSheetReader.MAX_ROWS + " 行、文件不超过 20 MB；仅支持 .xlsx。"});
        lines.add(new String[]{"3. 导入方式：“全部成功才导入”——任一行有误则整批不导入；“仅导入正确行”——有误的行跳过，其余导入。两种方式都会给出逐行校验报告。"});
        lines.add(new String[]{"4. 只能导入您数据范围内的企业；同一文件中统一社会信用代码不能重复，已登记的代码不能再次导入。"});
        lines.add(new String[]{""});
        lines.add(new String[]{"列", "是否必填", "说明", "示例"});
        lines.add(new String[]{"企业名称", "必填", "营业执照上的名称，不超过 100 字", "晋城示范煤业有限公司"});
        lines.add(new String[]{"统一社会信用代码", "必填", "18 位，大写字母，按 GB 32100-2015 校验第 18 位校验码", "914403001922038216"});
        lines.add(new String[]{"所在乡镇（街道）", "必填", "从下拉列表选择，或填写 9 位区划代码；只能是乡镇（街道）一级", "泽州县南村镇 或 140525100"});
        lines.add(new String[]{"所属园区", "选填", "位于开发区等管理区域内的企业填写", "晋城经济技术开发区"});
        lines.add(new String[]{"行业领域", "必填", "从下拉列表选择具体行业，或填写行业代码；跨行业的专项领域（如高风险作业）不能选择", "煤矿 或 mine.coal"});
        lines.add(new String[]{"企业规模", "必填", "规上 / 规下", "规上"});
        lines.add(new String[]{"生产经营状态", "必填", String.join(" / ", labels(EnterpriseStatus.values())), "正常生产"});
        lines.add(new String[]{"标准化等级", "必填", String.join(" / ", labels(StandardizationGrade.values())), "二级"});
        lines.add(new String[]{"地址", "选填", "不超过 200 字", "泽州县南村镇××村"});
        lines.add(new String[]{"经度、纬度", "选填", "WGS84 十进制度数，须同时填写，且在本市范围内", "112.851274、35.497553"});
        lines.add(new String[]{"主要负责人、手机", "必填", "11 位手机号或带区号的固定电话", "13912345678"});
        lines.add(new String[]{"实际控制人、手机", "选填", "填写手机时须填写姓名", ""});
        lines.add(new String[]{"特殊作业", "选填", "可填多项，用顿号分隔：" + String.join("、", labels(SpecialOperation.values())), "粉尘涉爆、有限空间作业"});
        ImportWorkbooks.instructions(help, lines, Set.of(0, 6), 22, 10, 70, 30);
    }

    // ---------------------------------------------------------------- export

    static final String[] EXPORT_HEADERS = {"企业名称", "统一社会信用代码", "县（市、区）", "所在乡镇（街道）", "所属园区", "行业领域",
            "企业规模", "生产经营状态", "标准化等级", "地址", "经度", "纬度", "主要负责人", "主要负责人手机", "实际控制人",
            "实际控制人手机", "特殊作业", "牵头监管部门", "配合监管部门", "演示数据", "更新时间"};

    /** Streams rows into an SXSSF workbook (100 rows in memory at a time). */
    public static int export(OutputStream out, Consumer<Consumer<EnterpriseView>> rows) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try {
            Sheet sheet = wb.createSheet("企业名录");
            CellStyle bold = ImportWorkbooks.bold(wb, IndexedColors.BLACK);
            Row header = sheet.createRow(0);
            for (int i = 0; i < EXPORT_HEADERS.length; i++) {
                Cell c = header.createCell(i);
                c.setCellValue(EXPORT_HEADERS[i]);
                c.setCellStyle(bold);
                sheet.setColumnWidth(i, (i == 0 || i == 9 ? 34 : 16) * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] n = {0};
            rows.accept(v -> {
                Row r = sheet.createRow(++n[0]);
                int c = 0;
                r.createCell(c++).setCellValue(v.name());
                r.createCell(c++).setCellValue(v.uscc());
                r.createCell(c++).setCellValue(nz(v.countyName()));
                r.createCell(c++).setCellValue(nz(v.regionName()));
                r.createCell(c++).setCellValue(nz(v.zoneName()));
                r.createCell(c++).setCellValue(nz(v.industryName()));
                r.createCell(c++).setCellValue(v.scaleLabel());
                r.createCell(c++).setCellValue(v.statusLabel());
                r.createCell(c++).setCellValue(v.standardizationGradeLabel());
                r.createCell(c++).setCellValue(nz(v.address()));
                Cell lon = r.createCell(c++);
                if (v.longitude() != null) {
                    lon.setCellValue(v.longitude().doubleValue());
                }
                Cell lat = r.createCell(c++);
                if (v.latitude() != null) {
                    lat.setCellValue(v.latitude().doubleValue());
                }
                r.createCell(c++).setCellValue(v.principalName());
                r.createCell(c++).setCellValue(v.principalMobile());
                r.createCell(c++).setCellValue(nz(v.controllerName()));
                r.createCell(c++).setCellValue(nz(v.controllerMobile()));
                r.createCell(c++).setCellValue(String.join("、", v.specialOperations().stream().map(EnterpriseView.Option::label).toList()));
                r.createCell(c++).setCellValue(String.join("、", v.leadSupervisors().stream().map(EnterpriseView.SupervisorView::unitName).toList()));
                r.createCell(c++).setCellValue(String.join("、", v.cooperatingSupervisors().stream().map(EnterpriseView.SupervisorView::unitName).toList()));
                r.createCell(c++).setCellValue(v.demo() ? "是" : "");
                r.createCell(c).setCellValue(TIME.format(v.updatedAt()));
            });
            wb.write(out);
            return n[0];
        } finally {
            wb.close();
        }
    }

    // ---------------------------------------------------------------- import report

    public static void report(EnterpriseImportJob job, OutputStream out) throws IOException {
        String[][] facts = {
                {"文件", job.fileName()},
                {"导入方式", job.mode().label()},
                {"状态", job.status().label()},
                {"数据行数", String.valueOf(job.totalRows())},
                {"校验通过", String.valueOf(job.validRows())},
                {"有问题的行", String.valueOf(job.invalidRows())},
                {"已导入", String.valueOf(job.importedRows())},
                {"说明", job.message() == null ? "" : job.message()},
                {"上传时间", TIME.format(job.createdAt())},
                {"完成时间", job.finishedAt() == null ? "" : TIME.format(job.finishedAt())}};
        ImportWorkbooks.report(job.issues().stream()
                .map(i -> new ImportWorkbooks.Issue(i.row(), i.column(), i.message())).toList(), facts, out);
    }

    // ---------------------------------------------------------------- helpers

    private static String[] labels(Labelled[] values) {
        return Arrays.stream(values).map(Labelled::label).toArray(String[]::new);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
