package cn.zhiben.identity.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The second administrator's side of the two-person rule (三员, {@link AdminRoleRules}): list, approve, reject, and
 * the requester's withdrawal. An approval applies the request in the same transaction; the one-time password of the
 * new (or newly granted, or reset) administrator is shown to the approver only — the requester never sees it.
 */
@Service
public class AdminGrants {

    private final AdminRequests requests;
    private final UserAdminService admin;
    private final AuditLog audit;
    private final Clock clock;

    AdminGrants(AdminRequests requests, UserAdminService admin, AuditLog audit, Clock clock) {
        this.requests = requests;
        this.admin = admin;
        this.audit = audit;
        this.clock = clock;
    }

    /** An approved request and what came of it: the account and its one-time password (for the approver, once). */
    public record Approved(AdminRequestView request, UserView user, String oneTimePassword) {
    }

    @Transactional
    public List<AdminRequestView> list(String status) {
        CurrentUser viewer = requireViewer();
        requests.expire(clock.instant());
        String s = status == null || status.isBlank() ? null : status.strip();
        if (s != null && !List.of("PENDING", "APPROVED", "REJECTED", "CANCELLED", "EXPIRED").contains(s)) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "状态只能是 PENDING、APPROVED、REJECTED、CANCELLED 或 EXPIRED");
        }
        return requests.list(s, 200).stream().map(r -> r.view(viewer)).toList();
    }

    @Transactional
    public AdminRequestView get(UUID id) {
        CurrentUser viewer = requireViewer();
        requests.expire(clock.instant());
        return find(id, false).view(viewer);
    }

    /** How many requests this user could approve now (for the home page). */
    @Transactional(readOnly = true)
    public long awaiting(CurrentUser user) {
        if (!AdminRoleRules.maySee(user)) {
            return 0;
        }
        Instant now = clock.instant();
        return requests.list("PENDING", 200).stream()
                .filter(r -> r.expiresAt().isAfter(now))
                .filter(r -> AdminRoleRules.whyMayNotApprove(user, r.requestedBy(), r.targetUserId()).isEmpty())
                .count();
    }

    @Transactional
    public Approved approve(UUID id) {
        CurrentUser approver = requireViewer();
        AdminRequests.Row r = open(id);
        AdminRoleRules.whyMayNotApprove(approver, r.requestedBy(), r.targetUserId()).ifPresent(why -> {
            throw ProblemException.forbidden("ADMIN_APPROVAL_FORBIDDEN", why);
        });
        UserAdminService.WithPassword result = switch (r.kind()) {
            case "CREATE" -> admin.createApproved(r);
            case "GRANT" -> admin.grantApproved(r);
            case "RESET_PASSWORD" -> admin.resetApproved(r);
            default -> throw new IllegalStateException(r.kind());
        };
        Instant now = clock.instant();
        if (r.targetUserId() == null) {
            requests.target(r.id(), result.user().id());
        }
        requests.decide(r.id(), "APPROVED", approver, now, null);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "admin_request", r.id(), Map.of(
                "status", List.of("PENDING", "APPROVED"), "userId", result.user().id().toString(), "requestedBy", r.requestedByName())));
        return new Approved(find(id, false).view(approver), result.user(), result.oneTimePassword());
    }

    @Transactional
    public AdminRequestView reject(UUID id, String reason) {
        CurrentUser approver = requireViewer();
        AdminRequests.Row r = open(id);
        AdminRoleRules.whyMayNotApprove(approver, r.requestedBy(), r.targetUserId()).ifPresent(why -> {
            throw ProblemException.forbidden("ADMIN_APPROVAL_FORBIDDEN", why);
        });
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "REASON_REQUIRED", "请填写驳回理由（不超过 500 字）",
                    List.of(new ProblemException.FieldProblem("reason", "不能为空，不超过 500 字")));
        }
        requests.decide(r.id(), "REJECTED", approver, clock.instant(), why);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "admin_request", r.id(), Map.of(
                "status", List.of("PENDING", "REJECTED"), "reason", why)));
        return find(id, false).view(approver);
    }

    @Transactional
    public AdminRequestView cancel(UUID id) {
        CurrentUser user = requireViewer();
        AdminRequests.Row r = open(id);
        if (!r.requestedBy().equals(user.id())) {
            throw ProblemException.forbidden("ADMIN_REQUEST_NOT_YOURS", "只有申请人可以撤回申请");
        }
        requests.decide(r.id(), "CANCELLED", user, clock.instant(), null);
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "admin_request", r.id(), Map.of("status", List.of("PENDING", "CANCELLED"))));
        return find(id, false).view(user);
    }

    /** The pending request, locked for the decision; a decided or expired one is a conflict. */
    private AdminRequests.Row open(UUID id) {
        requests.expire(clock.instant());
        AdminRequests.Row r = find(id, true);
        if (!r.status().equals("PENDING")) {
            throw ProblemException.conflict("ADMIN_REQUEST_DECIDED", "该申请" + AdminRequestView.statusLabel(r.status()) + "，不能再处理");
        }
        return r;
    }

    private AdminRequests.Row find(UUID id, boolean lock) {
        return (lock ? requests.findForUpdate(id) : requests.find(id))
                .orElseThrow(() -> ProblemException.notFound("ADMIN_REQUEST_NOT_FOUND", "申请不存在"));
    }

    private static CurrentUser requireViewer() {
        CurrentUser user = CurrentUser.require();
        if (!AdminRoleRules.maySee(user)) {
            throw ProblemException.forbidden("FORBIDDEN", "只有安全管理员或审计管理员可以查看管理员授权申请");
        }
        return user;
    }
}
