package cn.zhiben.audit;

import java.util.UUID;

/**
 * The result of checking the chain.
 *
 * @param brokenSeq sequence number of the first row that fails, or null when the chain is intact
 * @param reason    Chinese explanation of the first failure
 */
public record AuditVerification(boolean intact, long rowsChecked, Long brokenSeq, UUID brokenId, String reason) {
}
