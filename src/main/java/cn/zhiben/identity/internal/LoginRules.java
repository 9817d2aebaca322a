package cn.zhiben.identity.internal;

import cn.zhiben.platform.security.Role;

/** Login rules that depend on role and mode only. */
public final class LoginRules {

    private LoginRules() {
    }

    /** 等保 level 3 asks for two factors for administrators; demo mode waives it so the demo can be tried at once. */
    public static boolean totpRequired(Role role, boolean demo) {
        return role.administrator() && !demo;
    }
}
