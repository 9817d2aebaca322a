package cn.zhiben.inspections.internal;

import cn.zhiben.inspections.InspectionsProperties;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.pdf.ChinesePdf;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The numbered enforcement documents as PDF (OpenPDF, the embedded Chinese font): 现场检查记录 (安全生产法 Art. 68: time,
 * place, content, problems, handling, signatures of inspectors and the unit's responsible person or the refusal),
 * 责令限期整改指令书, 行政处罚决定书（单位/个人）, 整改复查意见书. Made from the stored record each time, so a copy printed
 * later says exactly what was recorded; the formats follow the 原总局 文书式样 in outline (reference §3 [P]).
 */
@Component
public class InspectionDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    /** 行政复议法 / 行政诉讼法 remedies as printed on decisions (our wording of the periods, reference [M]). */
    static final String REMEDY = "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。"
            + "行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外。";

    private final JdbcClient jdbc;
    private final EnterpriseDirectory enterprises;
    private final InspectionsProperties properties;

    InspectionDocuments(JdbcClient jdbc, EnterpriseDirectory enterprises, InspectionsProperties properties) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.properties = properties;
    }

    public byte[] inspectionRecord(InspectionViews.InspectionView v) {
        var profile = enterprises.profile(v.enterpriseId());
        return pdf(doc -> {
            title(doc, "现场检查记录", v.number());
            PdfPTable t = table();
            row(t, "被检查单位", v.enterpriseName());
            row(t, "地址", profile.map(EnterpriseDirectory.Profile::address).orElse(""));
            row(t, "主要负责人", profile.map(EnterpriseDirectory.Profile::principalName).orElse(""));
            row(t, "检查场所", v.place() == null ? "" : v.place());
            row(t, "检查时间", v.visitStartedAt() == null ? "" : MINUTE.format(v.visitStartedAt().atZone(PlatformConfiguration.ZONE))
                    + (v.completedAt() == null ? "" : " 至 " + MINUTE.format(v.completedAt().atZone(PlatformConfiguration.ZONE))));
            row(t, "检查单位", v.unitName() + (v.jointUnitNames().isEmpty() ? "" : "（联合：" + String.join("、", v.jointUnitNames()) + "）"));
            row(t, "检查方式", v.kind().label());
            row(t, "检查人员", v.officers().stream().map(o -> o.name() + "（执法证号 " + o.certificateNo() + "）")
                    .collect(Collectors.joining("；")));
            if (!v.experts().isEmpty()) {
                row(t, "参加专家", v.experts().stream().filter(a -> !a.status().equals("REVOKED"))
                        .map(ExpertPool.Assignment::expertName).collect(Collectors.joining("、")));
            }
            doc.add(t);
            doc.add(para("我们是" + v.unitName() + "行政执法人员，已出示行政执法证件。依照《中华人民共和国安全生产法》第六十五条的规定，"
                    + "对你单位进行现场检查。", 10.5f));
            heading(doc, "检查情况");
            doc.add(para(v.summary() == null ? "" : v.summary(), 10.5f));
            if (!v.items().isEmpty()) {
                PdfPTable items = new PdfPTable(new float[]{1, 8, 2});
                items.setWidthPercentage(100);
                header(items, "序号", "检查内容", "结果");
                int n = 1;
                for (InspectionViews.ItemRow it : v.items()) {
                    cell(items, String.valueOf(n++));
                    cell(items, it.title() + (it.note() == null ? "" : "（" + it.note() + "）"));
                    cell(items, it.result().label());
                }
                doc.add(items);
            }
            heading(doc, "发现的问题");
            if (v.findings().isEmpty()) {
                doc.add(para("未发现问题。", 10.5f));
            }
            for (InspectionViews.FindingRow f : v.findings()) {
                doc.add(para(f.seq() + ". 【" + f.grade().label() + "隐患】" + f.description() + "（部位：" + f.location() + "）"
                        + (f.clauseLabel() == null ? "" : "判定依据：" + f.clauseLabel() + "。")
                        + "隐患编号 " + f.hazardNumber() + "。", 10.5f));
            }
            heading(doc, "处理意见");
            doc.add(para(v.handling() == null ? "" : v.handling(), 10.5f));
            signatures(doc, v);
        });
    }

    private void signatures(Document doc, InspectionViews.InspectionView v) {
        heading(doc, "签名");
        PdfPTable t = new PdfPTable(new float[]{3, 4, 3});
        t.setWidthPercentage(100);
        for (var o : v.officers()) {
            sign(t, "检查人员 " + o.name(), "OFFICER:" + o.officerId(), v.id());
        }
        if (v.enterpriseRefused()) {
            cell(t, "被检查单位负责人");
            PdfPCell c = new PdfPCell(new Phrase("拒绝签字：" + (v.refusalNote() == null ? "" : v.refusalNote())
                    + (v.enterpriseSigner() == null ? "" : "（" + v.enterpriseSigner() + "）"), ChinesePdf.font(10)));
            c.setColspan(2);
            t.addCell(c);
        } else {
            sign(t, "被检查单位负责人 " + (v.enterpriseSigner() == null ? "" : v.enterpriseSigner())
                    + (v.enterpriseSignerPosition() == null ? "" : "（" + v.enterpriseSignerPosition() + "）"), "ENTERPRISE", v.id());
        }
        doc.add(t);
        if (v.acknowledgedAt() != null) {
            doc.add(para("被检查单位已于 " + MINUTE.format(v.acknowledgedAt().atZone(PlatformConfiguration.ZONE))
                    + " 在平台签收本记录（" + v.acknowledgedByName() + "）。", 9));
        }
    }

    private void sign(PdfPTable t, String label, String party, UUID inspectionId) {
        cell(t, label);
        var row = jdbc.sql("select png, signed_at from insp_signature where inspection_id = :i and party = :p")
                .param("i", inspectionId).param("p", party)
                .query((rs, n) -> new Object[]{rs.getBytes(1), rs.getTimestamp(2).toInstant()}).optional();
        if (row.isEmpty()) {
            cell(t, "（未签名）");
            cell(t, "");
            return;
        }
        try {
            Image img = Image.getInstance((byte[]) row.get()[0]);
            img.scaleToFit(140, 45);
            PdfPCell c = new PdfPCell(img, false);
            c.setPadding(3);
            t.addCell(c);
        } catch (Exception e) {
            cell(t, "（签名图像无法读取）");
        }
        cell(t, MINUTE.format(((java.time.Instant) row.get()[1]).atZone(PlatformConfiguration.ZONE)));
    }

    public byte[] decision(InspectionViews.DecisionView v) {
        var profile = enterprises.profile(v.enterpriseId());
        boolean penalty = v.kind() == Decision.Kind.PENALTY;
        String title = penalty ? "行政处罚决定书（" + v.partyType().label() + "）" : "责令限期整改指令书";
        return pdf(doc -> {
            title(doc, title, v.number());
            if (v.partyType() == Decision.PartyType.PERSON) {
                doc.add(para("被处罚人：" + v.partyName() + "（" + (v.partyPosition() == null ? "" : v.partyPosition())
                        + "，所在单位：" + v.enterpriseName() + "）", 11));
            } else {
                doc.add(para((penalty ? "被处罚单位：" : "") + v.enterpriseName() + "：", 11));
                doc.add(para("地址：" + profile.map(EnterpriseDirectory.Profile::address).orElse("") + "　主要负责人："
                        + profile.map(EnterpriseDirectory.Profile::principalName).orElse(""), 10.5f));
            }
            String basis = v.legalBasis().stream().map(LegalArticles.Article::citation).collect(Collectors.joining("、"));
            if (penalty) {
                doc.add(para("经查，" + v.facts(), 11));
                if (v.priorNoticeOn() != null) {
                    doc.add(para("本机关已于 " + DAY.format(v.priorNoticeOn()) + " 告知拟作出行政处罚的事实、理由、依据及当事人依法享有的陈述、申辩"
                            + (v.hearingNoticeOn() != null ? "、要求听证" : "") + "权利。", 10.5f));
                }
                doc.add(para("依据" + basis + "的规定，决定给予以下行政处罚：", 11));
                int n = 1;
                for (var m : v.measures()) {
                    String line = switch (m) {
                        case FINE -> "罚款人民币 " + grouped(v.fineFen()) + " 元（" + Money.uppercase(v.fineFen()) + "）";
                        case CONFISCATION -> "没收违法所得人民币 " + grouped(v.confiscationFen()) + " 元（"
                                + Money.uppercase(v.confiscationFen()) + "）";
                        case SUSPEND_PRODUCTION -> "责令停产停业整顿（自 " + DAY.format(v.shutdownFrom()) + " 起）";
                        case SUSPEND_PARTIAL -> "责令局部停产停业整顿（自 " + DAY.format(v.shutdownFrom()) + " 起）";
                        case ORDER_RECTIFICATION -> "责令于 " + DAY.format(v.deadline()) + " 前改正";
                        case TRANSFER_TO_JUSTICE -> "涉嫌犯罪，移送" + v.transferTo() + "依法处理";
                        default -> m.label();
                    };
                    doc.add(para(n++ + ". " + line, 11));
                }
                if (v.fineFen() > 0) {
                    doc.add(para("罚款自收到本决定书之日起 " + properties.paymentDays() + " 日内缴至指定银行。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，"
                            + "加处罚款的数额不超出罚款的数额（《中华人民共和国行政处罚法》第七十二条）。", 10.5f));
                }
                doc.add(para(REMEDY, 10.5f));
            } else {
                doc.add(para("经查，你单位存在下列问题：", 11));
                doc.add(para(v.facts(), 11));
                int n = 1;
                for (var h : v.hazards()) {
                    doc.add(para(n++ + ". " + h.grade().label() + "隐患 " + h.number()
                            + (h.clauseLabel() == null ? "" : "（" + h.clauseLabel() + "）"), 10.5f));
                }
                doc.add(para("依据" + basis + "的规定，现责令你单位于 " + DAY.format(v.deadline()) + " 前整改完毕，达到有关法律法规规章和标准规定的要求。"
                        + (v.shutdownFrom() != null ? "重大事故隐患排除前或者排除过程中无法保证安全，责令自 " + DAY.format(v.shutdownFrom())
                        + " 起" + (v.measures().contains(cn.zhiben.inspections.InspectionEvents.Measure.SUSPEND_PARTIAL) ? "局部" : "")
                        + "暂时停产停业，经本机关审查同意后方可恢复。" : "")
                        + "整改期间应采取措施确保安全。", 11));
                if (v.reinspectionDue() != null) {
                    doc.add(para("本机关将于整改期限届满后 " + properties.reinspectionDays() + " 日内（" + DAY.format(v.reinspectionDue())
                            + " 前）进行复查。", 10.5f));
                }
                doc.add(para(REMEDY, 10.5f));
            }
            Paragraph sign = new Paragraph(v.unitName() + "（印章）\n" + DAY.format(v.decidedOn()), ChinesePdf.font(11));
            sign.setAlignment(Element.ALIGN_RIGHT);
            sign.setSpacingBefore(24);
            doc.add(sign);
            if (v.servedOn() != null) {
                doc.add(para("送达日期：" + DAY.format(v.servedOn()), 9));
            }
        });
    }

    public byte[] reinspection(InspectionViews.InspectionView v, InspectionViews.ReinspectionRow r) {
        return pdf(doc -> {
            title(doc, "整改复查意见书", r.number());
            doc.add(para(v.enterpriseName() + "：", 11));
            doc.add(para("本机关于 " + DAY.format(v.inspectedOn()) + " 对你单位进行现场检查（" + v.number() + "），"
                    + "于 " + DAY.format(r.on()) + " 对发现的问题进行了复查。复查意见：", 11));
            doc.add(para(r.note(), 11));
            doc.add(para("复查结论：" + (r.passed() ? "整改合格。" : "整改不合格，将依法处理。"), 11));
            doc.add(para("复查人员：" + r.officers(), 10.5f));
            Paragraph sign = new Paragraph(v.unitName() + "（印章）\n" + DAY.format(r.on()), ChinesePdf.font(11));
            sign.setAlignment(Element.ALIGN_RIGHT);
            sign.setSpacingBefore(24);
            doc.add(sign);
        });
    }

    /** 12345.67 yuan as 12,345.67 — from fen, through BigDecimal. */
    static String grouped(long fen) {
        return new java.text.DecimalFormat("#,##0.00").format(java.math.BigDecimal.valueOf(fen, 2));
    }

    // ---- layout ----

    interface Body {
        void write(Document doc) throws Exception;
    }

    private static byte[] pdf(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            body.write(doc);
        } catch (Exception e) {
            throw new IllegalStateException("PDF could not be written", e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
        return out.toByteArray();
    }

    private static void title(Document doc, String title, String number) {
        Paragraph t = new Paragraph(title, ChinesePdf.bold(18));
        t.setAlignment(Element.ALIGN_CENTER);
        doc.add(t);
        Paragraph n = new Paragraph(number == null ? "（未编号）" : number, ChinesePdf.font(11));
        n.setAlignment(Element.ALIGN_CENTER);
        n.setSpacingAfter(12);
        doc.add(n);
    }

    private static void heading(Document doc, String text) {
        Paragraph p = new Paragraph(text, ChinesePdf.bold(12));
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static Paragraph para(String text, float size) {
        Paragraph p = new Paragraph(text, ChinesePdf.font(size));
        p.setLeading(size * 1.6f);
        p.setSpacingAfter(4);
        return p;
    }

    private static PdfPTable table() {
        PdfPTable t = new PdfPTable(new float[]{2, 7});
        t.setWidthPercentage(100);
        t.setSpacingAfter(8);
        return t;
    }

    private static void row(PdfPTable t, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label, ChinesePdf.bold(10)));
        l.setPadding(4);
        t.addCell(l);
        cell(t, value);
    }

    private static void header(PdfPTable t, String... labels) {
        for (String l : labels) {
            PdfPCell c = new PdfPCell(new Phrase(l, ChinesePdf.bold(10)));
            c.setPadding(4);
            t.addCell(c);
        }
    }

    private static void cell(PdfPTable t, String text) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, ChinesePdf.font(10)));
        c.setPadding(4);
        t.addCell(c);
    }

}
