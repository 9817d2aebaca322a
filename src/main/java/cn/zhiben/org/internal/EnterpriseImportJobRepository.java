package cn.zhiben.org.internal;

import cn.zhiben.audit.AuditEntry;
import cn.zhiben.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for org_import_job. Every statement commits on its own unless the caller holds a transaction. */
@Repository
class EnterpriseImportJobRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<EnterpriseImportJob.Issue>> ISSUES = new TypeReference<>() {
    };
    private final JdbcClient jdbc;

    EnterpriseImportJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a job needs to run on any instance: the encrypted upload, the scope and the actor of its submitter. */
    record Resumable(UUID id, String fileName, EnterpriseImportJob.Mode mode, String username, byte[] encryptedUpload,
                     DataScope scope, AuditEntry.Actor actor) {
    }

    void insert(UUID id, UUID userId, String username, String fileName, EnterpriseImportJob.Mode mode, int totalRows, Instant now,
                byte[] encryptedUpload, DataScope scope, AuditEntry.Actor actor) {
        jdbc.sql("""
                        insert into org_import_job (id, created_by_id, created_by, file_name, mode, status, total_rows, created_at,
                                                    upload, scope, actor_role, client_address)
                        values (:id, :uid, :user, :file, :mode, 'QUEUED', :total, :at, :upload, cast(:scope as jsonb), :role, :address)""")
                .param("id", id).param("uid", userId).param("user", username).param("file", fileName)
                .param("mode", mode.name()).param("total", totalRows).param("at", Timestamp.from(now))
                .param("upload", encryptedUpload).param("scope", JSON.writeValueAsString(scope))
                .param("role", actor.role()).param("address", actor.clientAddress()).update();
    }

    /** Jobs not yet ended, oldest first: running on some instance, or left behind by one that stopped. */
    List<UUID> unfinished() {
        return jdbc.sql("select id from org_import_job where status in ('QUEUED', 'VALIDATING', 'IMPORTING') order by created_at")
                .query(UUID.class).list();
    }

    Optional<Resumable> resumable(UUID id) {
        return jdbc.sql("""
                        select id, file_name, mode, created_by_id, created_by, upload, scope, actor_role, client_address
                        from org_import_job where id = :id and status in ('QUEUED', 'VALIDATING', 'IMPORTING') and upload is not null""")
                .param("id", id)
                .query((rs, n) -> new Resumable(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        EnterpriseImportJob.Mode.valueOf(rs.getString("mode")), rs.getString("created_by"), rs.getBytes("upload"),
                        JSON.readValue(rs.getString("scope"), DataScope.class),
                        new AuditEntry.Actor(rs.getObject("created_by_id", UUID.class), rs.getString("created_by"),
                                rs.getString("actor_role"), rs.getString("client_address"))))
                .optional();
    }

    /** Back to the start: a job taken over from a stopped instance runs again from its first row. */
    void requeue(UUID id) {
        jdbc.sql("""
                        update org_import_job set status = 'QUEUED', processed_rows = 0, valid_rows = 0, invalid_rows = 0,
                            imported_rows = 0 where id = :id""")
                .param("id", id).update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from org_import_job where id = :id").param("id", id).update();
    }

    /** Only the user who uploaded a job may see it. */
    Optional<EnterpriseImportJob> find(UUID id, UUID ownerId) {
        return jdbc.sql("select * from org_import_job where id = :id and created_by_id = :owner")
                .param("id", id).param("owner", ownerId).query(EnterpriseImportJobRepository::map).optional();
    }

    List<EnterpriseImportJob> recent(UUID ownerId, int limit) {
        return jdbc.sql("""
                        select id, created_by_id, created_by, file_name, mode, status, total_rows, processed_rows, valid_rows,
                               invalid_rows, imported_rows, '[]'::jsonb as report, message, created_at, started_at, finished_at
                        from org_import_job where created_by_id = :owner order by created_at desc limit :limit""")
                .param("owner", ownerId).param("limit", limit).query(EnterpriseImportJobRepository::map).list();
    }

    void start(UUID id, EnterpriseImportJob.Status status, Instant at) {
        jdbc.sql("update org_import_job set status = :s, started_at = coalesce(started_at, :at) where id = :id")
                .param("s", status.name()).param("at", Timestamp.from(at)).param("id", id).update();
    }

    void progress(UUID id, int processed, int valid, int invalid, int imported) {
        jdbc.sql("""
                        update org_import_job set processed_rows = :p, valid_rows = :v, invalid_rows = :i, imported_rows = :m
                        where id = :id""")
                .param("p", processed).param("v", valid).param("i", invalid).param("m", imported).param("id", id).update();
    }

    void finish(UUID id, EnterpriseImportJob.Status status, int processed, int valid, int invalid, int imported,
                List<EnterpriseImportJob.Issue> issues, String message, Instant at) {
        jdbc.sql("""
                        update org_import_job set status = :s, processed_rows = :p, valid_rows = :v, invalid_rows = :i,
                            imported_rows = :m, report = cast(:report as jsonb), message = :msg, finished_at = :at,
                            upload = null
                        where id = :id""")
                .param("s", status.name()).param("p", processed).param("v", valid).param("i", invalid)
                .param("m", imported).param("report", JSON.writeValueAsString(issues)).param("msg", message)
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** A job from before uploads were kept (its rows were only in the memory of a stopped instance) cannot run again. */
    int failWithoutUpload(UUID id, String message, Instant at) {
        return jdbc.sql("""
                        update org_import_job set status = 'FAILED', message = :msg, finished_at = :at
                        where id = :id and status in ('QUEUED', 'VALIDATING', 'IMPORTING') and upload is null""")
                .param("id", id).param("msg", message).param("at", Timestamp.from(at)).update();
    }

    private static EnterpriseImportJob map(ResultSet rs, int n) throws SQLException {
        return new EnterpriseImportJob(rs.getObject("id", UUID.class), rs.getObject("created_by_id", UUID.class),
                rs.getString("created_by"), rs.getString("file_name"),
                EnterpriseImportJob.Mode.valueOf(rs.getString("mode")), EnterpriseImportJob.Status.valueOf(rs.getString("status")),
                rs.getInt("total_rows"), rs.getInt("processed_rows"), rs.getInt("valid_rows"), rs.getInt("invalid_rows"),
                rs.getInt("imported_rows"), JSON.readValue(rs.getString("report"), ISSUES), rs.getString("message"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
