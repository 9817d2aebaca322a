package cn.zhiben.identity.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to create or grant an administrator role, or to reset an administrator's password, waiting for (or decided
 * by) a second administrator.
 *
 * @param mayApprove whether the caller may approve or reject it now
 * @param mayCancel  whether the caller may withdraw it now (the requester, while pending)
 */
public record AdminRequestView(UUID id, String kind, String kindLabel, String role, String roleLabel, UUID targetUserId,
                               String username, String displayName, String reason, String status, String statusLabel,
                               String requestedBy, Instant requestedAt, Instant expiresAt, String decidedBy,
                               Instant decidedAt, String decisionReason, boolean mayApprove, boolean mayCancel) {

    public boolean pending() {
        return "PENDING".equals(status);
    }

    static String kindLabel(String kind) {
        return switch (kind) {
            case "CREATE" -> "新建管理员账号";
            case "GRANT" -> "授予管理员角色";
            case "RESET_PASSWORD" -> "重置管理员密码";
            default -> kind;
        };
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "PENDING" -> "待审批";
            case "APPROVED" -> "已批准";
            case "REJECTED" -> "已驳回";
            case "CANCELLED" -> "已撤回";
            case "EXPIRED" -> "已过期";
            default -> status;
        };
    }
}
