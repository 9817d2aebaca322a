package cn.zhiben.people.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what in the people module: the one place the rules live. Services ask it before they read a request's
 * content (so a caller without the right gets 403 whatever it sent); pages and the menu ask it what to offer. Data scope
 * (which enterprises) is applied on top, in the queries.
 */
public final class PeopleRules {

    private static final Set<Role> GOVERNMENT = EnumSet.of(Role.CITY_OFFICE, Role.MEMBER_UNIT, Role.COUNTY_OFFICE,
            Role.COUNTY_UNIT, Role.TOWNSHIP);

    private PeopleRules() {
    }

    /** Reads registers, training, drills, certificates of its scope. */
    public static boolean reads(CurrentUser u) {
        return u.can(Permission.BUSINESS_READ) && u.scope().business();
    }

    /**
     * Keeps an enterprise's register, training, drills and 三违 records: the enterprise itself (安全生产法 Art. 28: the
     * unit trains and keeps the 培训档案) and the government accounts that may edit enterprises in their scope.
     */
    public static boolean keepsRecords(CurrentUser u) {
        return reads(u) && u.can(Permission.ENTERPRISE_WRITE);
    }

    /** Organises training for several enterprises or for officers (集中培训, plan items 15, 16, 34). */
    public static boolean organisesTraining(CurrentUser u) {
        return reads(u) && GOVERNMENT.contains(u.role());
    }

    /** Registers training institutions and their AQ 8011-2023 checks: the city level (plan item 19). */
    public static boolean checksInstitutions(CurrentUser u) {
        return reads(u) && (u.role() == Role.CITY_OFFICE || u.role() == Role.MEMBER_UNIT);
    }

    /** Sees full ID and mobile numbers (each view audited). */
    public static boolean seesIdentity(CurrentUser u) {
        return reads(u) && u.can(Permission.PII_READ);
    }

    public static boolean government(CurrentUser u) {
        return GOVERNMENT.contains(u.role());
    }

    static void require(boolean allowed, String code, String message) {
        if (!allowed) {
            throw ProblemException.forbidden(code, message);
        }
    }

    static void requireKeepsRecords(CurrentUser u) {
        require(keepsRecords(u), "PEOPLE_WRITE_FORBIDDEN", "当前账号不能登记人员、培训或演练记录");
    }
}
