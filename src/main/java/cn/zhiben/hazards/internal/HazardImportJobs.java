package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.HazardStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for hz_import_job and hz_imported_hazard. */
@Repository
class HazardImportJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<HazardImportJob.Issue>> ISSUES = new TypeReference<>() {
    };
    private final JdbcClient jdbc;

    HazardImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(HazardImportJob j) {
        jdbc.sql("""
                        insert into hz_import_job (id, created_by_id, created_by, file_name, dry_run, status, total_rows,
                            invalid_rows, imported_rows, skipped_rows, report, skipped, message, created_at)
                        values (:id, :uid, :user, :file, :dry, :status, :total, :invalid, :imported, :skippedRows,
                            cast(:report as jsonb), cast(:skipped as jsonb), :message, :at)""")
                .param("id", j.id()).param("uid", j.createdById()).param("user", j.createdBy()).param("file", j.fileName())
                .param("dry", j.dryRun()).param("status", j.status().name()).param("total", j.totalRows())
                .param("invalid", j.invalidRows()).param("imported", j.importedRows())
                .param("skippedRows", j.skippedRows()).param("skipped", JSON.writeValueAsString(j.skipped()))
                .param("report", JSON.writeValueAsString(j.issues())).param("message", j.message())
                .param("at", Timestamp.from(j.createdAt())).update();
    }

    /** Only the account that uploaded a job may see it. */
    Optional<HazardImportJob> find(UUID id, UUID ownerId) {
        return jdbc.sql("select * from hz_import_job where id = :id and created_by_id = :owner")
                .param("id", id).param("owner", ownerId).query(HazardImportJobs::map).optional();
    }

    List<HazardImportJob> recent(UUID ownerId, int limit) {
        return jdbc.sql("""
                        select id, created_by_id, created_by, file_name, dry_run, status, total_rows, invalid_rows,
                               imported_rows, skipped_rows, '[]'::jsonb as report, '[]'::jsonb as skipped, message,
                               created_at
                        from hz_import_job where created_by_id = :owner order by created_at desc limit :limit""")
                .param("owner", ownerId).param("limit", limit).query(HazardImportJobs::map).list();
    }

    /** What the ledger said beyond the hazard's own fields; an imported hazard's report lag means nothing, so none. */
    void recordImported(UUID hazardId, UUID jobId, int row, String legacyNumber, String basisText, LocalDate listedOn,
                        LocalDate rectifiedOn, LocalDate signedOffOn, String remark) {
        jdbc.sql("""
                        insert into hz_imported_hazard (hazard_id, job_id, row_number, legacy_number, basis_text, listed_on,
                            rectified_on, signed_off_on, remark)
                        values (:h, :j, :row, :legacy, :basis, :listed, :rectified, :signed, :remark)""")
                .param("h", hazardId).param("j", jobId).param("row", row).param("legacy", legacyNumber)
                .param("basis", basisText).param("listed", listedOn).param("rectified", rectifiedOn)
                .param("signed", signedOffOn).param("remark", remark).update();
        jdbc.sql("update hz_hazard set report_lag_hours = null where id = :h").param("h", hazardId).update();
    }

    /** The hazards a job made, in row order. */
    List<HazardImportJob.Made> made(UUID jobId, int limit) {
        return jdbc.sql("""
                        select i.hazard_id, h.number, i.row_number, i.legacy_number, h.enterprise_name
                        from hz_imported_hazard i join hz_hazard h on h.id = i.hazard_id
                        where i.job_id = :j order by i.row_number limit :limit""")
                .param("j", jobId).param("limit", limit)
                .query((rs, n) -> new HazardImportJob.Made(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    Optional<HazardImportJob.Ledger> ledger(UUID hazardId) {
        return jdbc.sql("""
                        select i.*, j.file_name, j.created_by_id, j.created_by, j.created_at from hz_imported_hazard i
                        join hz_import_job j on j.id = i.job_id where i.hazard_id = :h""")
                .param("h", hazardId)
                .query((rs, n) -> new HazardImportJob.Ledger(rs.getObject("job_id", UUID.class), rs.getInt("row_number"),
                        rs.getString("file_name"), rs.getString("legacy_number"), rs.getString("basis_text"),
                        date(rs, "listed_on"), date(rs, "rectified_on"), date(rs, "signed_off_on"), rs.getString("remark"),
                        rs.getObject("created_by_id", UUID.class), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** An existing hazard like a ledger row; {@code imported}: loaded by an earlier import (the row is then skipped). */
    record Duplicate(UUID hazardId, String number, boolean imported) {
    }

    /**
     * An existing hazard (not merged) of the same enterprise, found the same day, citing the same clause — or, without a
     * clause, with the same description. An imported one is preferred: re-importing the row is then harmless.
     */
    Optional<Duplicate> duplicateOf(UUID enterpriseId, LocalDate foundOn, UUID clauseId, String description) {
        return jdbc.sql("""
                        select id, number, source_module = :imported as imported from hz_hazard
                        where enterprise_id = :e and found_on = :f and %s
                          and (clause_id = :c or (cast(:c as uuid) is null and clause_id is null
                               and regexp_replace(description, '\\s+', '', 'g') = :d))
                        order by (source_module = :imported) desc nulls last, created_at limit 1""".formatted(
                        // merged away or withdrawn by its reporter: no longer a hazard of the record
                        HazardStatus.countedSql("status")))
                .param("e", enterpriseId).param("f", foundOn).param("c", clauseId).param("imported", Hazard.IMPORT_SOURCE)
                .param("d", description == null ? "" : description.replaceAll("\\s+", ""))
                .query((rs, n) -> new Duplicate(rs.getObject("id", UUID.class), rs.getString("number"), rs.getBoolean("imported")))
                .optional();
    }

    private static LocalDate date(ResultSet rs, String c) throws SQLException {
        java.sql.Date d = rs.getDate(c);
        return d == null ? null : d.toLocalDate();
    }

    private static HazardImportJob map(ResultSet rs, int n) throws SQLException {
        return new HazardImportJob(rs.getObject("id", UUID.class), rs.getObject("created_by_id", UUID.class),
                rs.getString("created_by"), rs.getString("file_name"), rs.getBoolean("dry_run"),
                HazardImportJob.Status.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("invalid_rows"),
                rs.getInt("imported_rows"), rs.getInt("skipped_rows"), JSON.readValue(rs.getString("report"), ISSUES),
                JSON.readValue(rs.getString("skipped"), ISSUES), rs.getString("message"), rs.getTimestamp("created_at").toInstant());
    }
}
