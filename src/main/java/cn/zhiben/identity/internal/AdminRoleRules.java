package cn.zhiben.identity.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.security.Role;

import java.util.Optional;
import java.util.UUID;

/**
 * 三员 — who may create, grant and approve the three administrator roles; the one source the services, pages and
 * home card ask. Sources: GB/T 22239-2019 8.1.4.2 d) (管理用户的权限分离) and 8.1.7.3 b) (重要操作建立审批程序) [P: our
 * reading of the standard, verify against its text]. That the approval is a second administrator's, who those are,
 * and that an account never holds two of the roles are our inference of what "separated" needs (decision 0013).
 */
public final class AdminRoleRules {

    private AdminRoleRules() {
    }

    /** Creating an account with an administrator role, or giving one to an account that has another role. */
    public static boolean needsApproval(Role before, Role after) {
        return after.administrator() && after != before;
    }

    /** Why the account may not take this role: it holds, or once held, another administrator role. */
    public static Optional<String> whyNotHold(Optional<Role> held, Role after) {
        if (after.administrator() && held.isPresent() && held.get() != after) {
            return Optional.of("该账号曾担任" + held.get().label() + "，不能再担任" + after.label()
                    + "（三员分立：一个账号只能担任一种管理员角色，请另建账号）");
        }
        return Optional.empty();
    }

    /** The security administrator asks. */
    public static boolean mayRequest(CurrentUser user) {
        return user.can(Permission.USER_ADMIN);
    }

    /** Who may look at the requests: the security and the audit administrators. */
    public static boolean maySee(CurrentUser user) {
        return user.can(Permission.USER_ADMIN) || user.can(Permission.AUDIT_READ);
    }

    /**
     * Why this administrator may not approve: another security administrator or the audit administrator approves —
     * never the one who asked, nor the account the request is about.
     */
    public static Optional<String> whyMayNotApprove(CurrentUser approver, UUID requestedBy, UUID targetUserId) {
        if (!maySee(approver)) {
            return Optional.of("只有安全管理员或审计管理员可以审批管理员授权");
        }
        if (approver.id().equals(requestedBy)) {
            return Optional.of("不能审批本人提出的申请：须由另一名管理员批准");
        }
        if (approver.id().equals(targetUserId)) {
            return Optional.of("不能审批涉及本人账号的申请");
        }
        return Optional.empty();
    }
}
