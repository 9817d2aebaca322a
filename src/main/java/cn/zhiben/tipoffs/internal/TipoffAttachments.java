package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.files.FileStore;
import cn.zhiben.platform.files.FileType;
import cn.zhiben.platform.files.UploadRules;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.TipoffsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Photos and PDFs attached to a tip-off, kept by the platform's {@link FileStore} under
 * {@code zhiben.tipoffs.storage-dir} with a SHA-256. The type is decided by the file's leading bytes; anything else
 * (executables, HTML, SVG, Office files) is refused. Photos are decoded and written again, which drops their EXIF data —
 * GPS position and camera serial number could point at the reporter.
 */
@Component
public class TipoffAttachments {

    private final JdbcClient jdbc;
    private final FileStore files;
    private final UploadRules rules;
    private final Clock clock;

    TipoffAttachments(JdbcClient jdbc, TipoffsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.files = new FileStore(properties.storageDir());
        this.rules = new UploadRules(EnumSet.of(FileType.JPEG, FileType.PNG, FileType.PDF),
                properties.maxAttachmentSize().toBytes(), TipoffAttachments::tooLarge, TipoffAttachments::badType);
        this.clock = clock;
    }

    public record Attachment(UUID id, UUID tipoffId, String fileName, String contentType, long size, String sha256,
                             String storageKey) {
    }

    /** An upload as received, before any checks. */
    public record Upload(String name, long size, InputStream in) {
    }

    /**
     * Checks every upload first (type, size), so a bad one leaves nothing stored; then stores them durably. The files go
     * again if the caller's transaction rolls back.
     */
    List<Attachment> storeAll(UUID tipoffId, List<Upload> uploads) {
        record Checked(UploadRules.Identified file, byte[] bytes) {
        }
        List<Checked> checked = uploads.stream().map(u -> {
            if (u.size() > rules.maxBytes()) {
                throw tooLarge();
            }
            byte[] bytes;
            try {
                bytes = u.in().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, rules.maxBytes() + 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            UploadRules.Identified file = rules.identify(u.name(), bytes);
            return new Checked(file, file.type() == FileType.PDF ? bytes : withoutMetadata(bytes, file.type()));
        }).toList();
        return checked.stream().map(c -> write(tipoffId, c.file(), c.bytes())).toList();
    }

    private static byte[] withoutMetadata(byte[] bytes, FileType type) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw badType();
            }
            if (type == FileType.JPEG && img.getColorModel().hasAlpha()) {
                BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.getGraphics().drawImage(img, 0, 0, null);
                img = rgb;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            if (!ImageIO.write(img, type == FileType.JPEG ? "jpg" : "png", out)) {
                throw badType();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw badType();
        }
    }

    private Attachment write(UUID tipoffId, UploadRules.Identified file, byte[] bytes) {
        FileStore.Stored f = files.store(file, bytes, LocalDate.now(clock));
        jdbc.sql("""
                insert into tip_attachment (id, tipoff_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_at)
                values (:id, :t, :n, :ct, :s, :sha, :k, :at)""")
                .param("id", f.id()).param("t", tipoffId).param("n", f.fileName()).param("ct", f.contentType())
                .param("s", f.size()).param("sha", f.sha256()).param("k", f.key())
                .param("at", Timestamp.from(clock.instant())).update();
        return new Attachment(f.id(), tipoffId, f.fileName(), f.contentType(), f.size(), f.sha256(), f.key());
    }

    public List<Attachment> list(UUID tipoffId) {
        return jdbc.sql("select * from tip_attachment where tipoff_id = :t order by uploaded_at, id").param("t", tipoffId)
                .query(TipoffAttachments::map).list();
    }

    Optional<Attachment> find(UUID id) {
        return jdbc.sql("select * from tip_attachment where id = :id").param("id", id).query(TipoffAttachments::map).optional();
    }

    byte[] read(Attachment a) {
        return files.read(a.storageKey(), a.sha256());
    }

    private static ProblemException tooLarge() {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "ATTACHMENT_TOO_LARGE", "附件超过大小上限");
    }

    private static ProblemException badType() {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ATTACHMENT_TYPE_NOT_ALLOWED",
                "附件只能是照片（JPEG、PNG）或 PDF 文件");
    }

    private static Attachment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Attachment(rs.getObject("id", UUID.class), rs.getObject("tipoff_id", UUID.class), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage_key"));
    }
}
