package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.platform.web.UploadNames;
import cn.zhiben.tipoffs.TipoffsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Photos and PDFs attached to a tip-off, on disk outside the database with a SHA-256 (flushed to disk before its row).
 * The type is decided by the file's leading bytes; anything else (executables, HTML, SVG, Office files) is refused.
 * Photos are decoded and written again, which drops their EXIF data — GPS position and camera serial number could point
 * at the reporter.
 */
@Component
public class TipoffAttachments {

    private final JdbcClient jdbc;
    private final Path root;
    private final long maxBytes;
    private final Clock clock;

    TipoffAttachments(JdbcClient jdbc, TipoffsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.root = Path.of(properties.storageDir()).toAbsolutePath().normalize();
        this.maxBytes = properties.maxAttachmentSize().toBytes();
        this.clock = clock;
    }

    public record Attachment(UUID id, UUID tipoffId, String fileName, String contentType, long size, String sha256,
                             String storageKey) {
    }

    /** An upload as received, before any checks. */
    public record Upload(String name, long size, InputStream in) {
    }

    enum Kind {
        JPEG("image/jpeg", "jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", "png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
        PDF("application/pdf", "pdf", new byte[]{'%', 'P', 'D', 'F', '-'});

        final String contentType;
        final String extension;
        final byte[] magic;

        Kind(String contentType, String extension, byte[] magic) {
            this.contentType = contentType;
            this.extension = extension;
            this.magic = magic;
        }

        static Optional<Kind> detect(byte[] b) {
            return Arrays.stream(values()).filter(k -> b.length >= k.magic.length
                    && Arrays.equals(Arrays.copyOf(b, k.magic.length), k.magic)).findFirst();
        }
    }

    /** Checks every upload first (type, size), so a bad one leaves nothing stored; then stores them. */
    List<Attachment> storeAll(UUID tipoffId, List<Upload> uploads) {
        record Checked(String name, Kind kind, byte[] bytes) {
        }
        List<Checked> checked = uploads.stream().map(u -> {
            if (u.size() > maxBytes) {
                throw tooLarge();
            }
            byte[] bytes;
            try {
                bytes = u.in().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            Kind kind = Kind.detect(bytes).orElseThrow(TipoffAttachments::badType);
            return new Checked(UploadNames.withExtension(UploadNames.clean(u.name(), "附件"), kind.extension), kind,
                    kind == Kind.PDF ? bytes : withoutMetadata(bytes, kind));
        }).toList();
        return checked.stream().map(c -> write(tipoffId, c.name(), c.kind(), c.bytes())).toList();
    }

    private static byte[] withoutMetadata(byte[] bytes, Kind kind) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw badType();
            }
            if (kind == Kind.JPEG && img.getColorModel().hasAlpha()) {
                BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.getGraphics().drawImage(img, 0, 0, null);
                img = rgb;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            if (!ImageIO.write(img, kind == Kind.JPEG ? "jpg" : "png", out)) {
                throw badType();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw badType();
        }
    }

    private Attachment write(UUID tipoffId, String name, Kind kind, byte[] bytes) {
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        String key = "%d/%02d/%s".formatted(today.getYear(), today.getMonthValue(), id);
        Path target = root.resolve(key);
        try {
            Files.createDirectories(target.getParent());
            writeDurably(target, bytes);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            jdbc.sql("""
                    insert into tip_attachment (id, tipoff_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_at)
                    values (:id, :t, :n, :ct, :s, :sha, :k, :at)""")
                    .param("id", id).param("t", tipoffId).param("n", name).param("ct", kind.contentType)
                    .param("s", (long) bytes.length).param("sha", sha).param("k", key)
                    .param("at", Timestamp.from(clock.instant())).update();
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            try {
                                Files.deleteIfExists(target);
                            } catch (IOException ignored) {
                                // best effort: an orphan file without a row is never served
                            }
                        }
                    }
                });
            }
            return new Attachment(id, tipoffId, name, kind.contentType, bytes.length, sha, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the file and flushes it (and its directory entry) to disk before the row naming it is inserted, so a
     * tip-off acknowledged to its reporter does not lose its photos to a power cut after the commit.
     */
    private static void writeDurably(Path target, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // a file system that cannot open a directory (Windows): the file itself is on disk
        }
    }

    public List<Attachment> list(UUID tipoffId) {
        return jdbc.sql("select * from tip_attachment where tipoff_id = :t order by uploaded_at, id").param("t", tipoffId)
                .query(TipoffAttachments::map).list();
    }

    Optional<Attachment> find(UUID id) {
        return jdbc.sql("select * from tip_attachment where id = :id").param("id", id).query(TipoffAttachments::map).optional();
    }

    byte[] read(Attachment a) {
        try {
            byte[] bytes = Files.readAllBytes(root.resolve(a.storageKey()));
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!sha.equals(a.sha256())) {
                throw new ProblemException(HttpStatus.CONFLICT, "ATTACHMENT_CORRUPTED", "附件校验值不符，文件可能已被篡改");
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.notFound("ATTACHMENT_MISSING", "附件文件不存在");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
