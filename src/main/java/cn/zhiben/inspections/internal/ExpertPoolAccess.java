package cn.zhiben.inspections.internal;

import cn.zhiben.platform.security.CurrentUser;

/** Who keeps the expert pool (one rule for the API and the pages). */
public final class ExpertPoolAccess {

    private ExpertPoolAccess() {
    }

    public static void requireManager(CurrentUser user) {
        ExpertPool.requireManager(user);
    }

    public static boolean manager(CurrentUser user) {
        return ExpertPool.government(user.role());
    }
}
