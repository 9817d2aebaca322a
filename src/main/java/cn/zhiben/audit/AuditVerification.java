package cn.zhiben.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * The result of checking the chain and its checkpoints.
 *
 * @param brokenSeq         sequence number of the first row that fails (for deleted newest rows: the first missing
 *                          one), or null when the log is intact
 * @param reason            Chinese explanation of the first failure, or of what was checked
 * @param checkpoints       valid checkpoints the rows were compared with
 * @param lastCheckpointSeq the newest checkpoint's row; rows after it are not yet protected against deletion
 * @param lastCheckpointAt  when that checkpoint was written
 */
public record AuditVerification(boolean intact, long rowsChecked, Long brokenSeq, UUID brokenId, String reason,
                                int checkpoints, Long lastCheckpointSeq, Instant lastCheckpointAt) {

    public AuditVerification(boolean intact, long rowsChecked, Long brokenSeq, UUID brokenId, String reason) {
        this(intact, rowsChecked, brokenSeq, brokenId, reason, 0, null, null);
    }
}
