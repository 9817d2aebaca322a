package cn.zhiben.campaign.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;

import java.util.UUID;

/** Who acts on a campaign record, as its history records it; the system for the daily job. */
public record Actor(UUID userId, String name, Role role, CurrentUser user) {

    public static Actor of(CurrentUser user) {
        return new Actor(user.id(), user.displayName(), user.role(), user);
    }

    public static Actor system() {
        return new Actor(null, "系统", null, null);
    }

    public boolean is(Role r) {
        return role == r;
    }
}
