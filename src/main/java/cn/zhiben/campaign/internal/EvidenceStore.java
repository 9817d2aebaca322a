package cn.zhiben.campaign.internal;

import cn.zhiben.campaign.CampaignProperties;
import cn.zhiben.platform.files.FileStore;
import cn.zhiben.platform.files.FileType;
import cn.zhiben.platform.files.UploadRules;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence and documents of campaign records — the files units send with reports, answers and task progress: PDF and
 * images, and the office documents government work is written in (.docx/.xlsx, .doc/.xls, OFD). Kept by the platform's
 * {@link FileStore} under {@code zhiben.campaign.storage-dir}, with a SHA-256 recorded at upload and checked again at
 * download; the type is decided by the leading bytes (and, for zip- and OLE-based formats, a matching extension).
 * Whoever calls this has already checked that the caller may see the owning record.
 */
@Component
public class EvidenceStore {

    private final JdbcClient jdbc;
    private final FileStore files;
    private final UploadRules rules;
    private final CampaignTime time;

    EvidenceStore(JdbcClient jdbc, CampaignProperties properties, CampaignTime time) {
        this.jdbc = jdbc;
        this.files = new FileStore(properties.storageDir());
        this.rules = new UploadRules(EnumSet.allOf(FileType.class), properties.maxAttachmentSize().toBytes(),
                () -> new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "ATTACHMENT_TOO_LARGE", "附件超过大小上限"),
                () -> new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ATTACHMENT_TYPE_NOT_ALLOWED",
                        "附件只能是 PDF、图片（JPEG、PNG、WebP）、Word/Excel 文档（.docx/.xlsx/.doc/.xls）或 OFD 文件"));
        this.time = time;
    }

    public record Attachment(UUID id, String ownerType, UUID ownerId, String fileName, String contentType, long size,
                             String sha256, String storageKey, Instant uploadedAt, String uploadedBy) {
    }

    /**
     * Streams the upload to disk durably and records it; refuses other kinds and oversize files and leaves nothing behind
     * when it does. The file goes again if the caller's transaction rolls back.
     */
    public Attachment store(String ownerType, UUID ownerId, String originalName, long declaredSize, InputStream in,
                            String by) {
        FileStore.Stored f = files.store(originalName, declaredSize, in, rules, time.today());
        Attachment a = new Attachment(f.id(), ownerType, ownerId, f.fileName(), f.contentType(), f.size(), f.sha256(),
                f.key(), time.now(), by);
        jdbc.sql("""
                insert into cmp_attachment (id, owner_type, owner_id, file_name, content_type, size_bytes, sha256,
                    storage_key, uploaded_at, uploaded_by)
                values (:id, :type, :owner, :name, :ct, :size, :sha, :key, :at, :by)""")
                .param("id", a.id()).param("type", ownerType).param("owner", ownerId).param("name", a.fileName())
                .param("ct", a.contentType()).param("size", a.size()).param("sha", a.sha256()).param("key", a.storageKey())
                .param("at", Timestamp.from(a.uploadedAt())).param("by", by).update();
        return a;
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
        return files.read(a.storageKey(), a.sha256());
    }

    private static Attachment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Attachment(rs.getObject("id", UUID.class), rs.getString("owner_type"), rs.getObject("owner_id", UUID.class),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("storage_key"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
    }
}
