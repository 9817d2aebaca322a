package cn.zhiben.platform.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Chinese font every generated PDF uses (WenQuanYi Micro Hei, Apache-2.0, shipped in the jar under fonts/ with its
 * copyright file), embedded as a subset so a reader without Chinese fonts shows the document as printed.
 */
public final class ChinesePdf {

    private static final String FONT = "fonts/wqy-microhei.ttc";
    private static volatile BaseFont base;

    private ChinesePdf() {
    }

    /** The embedded base font (Identity-H, so every CJK character maps; loaded once). */
    public static BaseFont baseFont() {
        BaseFont b = base;
        if (b == null) {
            synchronized (ChinesePdf.class) {
                if (base == null) {
                    base = load();
                }
                b = base;
            }
        }
        return b;
    }

    public static Font font(float size) {
        return new Font(baseFont(), size);
    }

    public static Font bold(float size) {
        return new Font(baseFont(), size, Font.BOLD);
    }

    private static BaseFont load() {
        try (InputStream in = ChinesePdf.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + FONT);
            }
            byte[] ttc = in.readAllBytes();
            // ",0": the first face of the collection (Micro Hei; the second is its monospaced variant)
            return BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, ttc, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
