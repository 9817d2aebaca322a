package cn.zhiben.tipoffs.internal;

import cn.zhiben.platform.security.CurrentUser;

import java.util.UUID;

/** Who acts on a tip-off as the timeline records it; the public reporter is never named. */
public record Actor(UUID userId, String name, String role) {

    public static Actor of(CurrentUser u) {
        return new Actor(u.id(), u.displayName(), u.role().name());
    }

    public static Actor reporter() {
        return new Actor(null, "举报人（网上）", null);
    }

    public static Actor system() {
        return new Actor(null, "系统", null);
    }
}
