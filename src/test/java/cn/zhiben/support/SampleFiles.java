package cn.zhiben.support;

import org.springframework.mock.web.MockMultipartFile;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Small valid files for upload requests of the access table ({@code file=@png}). */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A part named {@code name} holding a sample of the kind: png, pdf or txt. */
    public static MockMultipartFile part(String name, String kind) {
        return switch (kind) {
            case "png" -> new MockMultipartFile(name, "访问表检查.png", "image/png", png());
            case "pdf" -> new MockMultipartFile(name, "访问表检查.pdf", "application/pdf",
                    "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            case "txt" -> new MockMultipartFile(name, "访问表检查.txt", "text/plain", "访问表检查".getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("no sample file @" + kind + " (png, pdf, txt)");
        };
    }
}
