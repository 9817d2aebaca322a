package cn.zhiben.platform.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ChinesePdfTests {

    @Test
    void chineseTextIsEmbeddedAndReadsBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph("责令限期整改指令书 晋泽应急责改〔2026〕12号", ChinesePdf.bold(16)));
        doc.add(new Paragraph("瓦斯超限作业；罚款人民币 30,000.00 元。", ChinesePdf.font(11)));
        doc.close();

        PdfReader reader = new PdfReader(out.toByteArray());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("责令限期整改指令书").contains("〔2026〕12号").contains("瓦斯超限作业");
        // a subset is embedded, not the whole 5 MB collection
        assertThat(out.size()).isBetween(1_000, 200_000);
    }
}
