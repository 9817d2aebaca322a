package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.platform.web.UploadNames;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence files (photos, PDF reports) kept on disk outside the database, named by id, with a SHA-256 recorded at
 * upload and checked again at download. The type is decided by the file's leading bytes, not by what the client claims.
 */
@Component
public class AttachmentStore {

    private final JdbcClient jdbc;
    private final Path root;
    private final long maxBytes;
    private final Clock clock;

    AttachmentStore(JdbcClient jdbc, HazardsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.root = Path.of(properties.storageDir()).toAbsolutePath().normalize();
        this.maxBytes = properties.maxAttachmentSize().toBytes();
        this.clock = clock;
    }

    public record Attachment(UUID id, UUID hazardId, String stage, String fileName, String contentType, long size,
                             String sha256, String storageKey, java.time.Instant uploadedAt, String uploadedBy) {
    }

    /** Accepted types, recognised by magic number. */
    enum Kind {
        JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg"),
        PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "png"),
        PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'}, "pdf"),
        WEBP("image/webp", null, "webp");

        final String contentType;
        final byte[] magic;
        /** the file name extensions of this type, the first one used when a name has a wrong one */
        final String[] extensions;

        Kind(String contentType, byte[] magic, String... extensions) {
            this.contentType = contentType;
            this.magic = magic;
            this.extensions = extensions;
        }

        static Optional<Kind> detect(byte[] head, int n) {
            if (n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                    && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
                return Optional.of(WEBP);
            }
            for (Kind k : values()) {
                if (k.magic != null && n >= k.magic.length && Arrays.equals(Arrays.copyOf(head, k.magic.length), k.magic)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** Streams the upload to disk, refusing other types and oversize files; nothing is left behind on refusal. */
    public Attachment store(UUID hazardId, String stage, String originalName, long declaredSize, InputStream in, String by) {
        if (declaredSize > maxBytes) {
            throw tooLarge();
        }
        String cleanName = UploadNames.clean(originalName, "附件");
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        String key = "%d/%02d/%s".formatted(today.getYear(), today.getMonthValue(), id);
        Path target = root.resolve(key);
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[16];
            long total = 0;
            Kind kind = null;
            try (InputStream digesting = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = digesting.read(buf)) > 0) {
                    if (total == 0 || (kind == null && total < head.length)) {
                        int copy = (int) Math.min(n, head.length - total);
                        System.arraycopy(buf, 0, head, (int) total, copy);
                    }
                    total += n;
                    if (total > maxBytes) {
                        throw tooLarge();
                    }
                    if (kind == null && total >= head.length) {
                        kind = Kind.detect(head, head.length).orElseThrow(AttachmentStore::badType);
                    }
                    out.write(buf, 0, n);
                }
            }
            if (kind == null) {
                kind = Kind.detect(head, (int) total).orElseThrow(AttachmentStore::badType);
            }
            String fileName = UploadNames.withExtension(cleanName, kind.extensions);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            Attachment a = new Attachment(id, hazardId, stage, fileName, kind.contentType, total,
                    HexFormat.of().formatHex(sha.digest()), key, clock.instant(), by);
            jdbc.sql("""
                    insert into hz_attachment (id, hazard_id, stage, file_name, content_type, size_bytes, sha256, storage_key, uploaded_at, uploaded_by)
                    values (:id, :h, :stage, :name, :type, :size, :sha, :key, :at, :by)""")
                    .param("id", a.id()).param("h", hazardId).param("stage", stage).param("name", fileName)
                    .param("type", a.contentType()).param("size", total).param("sha", a.sha256()).param("key", key)
                    .param("at", HazardRepository.ts(a.uploadedAt())).param("by", by).update();
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray .part file is harmless
                }
            }
        }
    }

    /** Deletes a stored file whose database row was rolled back. */
    void discard(Attachment a) {
        try {
            Files.deleteIfExists(root.resolve(a.storageKey()));
        } catch (IOException ignored) {
            // best effort
        }
    }

    public List<Attachment> list(UUID hazardId) {
        return jdbc.sql("select * from hz_attachment where hazard_id = :h order by uploaded_at, id")
                .param("h", hazardId).query(AttachmentStore::map).list();
    }

    public Optional<Attachment> find(UUID id) {
        return jdbc.sql("select * from hz_attachment where id = :id").param("id", id).query(AttachmentStore::map).optional();
    }

    /** The file's bytes, after checking they still match the recorded checksum. */
    public byte[] read(Attachment a) {
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
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ATTACHMENT_TYPE_NOT_ALLOWED", "附件只能是图片（JPEG、PNG、WebP）或 PDF 文件");
    }

    private static Attachment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Attachment(rs.getObject("id", UUID.class), rs.getObject("hazard_id", UUID.class), rs.getString("stage"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("storage_key"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
    }
}
