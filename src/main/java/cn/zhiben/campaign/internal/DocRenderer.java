package cn.zhiben.campaign.internal;

import cn.zhiben.platform.pdf.ChinesePdf;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes a {@link Doc} as .docx (Apache POI XWPF: official-document fonts named for every script, so Word shows
 * Chinese in 宋体/黑体/仿宋 rather than a Latin fallback), PDF (OpenPDF with the platform's embedded Chinese font) and
 * .xlsx (one sheet per table).
 */
public final class DocRenderer {

    private static final String TITLE_FONT = "宋体";
    private static final String HEADING_FONT = "黑体";
    private static final String BODY_FONT = "仿宋";

    private DocRenderer() {
    }

    public static void docx(Doc doc, OutputStream out) throws IOException {
        try (XWPFDocument d = new XWPFDocument()) {
            XWPFParagraph t = d.createParagraph();
            t.setAlignment(ParagraphAlignment.CENTER);
            run(t, doc.title(), TITLE_FONT, 22, true);
            if (doc.subtitle() != null) {
                XWPFParagraph s = d.createParagraph();
                s.setAlignment(ParagraphAlignment.CENTER);
                run(s, doc.subtitle(), BODY_FONT, 12, false);
            }
            for (Doc.Block b : doc.blocks()) {
                if (b instanceof Doc.Heading h) {
                    run(d.createParagraph(), h.text(), h.level() == 1 ? HEADING_FONT : BODY_FONT, h.level() == 1 ? 16 : 15,
                            h.level() == 2);
                } else if (b instanceof Doc.Para p) {
                    XWPFParagraph para = d.createParagraph();
                    para.setFirstLineIndent(640);
                    para.setSpacingBetween(1.5);
                    run(para, p.text(), BODY_FONT, 15, false);
                } else if (b instanceof Doc.Table tb) {
                    XWPFParagraph cap = d.createParagraph();
                    cap.setAlignment(ParagraphAlignment.CENTER);
                    run(cap, tb.caption(), HEADING_FONT, 12, false);
                    XWPFTable table = d.createTable(tb.rows().size() + 1, tb.headers().size());
                    table.setTableAlignment(TableRowAlign.CENTER);
                    table.setWidth("100%");
                    fill(table.getRow(0), tb.headers().toArray(String[]::new), true);
                    for (int i = 0; i < tb.rows().size(); i++) {
                        fill(table.getRow(i + 1), tb.rows().get(i).toArray(String[]::new), false);
                    }
                    d.createParagraph();
                }
            }
            d.write(out);
        }
    }

    private static void fill(XWPFTableRow row, String[] cells, boolean header) {
        for (int c = 0; c < cells.length; c++) {
            XWPFTableCell cell = row.getCell(c);
            XWPFParagraph p = cell.getParagraphs().get(0);
            run(p, cells[c] == null ? "" : cells[c], header ? HEADING_FONT : BODY_FONT, 10.5, false);
        }
    }

    private static void run(XWPFParagraph p, String text, String font, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontSize(size);
        // every script slot, or Word picks a Latin font for the East Asian text
        CTRPr pr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
        CTFonts fonts = pr.sizeOfRFontsArray() > 0 ? pr.getRFontsArray(0) : pr.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        fonts.setCs(font);
    }

    public static void pdf(Doc doc, OutputStream out) throws IOException {
        Document d = new Document(PageSize.A4, 56, 56, 64, 56);
        PdfWriter.getInstance(d, out);
        d.addTitle(doc.title());
        d.open();
        Paragraph title = new Paragraph(doc.title(), ChinesePdf.bold(18));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(6);
        d.add(title);
        if (doc.subtitle() != null) {
            Paragraph s = new Paragraph(doc.subtitle(), ChinesePdf.font(10));
            s.setAlignment(Element.ALIGN_CENTER);
            s.setSpacingAfter(12);
            d.add(s);
        }
        for (Doc.Block b : doc.blocks()) {
            if (b instanceof Doc.Heading h) {
                Paragraph p = new Paragraph(h.text(), h.level() == 1 ? ChinesePdf.bold(14) : ChinesePdf.bold(12));
                p.setSpacingBefore(8);
                p.setSpacingAfter(4);
                d.add(p);
            } else if (b instanceof Doc.Para p) {
                Paragraph para = new Paragraph(p.text(), ChinesePdf.font(11));
                para.setFirstLineIndent(22);
                para.setLeading(18);
                d.add(para);
            } else if (b instanceof Doc.Table tb) {
                Paragraph cap = new Paragraph(tb.caption(), ChinesePdf.bold(10.5f));
                cap.setAlignment(Element.ALIGN_CENTER);
                cap.setSpacingBefore(6);
                cap.setSpacingAfter(4);
                d.add(cap);
                PdfPTable table = new PdfPTable(tb.headers().size());
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                for (String h : tb.headers()) {
                    PdfPCell c = new PdfPCell(new Phrase(h, ChinesePdf.bold(9)));
                    c.setGrayFill(0.92f);
                    table.addCell(c);
                }
                for (var row : tb.rows()) {
                    for (String v : row) {
                        table.addCell(new PdfPCell(new Phrase(v == null ? "" : v, ChinesePdf.font(9))));
                    }
                }
                table.setSpacingAfter(8);
                d.add(table);
            }
        }
        d.close();
    }

    public static void xlsx(Doc doc, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            Sheet summary = wb.createSheet("说明");
            int r = 0;
            summary.createRow(r++).createCell(0).setCellValue(doc.title());
            if (doc.subtitle() != null) {
                summary.createRow(r++).createCell(0).setCellValue(doc.subtitle());
            }
            for (Doc.Block b : doc.blocks()) {
                if (b instanceof Doc.Heading h) {
                    Row row = summary.createRow(r++);
                    row.createCell(0).setCellValue(h.text());
                    row.getCell(0).setCellStyle(header);
                } else if (b instanceof Doc.Para p) {
                    summary.createRow(r++).createCell(0).setCellValue(p.text());
                }
            }
            summary.setColumnWidth(0, 120 * 256);
            Set<String> names = new HashSet<>();
            names.add("说明");
            for (Doc.Block b : doc.blocks()) {
                if (!(b instanceof Doc.Table tb)) {
                    continue;
                }
                String name = WorkbookUtil.createSafeSheetName(tb.caption().replaceFirst("^表\\d+\\s*", ""));
                String unique = name;
                for (int i = 2; !names.add(unique); i++) {
                    unique = WorkbookUtil.createSafeSheetName(name.substring(0, Math.min(name.length(), 28)) + "-" + i);
                }
                Sheet sheet = wb.createSheet(unique);
                Row h = sheet.createRow(0);
                for (int c = 0; c < tb.headers().size(); c++) {
                    h.createCell(c).setCellValue(tb.headers().get(c));
                    h.getCell(c).setCellStyle(header);
                    sheet.setColumnWidth(c, Math.min(60, Math.max(10, tb.headers().get(c).length() * 3)) * 256);
                }
                for (int i = 0; i < tb.rows().size(); i++) {
                    Row row = sheet.createRow(i + 1);
                    var cells = tb.rows().get(i);
                    for (int c = 0; c < cells.size(); c++) {
                        String v = cells.get(c) == null ? "" : cells.get(c);
                        // whole numbers as numbers, so the office can sum and chart them
                        if (v.matches("-?\\d{1,15}")) {
                            row.createCell(c).setCellValue(Long.parseLong(v));
                        } else {
                            row.createCell(c).setCellValue(v);
                        }
                    }
                }
            }
            wb.write(out);
        }
    }
}
