package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.platform.files.FileStore;
import cn.zhiben.platform.files.FileType;
import cn.zhiben.platform.files.UploadRules;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence files (photos, PDF reports) of hazards, kept by the platform's {@link FileStore} under
 * {@code zhiben.hazards.storage-dir} with a SHA-256 recorded at upload and checked again at download. The type is
 * decided by the file's leading bytes, not by what the client claims.
 */
@Component
public class AttachmentStore {

    private final JdbcClient jdbc;
    private final FileStore files;
    private final UploadRules rules;
    private final Clock clock;

    AttachmentStore(JdbcClient jdbc, HazardsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.files = new FileStore(properties.storageDir());
        this.rules = new UploadRules(EnumSet.of(FileType.JPEG, FileType.PNG, FileType.PDF, FileType.WEBP),
                properties.maxAttachmentSize().toBytes(),
                () -> new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "ATTACHMENT_TOO_LARGE", "附件超过大小上限"),
                () -> new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ATTACHMENT_TYPE_NOT_ALLOWED",
                        "附件只能是图片（JPEG、PNG、WebP）或 PDF 文件"));
        this.clock = clock;
    }

    public record Attachment(UUID id, UUID hazardId, String stage, String fileName, String contentType, long size,
                             String sha256, String storageKey, java.time.Instant uploadedAt, String uploadedBy) {
    }

    /**
     * Streams the upload to disk durably, refusing other types and oversize files (nothing is left behind on refusal),
     * and records it; the file goes again if the caller's transaction rolls back.
     */
    public Attachment store(UUID hazardId, String stage, String originalName, long declaredSize, InputStream in, String by) {
        FileStore.Stored f = files.store(originalName, declaredSize, in, rules, LocalDate.now(clock));
        Attachment a = new Attachment(f.id(), hazardId, stage, f.fileName(), f.contentType(), f.size(), f.sha256(), f.key(),
                clock.instant(), by);
        jdbc.sql("""
                insert into hz_attachment (id, hazard_id, stage, file_name, content_type, size_bytes, sha256, storage_key, uploaded_at, uploaded_by)
                values (:id, :h, :stage, :name, :type, :size, :sha, :key, :at, :by)""")
                .param("id", a.id()).param("h", hazardId).param("stage", stage).param("name", a.fileName())
                .param("type", a.contentType()).param("size", a.size()).param("sha", a.sha256()).param("key", a.storageKey())
                .param("at", HazardRepository.ts(a.uploadedAt())).param("by", by).update();
        return a;
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
        return files.read(a.storageKey(), a.sha256());
    }

    private static Attachment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Attachment(rs.getObject("id", UUID.class), rs.getObject("hazard_id", UUID.class), rs.getString("stage"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("storage_key"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
    }
}
