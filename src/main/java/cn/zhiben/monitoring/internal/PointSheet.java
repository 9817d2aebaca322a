package cn.zhiben.monitoring.internal;

import cn.zhiben.platform.web.ProblemException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The .xlsx form of monitoring points: one sheet, a header row, one point per row. Kinds and location types may be
 * given as codes (METHANE, LW_FACE) or as their Chinese labels.
 */
public final class PointSheet {

    public static final List<String> HEADERS = List.of("设备编码", "测点编码", "测点名称", "监测类型", "位置类型", "安装位置",
            "量程下限", "量程上限", "高报", "高高报", "低报", "低低报");

    private PointSheet() {
    }

    /** A row as read: the point, or why the row could not be read. */
    public record Row(int rowNumber, PointService.NewPoint point, String problem) {
    }

    public static List<Row> read(InputStream in) {
        List<Row> out = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                org.apache.poi.ss.usermodel.Row r = sheet.getRow(i);
                if (r == null || blank(r, fmt)) {
                    continue;
                }
                String[] c = new String[HEADERS.size()];
                for (int j = 0; j < c.length; j++) {
                    c[j] = text(r.getCell(j), fmt);
                }
                PointKind kind = kind(c[3]);
                if (kind == null) {
                    out.add(new Row(i + 1, null, "监测类型「" + c[3] + "」无法识别"));
                    continue;
                }
                Double[] nums = new Double[6];
                String bad = null;
                for (int j = 0; j < 6; j++) {
                    String s = c[6 + j];
                    if (s == null || s.isBlank()) {
                        continue;
                    }
                    try {
                        nums[j] = Double.parseDouble(s.strip());
                    } catch (NumberFormatException e) {
                        bad = HEADERS.get(6 + j) + "「" + s + "」不是数字";
                    }
                }
                if (bad != null) {
                    out.add(new Row(i + 1, null, bad));
                    continue;
                }
                out.add(new Row(i + 1, new PointService.NewPoint(c[0], c[1], c[2], kind, locationType(c[4]), c[5],
                        nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]), null));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.badRequest("IMPORT_UNREADABLE", "无法读取上传的文件，请使用 .xlsx 格式的测点导入模板");
        }
        return out;
    }

    /** The empty template with its header row. */
    public static byte[] template() {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("测点");
            org.apache.poi.ss.usermodel.Row h = s.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                h.createCell(i).setCellValue(HEADERS.get(i));
            }
            org.apache.poi.ss.usermodel.Row ex = s.createRow(1);
            String[] example = {"示例-GW01", "示例-CH4-T0", "15103工作面回风隅角甲烷", "甲烷", "LW_UPPER_CORNER", "15103工作面回风隅角",
                    "0", "4", "", "", "", ""};
            for (int i = 0; i < example.length; i++) {
                ex.createCell(i).setCellValue(example[i]);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static PointKind kind(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return Arrays.stream(PointKind.values()).filter(k -> k.name().equalsIgnoreCase(t) || k.label().equals(t))
                .findFirst().orElse(null);
    }

    static String locationType(String s) {
        if (s == null || s.isBlank()) {
            return "*";
        }
        String t = s.strip();
        for (String code : List.of("LW_UPPER_CORNER", "LW_FACE", "LW_RETURN", "LW_INTAKE", "SERIES_INTAKE", "SHEARER",
                "HEADING_FACE", "HEADING_RETURN", "DISTRICT_RETURN", "MAIN_RETURN", "DRAINAGE_PUMP", "COAL_BUNKER",
                "PROCESS", "CO", "H2S")) {
            if (code.equalsIgnoreCase(t) || PointKind.locationLabel(code).equals(t)) {
                return code;
            }
        }
        return t;
    }

    private static boolean blank(org.apache.poi.ss.usermodel.Row r, DataFormatter fmt) {
        for (Cell c : r) {
            if (c.getCellType() != CellType.BLANK && !fmt.formatCellValue(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Cell c, DataFormatter fmt) {
        return c == null ? null : fmt.formatCellValue(c).strip();
    }
}
