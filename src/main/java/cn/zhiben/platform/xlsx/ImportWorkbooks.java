package cn.zhiben.platform.xlsx;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * What every module's spreadsheet import shares: the pieces of an import template (bold headers, an instructions sheet,
 * drop-down lists fed from a hidden sheet) and the report of an import — a sheet of problems (row number, column,
 * reason), so the uploader can fix the file row by row, and a sheet with the job's facts.
 */
public final class ImportWorkbooks {

    private ImportWorkbooks() {
    }

    /** One problem of one row: spreadsheet row number, column header, reason. */
    public record Issue(int row, String column, String message) {
    }

    public static CellStyle bold(Workbook wb, IndexedColors color) {
        Font font = wb.createFont();
        font.setBold(true);
        font.setColor(color.getIndex());
        CellStyle style = wb.createCellStyle();
        style.setFont(font);
        return style;
    }

    /** The instructions sheet: one line per row, the given rows bold, column widths in characters. */
    public static void instructions(Sheet help, List<String[]> lines, Set<Integer> boldRows, int... widths) {
        CellStyle bold = bold(help.getWorkbook(), IndexedColors.BLACK);
        for (int i = 0; i < lines.size(); i++) {
            Row r = help.createRow(i);
            for (int c = 0; c < lines.get(i).length; c++) {
                Cell cell = r.createCell(c);
                cell.setCellValue(lines.get(i)[c]);
                if (boldRows.contains(i)) {
                    cell.setCellStyle(bold);
                }
            }
        }
        for (int c = 0; c < widths.length; c++) {
            help.setColumnWidth(c, widths[c] * 256);
        }
    }

    /** Writes the choices into a column of the (hidden) lists sheet under a title and names that range for drop-downs. */
    public static void choices(Sheet lists, int column, String title, List<String> values, String name) {
        row(lists, 0).createCell(column).setCellValue(title);
        for (int i = 0; i < values.size(); i++) {
            row(lists, i + 1).createCell(column).setCellValue(values.get(i));
        }
        Name n = lists.getWorkbook().createName();
        n.setNameName(name);
        String col = CellReference.convertNumToColString(column);
        n.setRefersToFormula("'" + lists.getSheetName() + "'!$" + col + "$2:$" + col + "$" + Math.max(2, values.size() + 1));
    }

    /**
     * A drop-down on a data column (rows 2 to maxRows + 1) from a named list. Strict: only the list's values; otherwise
     * the list suggests and a value outside it only warns (e.g. where a code may be typed instead).
     */
    public static void dropDown(Sheet data, int column, String listName, int maxRows, boolean strict, String errorText) {
        DataValidationHelper dv = data.getDataValidationHelper();
        DataValidation v = dv.createValidation(dv.createFormulaListConstraint(listName),
                new CellRangeAddressList(1, maxRows, column, column));
        v.setSuppressDropDownArrow(true);
        v.setShowErrorBox(true);
        v.setErrorStyle(strict ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.INFO);
        v.createErrorBox("请从下拉列表选择", errorText);
        data.addValidationData(v);
    }

    /** @param facts label/value pairs for the summary sheet (概况), in order */
    public static void report(List<Issue> issues, String[][] facts, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = bold(wb, IndexedColors.BLACK);
            Sheet sheet = wb.createSheet("校验问题");
            Row h = sheet.createRow(0);
            String[] headers = {"行号", "列", "问题"};
            for (int i = 0; i < headers.length; i++) {
                Cell c = h.createCell(i);
                c.setCellValue(headers[i]);
                c.setCellStyle(bold);
            }
            sheet.setColumnWidth(0, 8 * 256);
            sheet.setColumnWidth(1, 20 * 256);
            sheet.setColumnWidth(2, 90 * 256);
            int n = 0;
            for (Issue issue : issues) {
                Row r = sheet.createRow(++n);
                r.createCell(0).setCellValue(issue.row());
                r.createCell(1).setCellValue(issue.column());
                r.createCell(2).setCellValue(issue.message());
            }
            sheet.createFreezePane(0, 1);
            Sheet summary = wb.createSheet("概况");
            for (int i = 0; i < facts.length; i++) {
                Row r = summary.createRow(i);
                Cell k = r.createCell(0);
                k.setCellValue(facts[i][0]);
                k.setCellStyle(bold);
                r.createCell(1).setCellValue(facts[i][1] == null ? "" : facts[i][1]);
            }
            summary.setColumnWidth(0, 14 * 256);
            summary.setColumnWidth(1, 70 * 256);
            wb.write(out);
        }
    }

    private static Row row(Sheet sheet, int index) {
        Row r = sheet.getRow(index);
        return r == null ? sheet.createRow(index) : r;
    }
}
