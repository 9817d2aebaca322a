package cn.zhiben.hazards.internal;

import cn.zhiben.platform.web.ProblemException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the history import sheet: finds the columns by their headers, returns the non-empty rows with their
 * spreadsheet row numbers; date cells come back as yyyy-MM-dd whatever their display format. A file is at most
 * {@link #MAX_BYTES} and {@link #MAX_ROWS} rows, so the workbook is read whole (POI guards against zip bombs).
 */
public final class HazardImportSheet {

    public static final String DATA_SHEET = "隐患台账";
    public static final int MAX_ROWS = 5_000;
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})\\s*[年./-]\\s*(\\d{1,2})\\s*[月./-]\\s*(\\d{1,2})\\s*日?");

    private HazardImportSheet() {
    }

    /** One data row: its spreadsheet row number (the header is row 1) and its non-empty cells. */
    public record Line(int number, Map<HazardImportColumn, String> values) {
        public String get(HazardImportColumn c) {
            return values.get(c);
        }
    }

    public static List<Line> read(InputStream in) {
        try (XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(DATA_SHEET);
            if (sheet == null) {
                sheet = wb.getNumberOfSheets() == 0 ? null : wb.getSheetAt(0);
            }
            if (sheet == null) {
                throw mismatch("文件中没有工作表，请使用下载的导入模板", List.of());
            }
            return lines(sheet);
        } catch (ProblemException e) {
            throw e;
        } catch (OLE2NotOfficeXmlFileException e) {
            throw unreadable("这是旧版 Excel（.xls）文件，请另存为 .xlsx 后再上传，或使用下载的导入模板");
        } catch (POIXMLException | IOException | IllegalArgumentException | IllegalStateException
                 | org.apache.poi.util.RecordFormatException e) {
            throw unreadable("文件不是有效的 .xlsx 工作簿，请使用下载的导入模板");
        }
    }

    private static List<Line> lines(Sheet sheet) {
        DataFormatter format = new DataFormatter(Locale.CHINA);
        Row header = sheet.getRow(sheet.getFirstRowNum());
        if (header == null || sheet.getPhysicalNumberOfRows() == 0) {
            throw mismatch("工作表是空的，没有表头，请使用下载的导入模板", List.of());
        }
        Map<String, HazardImportColumn> expected = new HashMap<>();
        for (HazardImportColumn c : HazardImportColumn.values()) {
            expected.put(normaliseHeader(c.header()), c);
        }
        Map<Integer, HazardImportColumn> columns = new HashMap<>();
        for (Cell cell : header) {
            HazardImportColumn c = expected.get(normaliseHeader(format.formatCellValue(cell)));
            if (c != null && !columns.containsValue(c)) {
                columns.put(cell.getColumnIndex(), c);
            }
        }
        List<HazardImportColumn> missing = new ArrayList<>();
        for (HazardImportColumn c : HazardImportColumn.values()) {
            if (c.required() && !columns.containsValue(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw mismatch("不是历史隐患导入模板：缺少列 " + String.join("、", missing.stream().map(HazardImportColumn::header).toList())
                            + "（表头可能被改名或删除），请下载最新模板填写",
                    missing.stream().map(c -> new ProblemException.FieldProblem(c.header(), "缺少列“" + c.header() + "”")).toList());
        }
        List<Line> out = new ArrayList<>();
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<HazardImportColumn, String> values = new EnumMap<>(HazardImportColumn.class);
            columns.forEach((index, column) -> {
                String v = text(row.getCell(index), format);
                if (v != null && !v.isBlank()) {
                    values.put(column, v.strip());
                }
            });
            if (values.isEmpty()) {
                continue;
            }
            if (out.size() >= MAX_ROWS) {
                throw ProblemException.badRequest("IMPORT_TOO_MANY_ROWS", "一次最多导入 " + MAX_ROWS + " 行隐患，请拆分文件后分批导入");
            }
            out.add(new Line(r + 1, values));
        }
        if (out.isEmpty()) {
            throw ProblemException.badRequest("IMPORT_FILE_EMPTY", "模板中没有隐患数据：请从第 2 行起填写");
        }
        return out;
    }

    private static String text(Cell cell, DataFormatter format) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return format.formatCellValue(cell);
    }

    /** "发现日期*" / " 发现日期 " / "*发现日期（必填）" all name the same column. */
    static String normaliseHeader(String h) {
        return h == null ? "" : h.replaceAll("[*＊\\s\\u3000]", "").replace("(必填)", "").replace("（必填）", "");
    }

    /** yyyy-MM-dd, yyyy/M/d, yyyy.M.d or yyyy年M月d日; null if none of them. */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        try {
            return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            Matcher m = CHINESE_DATE.matcher(t);
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } catch (java.time.DateTimeException invalid) {
                    return null;
                }
            }
            return null;
        }
    }

    private static ProblemException unreadable(String message) {
        return ProblemException.badRequest("IMPORT_FILE_UNREADABLE", message);
    }

    private static ProblemException mismatch(String message, List<ProblemException.FieldProblem> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "IMPORT_TEMPLATE_MISMATCH", message, errors);
    }
}
