package cn.zhiben.inspections.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;

import java.util.UUID;

/**
 * Who acts, as this module's rules need it: the account, the enforcing unit it belongs to (if any), its entry in the
 * officer register (valid today), its entry in the expert pool, its enterprise.
 */
public record Actor(UUID userId, String name, Role role, UnitRef unit, UUID officerId, UUID expertId, UUID enterpriseId,
                    CurrentUser user) {

    public boolean inUnit(UnitRef u) {
        return unit != null && unit.equals(u);
    }

    public boolean officer() {
        return officerId != null;
    }

    public boolean cityOffice() {
        return role == Role.CITY_OFFICE;
    }
}
