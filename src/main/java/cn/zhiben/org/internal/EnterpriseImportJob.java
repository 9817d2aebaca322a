package cn.zhiben.org.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An import of enterprises from a spreadsheet, as its owner follows it. */
public record EnterpriseImportJob(UUID id, UUID createdById, String createdBy, String fileName, Mode mode, Status status,
                                  int totalRows, int processedRows, int validRows, int invalidRows, int importedRows,
                                  List<Issue> issues, String message, Instant createdAt, Instant startedAt,
                                  Instant finishedAt) {

    public enum Mode {
        ALL_OR_NOTHING("全部成功才导入"),
        VALID_ROWS("仅导入正确行");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        QUEUED("排队中", false),
        VALIDATING("校验中", false),
        IMPORTING("写入中", false),
        COMPLETED("已完成", true),
        REJECTED("未导入（存在错误行）", true),
        FAILED("失败", true);

        private final String label;
        private final boolean finished;

        Status(String label, boolean finished) {
            this.label = label;
            this.finished = finished;
        }

        public String label() {
            return label;
        }

        public boolean finished() {
            return finished;
        }
    }

    /** One problem of one row: spreadsheet row number, column header, reason. */
    public record Issue(int row, String column, String message) {
    }

    public boolean finished() {
        return status.finished();
    }

    /** 0–100: validation is the first half, writing the second. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        if (totalRows == 0) {
            return 0;
        }
        if (status == Status.IMPORTING) {
            return 50 + (validRows == 0 ? 50 : importedRows * 50 / validRows);
        }
        return processedRows * 50 / totalRows;
    }
}
