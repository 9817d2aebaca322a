package cn.zhiben.hazards.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One upload of past hazards, as its uploader follows it: all new rows imported, or none and the reasons row by row.
 * Rows an earlier import already loaded are skipped (listed in {@code skipped}), so uploading a ledger again is harmless.
 */
public record HazardImportJob(UUID id, UUID createdById, String createdBy, String fileName, boolean dryRun, Status status,
                              int totalRows, int invalidRows, int importedRows, int skippedRows, List<Issue> issues,
                              List<Issue> skipped, String message, Instant createdAt) {

    public enum Status {
        VALIDATED("校验通过（仅校验，未导入）"),
        COMPLETED("已导入"),
        REJECTED("未导入（存在问题行）");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One problem of one row: spreadsheet row number, column header, reason. */
    public record Issue(int row, String column, String message) {
    }

    /** A hazard the job made, for the links on the job's page. */
    public record Made(UUID hazardId, String number, int row, String legacyNumber, String enterpriseName) {
    }

    /** What the ledger said of an imported hazard beyond its own fields, and which upload brought it. */
    public record Ledger(UUID jobId, int row, String fileName, String legacyNumber, String basisText,
                         java.time.LocalDate listedOn, java.time.LocalDate rectifiedOn, java.time.LocalDate signedOffOn,
                         String remark, UUID importedById, String importedBy, Instant importedAt) {
    }
}
