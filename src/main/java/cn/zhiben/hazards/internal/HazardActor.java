package cn.zhiben.hazards.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;

import java.util.UUID;

/** Who acts on a hazard, as the timeline records it. */
public record HazardActor(UUID userId, String name, Role role) {

    public static HazardActor of(CurrentUser user) {
        return new HazardActor(user.id(), user.displayName(), user.role());
    }

    public static HazardActor system() {
        return new HazardActor(null, "系统", null);
    }
}
