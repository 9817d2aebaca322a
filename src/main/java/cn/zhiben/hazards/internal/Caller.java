package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who acts on a hazard, with what the rules need to know of them: role, position in the enterprise, the category of the
 * committee unit an official works for (1 = 负有安全生产监督管理职责的部门), the fields that unit supervises and those it
 * leads for review and sign-off (三管三必须, from the org module), and the rules in force ({@link HazardPolicy}).
 */
public record Caller(UUID userId, String name, Role role, CurrentUser.EnterprisePosition position, UUID unitId,
                     int unitCategory, Set<String> supervisedFields, Set<String> signOffFields, HazardPolicy policy) {

    public Caller {
        supervisedFields = Set.copyOf(supervisedFields);
        signOffFields = Set.copyOf(signOffFields);
    }

    /** The level of government the account acts at. */
    public Optional<ListingLevel> level() {
        return switch (role) {
            case CITY_OFFICE, MEMBER_UNIT -> Optional.of(ListingLevel.CITY);
            case COUNTY_OFFICE, COUNTY_UNIT -> Optional.of(ListingLevel.COUNTY);
            default -> Optional.empty();
        };
    }

    public boolean office() {
        return role == Role.CITY_OFFICE || role == Role.COUNTY_OFFICE;
    }

    /** A department with supervisory duties (category 1 of Attachment 2), at city or county level. */
    public boolean supervisoryDepartment() {
        return (role == Role.MEMBER_UNIT || role == Role.COUNTY_UNIT) && unitCategory == 1;
    }

    public boolean principal() {
        return position == CurrentUser.EnterprisePosition.PRINCIPAL;
    }

    public HazardActor actor() {
        return new HazardActor(userId, name, role);
    }
}
