package cn.zhiben.hazards.internal.reports;

import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.pdf.ChinesePdf;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

/** The signed report as a document to file and print (OpenPDF, embedded Chinese font). */
final class ReportPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformConfiguration.ZONE);

    private ReportPdf() {
    }

    static byte[] render(EnterpriseReports.View v, String uscc, HazardsProperties.Reports rules) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 56, 56);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(v.enterpriseName() + " " + v.periodLabel() + "事故隐患排查治理统计分析报告");
        doc.open();
        Font title = ChinesePdf.bold(16);
        Font heading = ChinesePdf.bold(12);
        Font body = ChinesePdf.font(10.5f);
        Font small = ChinesePdf.font(8.5f);

        Paragraph t = new Paragraph(v.periodLabel() + "事故隐患排查治理统计分析报告", title);
        t.setAlignment(Element.ALIGN_CENTER);
        t.setSpacingAfter(10);
        doc.add(t);
        doc.add(new Paragraph("企业：" + v.enterpriseName() + "　统一社会信用代码：" + uscc, body));
        doc.add(new Paragraph("报告期：" + v.periodFrom() + " 至 " + v.periodTo() + "　报送期限：" + v.dueOn()
                + "　" + (v.late() ? "逾期报送" : "按期报送"), body));

        section(doc, "一、隐患排查治理情况", heading);
        ReportFigures f = v.figures();
        PdfPTable figures = new PdfPTable(new float[]{3, 1});
        figures.setWidthPercentage(100);
        row(figures, body, "本期排查发现隐患（项）", f.found());
        row(figures, body, "　其中：一般隐患", f.foundGeneral());
        row(figures, body, "　　　　重大事故隐患", f.foundMajor());
        row(figures, body, "　其中：企业自查发现", f.foundBySelf());
        row(figures, body, "　　　　监管检查、举报等其他渠道发现", f.foundByOthers());
        row(figures, body, "本期整改关闭一般隐患", f.closedGeneral());
        row(figures, body, "本期审核销号重大事故隐患", f.signedOffMajor());
        cell(figures, "本期发现隐患截至期末已整改（项）", body);
        cell(figures, f.foundAndRectified() + (f.rectificationRate() == null ? "" : "（" + f.rectificationRate() + "%）"), body);
        row(figures, body, "期末未整改一般隐患", f.openGeneral());
        row(figures, body, "期末未销号重大事故隐患", f.openMajor());
        doc.add(figures);

        section(doc, "二、重大事故隐患（报告期内未销号的）", heading);
        if (f.majors().isEmpty()) {
            doc.add(new Paragraph("报告期内无重大事故隐患。", body));
        } else {
            PdfPTable majors = new PdfPTable(new float[]{2.2f, 1.4f, 4.2f, 1.8f, 1.5f, 1.5f});
            majors.setWidthPercentage(100);
            majors.setHeaderRows(1);
            for (String h : new String[]{"编号", "发现日期", "隐患及判定依据", "期末状态", "整改期限", "挂牌督办"}) {
                cell(majors, h, ChinesePdf.bold(9));
            }
            for (ReportFigures.Major m : f.majors()) {
                cell(majors, m.number(), small);
                cell(majors, String.valueOf(m.foundOn()), small);
                cell(majors, m.description() + (m.basis() == null ? "" : "\n" + m.basis()) + "\n（" + m.channel() + "）", small);
                cell(majors, m.statusAtEnd(), small);
                cell(majors, m.deadline() == null ? "—" : m.deadline().toString(), small);
                cell(majors, m.listingLevel() == null ? "—" : m.listingLevel(), small);
            }
            doc.add(majors);
        }

        section(doc, "三、统计分析", heading);
        doc.add(new Paragraph(v.analysis(), body));

        section(doc, "四、签署", heading);
        doc.add(new Paragraph("编制（安全管理部门）：" + v.preparedBy() + "　" + TIME.format(v.preparedAt()), body));
        doc.add(new Paragraph("主要负责人签署：" + v.signedBy() + "　" + TIME.format(v.signedAt())
                + "（经本人平台账号确认签署，即报送负有安全生产监督管理职责的部门）", body));
        Paragraph basis = new Paragraph("依据：《安全生产事故隐患排查治理暂行规定》（原国家安全监管总局令第16号）第十四条，"
                + "每季、每年对隐患排查治理情况进行统计分析，由主要负责人签字，季度报告于下一季度第一个月 " + rules.quarterlyDueDay()
                + " 日前、年度报告于次年 " + rules.annualDue().getMonthValue() + " 月 " + rules.annualDue().getDayOfMonth()
                + " 日前报送；煤矿另依《煤矿安全生产条例》第三十五条每季度书面报告。报送期限的具体日期为本平台参考资料中的待核实项，由市安委办配置。",
                small);
        basis.setSpacingBefore(12);
        doc.add(basis);
        doc.add(new Paragraph("内容校验值（SHA-256）：" + v.contentSha256(), small));
        doc.close();
        return out.toByteArray();
    }

    private static void section(Document doc, String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(10);
        p.setSpacingAfter(6);
        doc.add(p);
    }

    private static void row(PdfPTable table, Font font, String label, long value) {
        cell(table, label, font);
        cell(table, String.valueOf(value), font);
    }

    private static void cell(PdfPTable table, String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(4);
        table.addCell(c);
    }
}
