package cn.zhiben.inspections.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;

import java.util.Optional;
import java.util.UUID;

/**
 * An enforcing unit: a committee unit at city level (regionCode null, member-unit accounts) or in a county (county-unit
 * accounts), as the event contract names it.
 */
public record UnitRef(UUID unitId, String regionCode) {

    public UnitRef {
        if (unitId == null) {
            throw new IllegalArgumentException("a unit has an id");
        }
        regionCode = regionCode == null || regionCode.isBlank() ? null : regionCode;
    }

    /** The unit an account acts for, if it is an enforcing unit's account. */
    public static Optional<UnitRef> of(CurrentUser user) {
        if (user.unitId() == null) {
            return Optional.empty();
        }
        return switch (user.role()) {
            case MEMBER_UNIT -> Optional.of(new UnitRef(user.unitId(), null));
            case COUNTY_UNIT -> Optional.of(new UnitRef(user.unitId(), user.scope().regionCode()));
            default -> Optional.empty();
        };
    }

    public static Optional<UnitRef> of(Role role, UUID unitId, String regionCode) {
        if (unitId == null) {
            return Optional.empty();
        }
        return switch (role) {
            case MEMBER_UNIT -> Optional.of(new UnitRef(unitId, null));
            case COUNTY_UNIT -> Optional.of(new UnitRef(unitId, regionCode));
            default -> Optional.empty();
        };
    }

    /** The key a table uses where null cannot be part of a primary key. */
    public String county() {
        return regionCode == null ? "" : regionCode;
    }

    public boolean cityLevel() {
        return regionCode == null;
    }
}
