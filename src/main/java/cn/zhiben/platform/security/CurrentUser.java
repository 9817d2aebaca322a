package cn.zhiben.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in account as every module sees it: who, which role, which data scope, and what must happen before
 * it may do anything else (change the initial password, enrol a second factor).
 */
public record CurrentUser(
        UUID id,
        String username,
        String displayName,
        Role role,
        DataScope scope,
        UUID unitId,
        String unitName,
        Set<Pending> pending,
        EnterprisePosition enterprisePosition) implements Principal, Serializable {

    public CurrentUser {
        pending = pending == null ? Set.of() : Set.copyOf(pending);
    }

    public CurrentUser(UUID id, String username, String displayName, Role role, DataScope scope, UUID unitId,
                       String unitName, Set<Pending> pending) {
        this(id, username, displayName, role, scope, unitId, unitName, pending, null);
    }

    /** The account's own enterprise; null for non-enterprise accounts. */
    public UUID enterpriseId() {
        return scope.enterpriseId();
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean can(Permission permission) {
        return pending.isEmpty() && role.has(permission);
    }

    public boolean ready() {
        return pending.isEmpty();
    }

    /** The signed-in account of this request, if any. */
    public static Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in account; code paths behind authentication use this. */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("no user"));
    }

    /**
     * What an enterprise account stands for in the two-level confirmation of a major hazard (两级确认, 晋市安委发〔2024〕6号
     * item 6): the safety management department, then the principal responsible person (主要负责人).
     */
    public enum EnterprisePosition {
        SAFETY_MANAGER("安全管理部门"),
        PRINCIPAL("主要负责人");

        private final String label;

        EnterprisePosition(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Pending {
        /** initial or reset password: must be changed first (等保 first-login rule) */
        PASSWORD_CHANGE,
        /** an administrator outside demo mode must enrol TOTP first */
        TOTP_ENROLLMENT
    }
}
