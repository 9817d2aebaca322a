package cn.zhiben.campaign.internal;

import cn.zhiben.campaign.CampaignProperties;
import cn.zhiben.platform.web.ProblemException;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence and documents of campaign records — the files units send with reports, answers and task progress: PDF and
 * images, and the office documents government work is written in (.docx/.xlsx, .doc/.xls, OFD). Kept on disk outside
 * the database, named by id, with a SHA-256 recorded at upload and checked again at download. The type is decided by
 * the leading bytes (and, for zip- and OLE-based formats, a matching extension), never by what the client claims.
 * Whoever calls this has already checked that the caller may see the owning record.
 */
@Component
public class EvidenceStore {

    private final JdbcClient jdbc;
    private final Path root;
    private final long maxBytes;
    private final CampaignTime time;

    EvidenceStore(JdbcClient jdbc, CampaignProperties properties, CampaignTime time) {
        this.jdbc = jdbc;
        this.root = Path.of(properties.storageDir()).toAbsolutePath().normalize();
        this.maxBytes = properties.maxAttachmentSize().toBytes();
        this.time = time;
    }

    public record Attachment(UUID id, String ownerType, UUID ownerId, String fileName, String contentType, long size,
                             String sha256, String storageKey, Instant uploadedAt, String uploadedBy) {
    }

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    /** The content type for these leading bytes and this name, or empty if the file is not an accepted kind. */
    static Optional<String> detect(byte[] head, int n, String fileName) {
        String ext = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (starts(head, n, PDF)) {
            return Optional.of("application/pdf");
        }
        if (starts(head, n, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (starts(head, n, PNG)) {
            return Optional.of("image/png");
        }
        if (n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F' && head[8] == 'W'
                && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (starts(head, n, ZIP)) {
            return Optional.ofNullable(switch (ext) {
                case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                case "ofd" -> "application/ofd";
                default -> null;
            });
        }
        if (starts(head, n, OLE)) {
            return Optional.ofNullable(switch (ext) {
                case "doc" -> "application/msword";
                case "xls" -> "application/vnd.ms-excel";
                default -> null;
            });
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] head, int n, byte[] magic) {
        return n >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }

    /** Streams the upload to disk; refuses other kinds and oversize files and leaves nothing behind when it does. */
    public Attachment store(String ownerType, UUID ownerId, String originalName, long declaredSize, InputStream in,
                            String by) {
        if (declaredSize > maxBytes) {
            throw tooLarge();
        }
        String fileName = cleanName(originalName);
        UUID id = UUID.randomUUID();
        LocalDate today = time.today();
        String key = "%d/%02d/%s".formatted(today.getYear(), today.getMonthValue(), id);
        Path target = root.resolve(key);
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[16];
            int headLength = 0;
            long total = 0;
            try (InputStream digesting = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = digesting.read(buf)) > 0) {
                    if (headLength < head.length) {
                        int copy = Math.min(n, head.length - headLength);
                        System.arraycopy(buf, 0, head, headLength, copy);
                        headLength += copy;
                    }
                    total += n;
                    if (total > maxBytes) {
                        throw tooLarge();
                    }
                    out.write(buf, 0, n);
                }
            }
            String type = detect(head, headLength, fileName).orElseThrow(EvidenceStore::badType);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            Attachment a = new Attachment(id, ownerType, ownerId, fileName, type, total,
                    HexFormat.of().formatHex(sha.digest()), key, time.now(), by);
            jdbc.sql("""
                    insert into cmp_attachment (id, owner_type, owner_id, file_name, content_type, size_bytes, sha256,
                        storage_key, uploaded_at, uploaded_by)
                    values (:id, :type, :owner, :name, :ct, :size, :sha, :key, :at, :by)""")
                    .param("id", id).param("type", ownerType).param("owner", ownerId).param("name", fileName)
                    .param("ct", type).param("size", total).param("sha", a.sha256()).param("key", key)
                    .param("at", Timestamp.from(a.uploadedAt())).param("by", by).update();
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
                    // a stray .part file is harmless
                }
            }
        }
    }

    /** Removes a stored file whose row was rolled back with its transaction. */
    public void discard(Attachment a) {
        try {
            Files.deleteIfExists(root.resolve(a.storageKey()));
        } catch (IOException ignored) {
            // best effort
        }
    }

    public List<Attachment> list(String ownerType, UUID ownerId) {
        return jdbc.sql("select * from cmp_attachment where owner_type = :t and owner_id = :o order by uploaded_at, id")
                .param("t", ownerType).param("o", ownerId).query(EvidenceStore::map).list();
    }

    public Optional<Attachment> find(UUID id) {
        return jdbc.sql("select * from cmp_attachment where id = :id").param("id", id).query(EvidenceStore::map).optional();
    }

    /** The bytes, after checking they still match the checksum recorded at upload. */
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

    static String cleanName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1)
                // control and bidirectional-override characters would disguise the real extension
                .replaceAll("[\\p{Cntrl}\"\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        if (n.isEmpty()) {
            n = "附件";
        }
        return n.length() > 120 ? n.substring(n.length() - 120) : n;
    }

    private static ProblemException tooLarge() {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "ATTACHMENT_TOO_LARGE", "附件超过大小上限");
    }

    private static ProblemException badType() {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ATTACHMENT_TYPE_NOT_ALLOWED",
                "附件只能是 PDF、图片（JPEG、PNG、WebP）、Word/Excel 文档（.docx/.xlsx/.doc/.xls）或 OFD 文件");
    }

    private static Attachment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Attachment(rs.getObject("id", UUID.class), rs.getString("owner_type"), rs.getObject("owner_id", UUID.class),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("storage_key"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
    }
}
