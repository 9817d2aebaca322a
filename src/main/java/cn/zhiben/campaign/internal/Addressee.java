package cn.zhiben.campaign.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;

import java.util.Objects;
import java.util.UUID;

/**
 * Who a task, report, dispatch or evaluation is addressed to, as accounts carry it: a committee unit at city level
 * (unit, null), a county department (unit, county), a county safety committee office (null, county), or the city office
 * itself (null, null). The accounts of the addressee see and answer what is addressed to it.
 */
public record Addressee(UUID unitId, String regionCode) {

    public static final Addressee CITY_OFFICE = new Addressee(null, null);

    public static Addressee cityUnit(UUID unitId) {
        return new Addressee(Objects.requireNonNull(unitId), null);
    }

    public static Addressee countyUnit(UUID unitId, String countyCode) {
        return new Addressee(Objects.requireNonNull(unitId), Objects.requireNonNull(countyCode));
    }

    public static Addressee countyOffice(String countyCode) {
        return new Addressee(null, Objects.requireNonNull(countyCode));
    }

    public Kind kind() {
        if (unitId == null) {
            return regionCode == null ? Kind.CITY_OFFICE : Kind.COUNTY_OFFICE;
        }
        return regionCode == null ? Kind.CITY_UNIT : Kind.COUNTY_UNIT;
    }

    public boolean office() {
        return unitId == null;
    }

    /** Whether this account speaks for the addressee. */
    public boolean heldBy(CurrentUser user) {
        if (user == null || !user.ready()) {
            return false;
        }
        return switch (kind()) {
            case CITY_OFFICE -> user.role() == Role.CITY_OFFICE;
            case COUNTY_OFFICE -> user.role() == Role.COUNTY_OFFICE && regionCode.equals(user.scope().regionCode());
            case CITY_UNIT -> user.role() == Role.MEMBER_UNIT && unitId.equals(user.unitId());
            case COUNTY_UNIT -> user.role() == Role.COUNTY_UNIT && unitId.equals(user.unitId())
                    && regionCode.equals(user.scope().regionCode());
        };
    }

    /**
     * Whether this account is the office above the addressee: the city office over everyone, a county office over the
     * departments of its own county.
     */
    public boolean supervisedBy(CurrentUser user) {
        if (user == null || !user.ready()) {
            return false;
        }
        return switch (user.role()) {
            case CITY_OFFICE -> kind() != Kind.CITY_OFFICE;
            case COUNTY_OFFICE -> kind() == Kind.COUNTY_UNIT && regionCode.equals(user.scope().regionCode());
            default -> false;
        };
    }

    /** The addressee an account speaks for, if it speaks for one. */
    public static java.util.Optional<Addressee> of(CurrentUser user) {
        if (user == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(switch (user.role()) {
            case CITY_OFFICE -> CITY_OFFICE;
            case COUNTY_OFFICE -> user.scope().regionCode() == null ? null : countyOffice(user.scope().regionCode());
            case MEMBER_UNIT -> user.unitId() == null ? null : cityUnit(user.unitId());
            case COUNTY_UNIT -> user.unitId() == null || user.scope().regionCode() == null ? null
                    : countyUnit(user.unitId(), user.scope().regionCode());
            default -> null;
        });
    }

    public enum Kind {
        CITY_OFFICE, COUNTY_OFFICE, CITY_UNIT, COUNTY_UNIT
    }
}
