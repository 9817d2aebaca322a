package cn.zhiben.org.internal;

import cn.zhiben.platform.web.ProblemException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.File;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the enterprise import sheet with POI's streaming (SAX) reader, so a large file is never held as a whole
 * workbook in memory. Checks the template (header row) and the row cap; values are read as displayed text.
 */
public final class EnterpriseSheetReader {

    public static final String DATA_SHEET = "企业信息";
    public static final int MAX_ROWS = 20_000;

    private EnterpriseSheetReader() {
    }

    /** One data row: its spreadsheet row number (1-based, the header is row 1) and its cells by field. */
    public record Row(int number, Map<EnterpriseField, String> values) {
        public String get(EnterpriseField f) {
            return values.get(f);
        }

        public EnterpriseDraft toDraft() {
            return new EnterpriseDraft(get(EnterpriseField.NAME), get(EnterpriseField.USCC), get(EnterpriseField.REGION),
                    get(EnterpriseField.ZONE), get(EnterpriseField.INDUSTRY), get(EnterpriseField.SCALE),
                    get(EnterpriseField.STATUS), get(EnterpriseField.GRADE), get(EnterpriseField.ADDRESS),
                    get(EnterpriseField.LONGITUDE), get(EnterpriseField.LATITUDE), get(EnterpriseField.PRINCIPAL_NAME),
                    get(EnterpriseField.PRINCIPAL_MOBILE), get(EnterpriseField.CONTROLLER_NAME),
                    get(EnterpriseField.CONTROLLER_MOBILE), EnterpriseValidator.splitList(get(EnterpriseField.SPECIAL_OPERATIONS)));
        }
    }

    public static List<Row> read(File file) {
        if (file.length() == 0) {
            throw unreadable("上传的文件是空的");
        }
        try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            Collector collector = null;
            boolean first = true;
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (first || DATA_SHEET.equals(name)) {
                        Collector c = new Collector();
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, c, new DataFormatter(Locale.CHINA), false));
                        parser.parse(new InputSource(in));
                        collector = c;
                        if (DATA_SHEET.equals(name)) {
                            break;
                        }
                    }
                    first = false;
                }
            }
            if (collector == null) {
                throw mismatch("文件中没有工作表", List.of());
            }
            return collector.result();
        } catch (ProblemException e) {
            throw e;
        } catch (TooManyRows e) {
            throw tooManyRows();
        } catch (OLE2NotOfficeXmlFileException e) {
            throw unreadable("这是旧版 Excel（.xls）文件，请另存为 .xlsx 后再上传，或使用下载的导入模板");
        } catch (NotOfficeXmlFileException | POIXMLException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw unreadable("文件不是有效的 .xlsx 工作簿，请使用下载的导入模板");
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProblemException p) {
                    throw p;
                }
                if (t instanceof TooManyRows) {
                    throw tooManyRows();
                }
            }
            throw unreadable("无法读取该文件（" + (e instanceof java.io.IOException ? "文件损坏或不完整" : "格式不受支持") + "），请使用下载的导入模板");
        }
    }

    private static ProblemException tooManyRows() {
        return ProblemException.badRequest("IMPORT_TOO_MANY_ROWS", "一次最多导入 " + MAX_ROWS + " 行企业数据，请拆分文件后分批导入");
    }

    private static ProblemException unreadable(String message) {
        return ProblemException.badRequest("IMPORT_FILE_UNREADABLE", message);
    }

    private static ProblemException mismatch(String message, List<ProblemException.FieldProblem> errors) {
        return new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "IMPORT_TEMPLATE_MISMATCH", message, errors);
    }

    /** "企业名称*" / " 企业名称 " / "*企业名称" all name the same column. */
    static String normaliseHeader(String h) {
        return h == null ? "" : h.replaceAll("[*＊\\s\\u3000]", "").replace("(必填)", "").replace("（必填）", "");
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<Row> rows = new ArrayList<>();
        private Map<Integer, EnterpriseField> columns;
        private Map<Integer, String> current;
        private int currentRow;
        private int nextColumn;
        private boolean headerSeen;

        @Override
        public void startRow(int rowNum) {
            current = new HashMap<>();
            currentRow = rowNum;
            nextColumn = 0;
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? nextColumn : new CellReference(ref).getCol();
            nextColumn = col + 1;
            if (value != null && !value.isBlank()) {
                current.put(col, value);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (!headerSeen) {
                headerSeen = true;
                header(rowNum);
                return;
            }
            Map<EnterpriseField, String> values = new EnumMap<>(EnterpriseField.class);
            columns.forEach((col, field) -> {
                String v = current.get(col);
                if (v != null) {
                    values.put(field, v);
                }
            });
            if (values.isEmpty()) {
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new TooManyRows();
            }
            rows.add(new Row(rowNum + 1, values));
        }

        private void header(int rowNum) {
            if (rowNum != 0) {
                throw mismatch("第 1 行应为表头（" + DATA_SHEET + "），请使用下载的导入模板", List.of());
            }
            Map<String, EnterpriseField> expected = new HashMap<>();
            for (EnterpriseField f : EnterpriseField.values()) {
                expected.put(normaliseHeader(f.label()), f);
            }
            columns = new HashMap<>();
            current.forEach((col, text) -> {
                EnterpriseField f = expected.get(normaliseHeader(text));
                if (f != null && !columns.containsValue(f)) {
                    columns.put(col, f);
                }
            });
            List<EnterpriseField> missing = new ArrayList<>();
            for (EnterpriseField f : EnterpriseField.values()) {
                if (!columns.containsValue(f)) {
                    missing.add(f);
                }
            }
            if (!missing.isEmpty()) {
                throw mismatch("不是企业导入模板：缺少列 " + String.join("、", missing.stream().map(EnterpriseField::label).toList())
                                + "（表头可能被改名或删除），请下载最新模板填写",
                        missing.stream().map(f -> new ProblemException.FieldProblem(f.property(), "缺少列“" + f.label() + "”")).toList());
            }
        }

        List<Row> result() {
            if (!headerSeen) {
                throw mismatch("工作表是空的，没有表头，请使用下载的导入模板", List.of());
            }
            if (rows.isEmpty()) {
                throw ProblemException.badRequest("IMPORT_FILE_EMPTY", "模板中没有企业数据：请从第 2 行起填写");
            }
            return rows;
        }
    }
}
