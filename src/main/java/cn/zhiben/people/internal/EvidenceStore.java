package cn.zhiben.people.internal;

import cn.zhiben.people.PeopleProperties;
import cn.zhiben.platform.files.FileType;
import cn.zhiben.platform.files.UploadRules;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence of training, drills and institution checks (sign-in sheets, photos, assessment reports), kept in the database
 * with the record it proves, so that any instance serves it and a backup holds it. The type is decided by the file's
 * leading bytes ({@link FileType}), not by what the client claims: JPEG, PNG, WebP and PDF only; names are cleaned as
 * every upload's are ({@link UploadRules}). Like inspection photos (decision 0023), a 2xx is durable because the bytes
 * commit with the row.
 */
@Component("peopleEvidenceStore") // campaign has an EvidenceStore too
public class EvidenceStore {

    private final JdbcClient jdbc;
    private final UploadRules rules;

    EvidenceStore(JdbcClient jdbc, PeopleProperties properties) {
        this.jdbc = jdbc;
        long maxBytes = properties.maxEvidenceSize().toBytes();
        this.rules = new UploadRules(EnumSet.of(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.PDF), maxBytes,
                () -> new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "EVIDENCE_TOO_LARGE",
                        "文件超过 " + (maxBytes / 1024 / 1024) + " MB"),
                () -> new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "EVIDENCE_TYPE_UNSUPPORTED",
                        "只接受 JPG、PNG、WebP 图片或 PDF 文件"));
    }

    public record Evidence(UUID id, String ownerKind, UUID ownerId, String fileName, String contentType, long size,
                           String sha256, Instant uploadedAt, String uploadedBy) {
    }

    public record Content(Evidence evidence, byte[] bytes) {
    }

    Evidence store(String ownerKind, UUID ownerId, String originalName, byte[] bytes, String by, Instant at) {
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.badRequest("EVIDENCE_EMPTY", "请选择要上传的文件");
        }
        UploadRules.Identified file = rules.identify(originalName, bytes);
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into ppl_evidence (id, owner_kind, owner_id, file_name, content_type, size, sha256, content, uploaded_at, uploaded_by)
                        values (:id, :k, :o, :n, :t, :s, :h, :c, :at, :by)""")
                .param("id", id).param("k", ownerKind).param("o", ownerId).param("n", file.fileName())
                .param("t", file.type().contentType()).param("s", (long) bytes.length).param("h", sha).param("c", bytes)
                .param("at", Timestamp.from(at)).param("by", by).update();
        return new Evidence(id, ownerKind, ownerId, file.fileName(), file.type().contentType(), bytes.length, sha, at, by);
    }

    List<Evidence> list(String ownerKind, UUID ownerId) {
        return jdbc.sql("""
                        select id, owner_kind, owner_id, file_name, content_type, size, sha256, uploaded_at, uploaded_by
                        from ppl_evidence where owner_kind = :k and owner_id = :o order by uploaded_at, id""")
                .param("k", ownerKind).param("o", ownerId).query(EvidenceStore::map).list();
    }

    Optional<Evidence> find(UUID id) {
        return jdbc.sql("""
                        select id, owner_kind, owner_id, file_name, content_type, size, sha256, uploaded_at, uploaded_by
                        from ppl_evidence where id = :id""")
                .param("id", id).query(EvidenceStore::map).optional();
    }

    byte[] bytes(UUID id) {
        return jdbc.sql("select content from ppl_evidence where id = :id").param("id", id).query(byte[].class).single();
    }

    private static Evidence map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Evidence(rs.getObject("id", UUID.class), rs.getString("owner_kind"), rs.getObject("owner_id", UUID.class),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                Rows.instant(rs, "uploaded_at"), rs.getString("uploaded_by"));
    }
}
