package cn.zhiben.people.internal;

import cn.zhiben.platform.security.CurrentUser;

import java.util.UUID;

/** Who acts, as timelines record it. */
public record Actor(UUID userId, String name, String role) {

    public static Actor of(CurrentUser user) {
        return new Actor(user.id(), user.displayName(), user.role().name());
    }
}
