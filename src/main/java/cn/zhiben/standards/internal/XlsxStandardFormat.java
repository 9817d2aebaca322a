package cn.zhiben.standards.internal;

import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.platform.web.ProblemException.FieldProblem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spreadsheet form of a standard version: sheet 标准 (字段 | 值), sheet 分类 (编码 | 名称 | 类别组 | 说明), sheet 条款
 * (条款号 | 分类编码 | 摘要 | 可信度 | 适用行业 | 专项作业 | 备注 | 关联). Columns are found by their header, in any order.
 */
final class XlsxStandardFormat {

    static final String SHEET_HEADER = "标准";
    static final String SHEET_CATEGORIES = "分类";
    static final String SHEET_CLAUSES = "条款";
    static final List<String> CATEGORY_COLUMNS = List.of("编码", "名称", "类别组", "说明");
    static final List<String> CLAUSE_COLUMNS = List.of("条款号", "分类编码", "摘要", "可信度", "适用行业", "专项作业", "备注", "关联");

    private XlsxStandardFormat() {
    }

    static JsonStandardFormat.Parsed read(byte[] bytes) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            return read(wb);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI reports a damaged or non-OOXML file with assorted runtime exceptions
            throw ProblemException.badRequest("MALFORMED_FILE", "文件不是有效的 .xlsx 工作簿");
        }
    }

    private static JsonStandardFormat.Parsed read(Workbook wb) {
        List<FieldProblem> problems = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        Sheet h = wb.getSheet(SHEET_HEADER);
        if (h == null) {
            problems.add(new FieldProblem(SHEET_HEADER, "缺少工作表“" + SHEET_HEADER + "”"));
        } else {
            Map<String, String> byLabel = new HashMap<>();
            StandardDocument.HEADER_KEYS.forEach((k, label) -> {
                byLabel.put(label, k);
                byLabel.put(k, k);
            });
            for (Row row : h) {
                String label = cell(row, 0, fmt);
                if (label == null || (row.getRowNum() == 0 && label.equals("字段"))) {
                    continue;
                }
                String key = byLabel.get(label);
                String at = SHEET_HEADER + " 第" + (row.getRowNum() + 1) + "行";
                if (key == null) {
                    problems.add(new FieldProblem(at, "未知字段“" + label + "”"));
                    continue;
                }
                where.put(key, at + "（" + StandardDocument.HEADER_KEYS.get(key) + "）");
                String value = cell(row, 1, fmt);
                if (value != null) {
                    header.put(key, value);
                }
            }
        }
        List<StandardDocument.CategoryLine> categories = new ArrayList<>();
        for (Line l : lines(wb, SHEET_CATEGORIES, CATEGORY_COLUMNS, List.of("编码", "名称"), fmt, problems)) {
            categories.add(new StandardDocument.CategoryLine(l.where, l.get("编码"), l.get("名称"), l.get("类别组"), l.get("说明")));
        }
        List<StandardDocument.ClauseLine> clauses = new ArrayList<>();
        for (Line l : lines(wb, SHEET_CLAUSES, CLAUSE_COLUMNS, List.of("条款号", "分类编码", "摘要"), fmt, problems)) {
            clauses.add(new StandardDocument.ClauseLine(l.where, l.get("条款号"), l.get("分类编码"), l.get("摘要"),
                    l.get("可信度"), l.get("适用行业"), l.get("专项作业"), l.get("备注"), l.get("关联")));
        }
        return new JsonStandardFormat.Parsed(new StandardDocument(header, where, categories, clauses), problems);
    }

    private record Line(String where, Map<String, String> values) {
        String get(String column) {
            return values.get(column);
        }
    }

    private static List<Line> lines(Workbook wb, String sheetName, List<String> columns, List<String> required,
                                    DataFormatter fmt, List<FieldProblem> problems) {
        Sheet sheet = wb.getSheet(sheetName);
        if (sheet == null) {
            problems.add(new FieldProblem(sheetName, "缺少工作表“" + sheetName + "”"));
            return List.of();
        }
        Row head = sheet.getRow(sheet.getFirstRowNum());
        Map<String, Integer> index = new HashMap<>();
        if (head != null) {
            for (Cell c : head) {
                String name = cell(head, c.getColumnIndex(), fmt);
                if (name != null && columns.contains(name)) {
                    index.putIfAbsent(name, c.getColumnIndex());
                }
            }
        }
        List<String> missing = required.stream().filter(r -> !index.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            problems.add(new FieldProblem(sheetName + " 第" + (sheet.getFirstRowNum() + 1) + "行",
                    "缺少列：" + String.join("、", missing)));
            return List.of();
        }
        List<Line> out = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() <= sheet.getFirstRowNum()) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            index.forEach((name, col) -> {
                String v = cell(row, col, fmt);
                if (v != null) {
                    values.put(name, v);
                }
            });
            if (!values.isEmpty()) {
                out.add(new Line(sheetName + " 第" + (row.getRowNum() + 1) + "行", values));
            }
        }
        return out;
    }

    /** The cell as trimmed text (dates as yyyy-MM-dd), or null when empty. */
    private static String cell(Row row, int col, DataFormatter fmt) {
        Cell c = row.getCell(col);
        if (c == null) {
            return null;
        }
        String v;
        if (c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            v = c.getLocalDateTimeCellValue().toLocalDate().toString();
        } else {
            v = fmt.formatCellValue(c);
        }
        v = v == null ? null : v.strip();
        return v == null || v.isEmpty() ? null : v;
    }

    static byte[] write(StandardDocument doc) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);

            Sheet h = wb.createSheet(SHEET_HEADER);
            row(h, 0, bold, "字段", "值", "键");
            int r = 1;
            for (Map.Entry<String, String> e : StandardDocument.HEADER_KEYS.entrySet()) {
                Row row = row(h, r++, null, e.getValue(), doc.get(e.getKey()), e.getKey());
                row.getCell(1).setCellStyle(wrap);
            }
            h.setColumnWidth(0, 16 * 256);
            h.setColumnWidth(1, 90 * 256);

            Sheet k = wb.createSheet(SHEET_CATEGORIES);
            row(k, 0, bold, CATEGORY_COLUMNS.toArray(String[]::new));
            r = 1;
            for (StandardDocument.CategoryLine c : doc.categories()) {
                row(k, r++, null, c.code(), c.name(), c.group(), c.note());
            }
            k.setColumnWidth(1, 40 * 256);

            Sheet s = wb.createSheet(SHEET_CLAUSES);
            row(s, 0, bold, CLAUSE_COLUMNS.toArray(String[]::new));
            r = 1;
            for (StandardDocument.ClauseLine c : doc.clauses()) {
                Row row = row(s, r++, null, c.clauseNo(), c.category(), c.summary(), c.confidence(), c.industries(),
                        c.specialOperation(), c.note(), c.related());
                row.getCell(2).setCellStyle(wrap);
            }
            s.setColumnWidth(2, 80 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Row row(Sheet sheet, int index, CellStyle style, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Cell c = row.createCell(i, CellType.STRING);
            c.setCellValue(values[i] == null ? "" : values[i]);
            if (style != null) {
                c.setCellStyle(style);
            }
        }
        return row;
    }
}
