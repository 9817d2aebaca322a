package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who may do what to a hazard, given that the hazard is already inside the caller's data scope (checked by the query).
 * Enterprise verbs belong to the enterprise's own accounts; reviews and decisions to the supervising government
 * levels; listing to the city or county office (acting for its government).
 */
public final class HazardRules {

    private HazardRules() {
    }

    /** The government level a role acts at, if any. */
    public static Optional<ListingLevel> governmentLevel(Role role) {
        return switch (role) {
            case CITY_OFFICE, MEMBER_UNIT -> Optional.of(ListingLevel.CITY);
            case COUNTY_OFFICE, COUNTY_UNIT -> Optional.of(ListingLevel.COUNTY);
            default -> Optional.empty();
        };
    }

    public static void requireEnterprise(CurrentUser user) {
        if (user.role() != Role.ENTERPRISE) {
            throw denied("只有企业账号可以执行此操作");
        }
    }

    /** 两级确认: the first level is the enterprise's safety management department. */
    public static void requireSafetyDepartment(CurrentUser user) {
        requireEnterprise(user);
        if (user.enterprisePosition() == CurrentUser.EnterprisePosition.PRINCIPAL) {
            // the principal confirms at the second level; both levels by one person would defeat the check
            throw denied("安全管理部门确认须由安全管理人员账号完成");
        }
    }

    /** The second level is the principal responsible person (主要负责人). */
    public static void requirePrincipal(CurrentUser user) {
        requireEnterprise(user);
        if (user.enterprisePosition() != CurrentUser.EnterprisePosition.PRINCIPAL) {
            throw denied("须由企业主要负责人账号确认");
        }
    }

    /** Registering a hazard found from outside the enterprise. */
    public static void requireRegistrar(CurrentUser user, Channel channel) {
        if (!mayRegister(user.role(), channel)) {
            throw denied("当前账号不能以「" + channel.label() + "」渠道登记隐患");
        }
    }

    private static boolean mayRegister(Role role, Channel channel) {
        boolean government = governmentLevel(role).isPresent() || role == Role.TOWNSHIP;
        return switch (channel) {
            case SELF_INSPECTION -> false;
            case EXPERT -> government || role == Role.EXPERT;
            case SUPERVISION, TIP_OFF, MONITORING, ASSIGNED -> government;
        };
    }

    /**
     * The channels through which this user may put a hazard on record: an enterprise only by its own inspection,
     * others by the external channels {@link #requireRegistrar} lets them use. Empty: the user cannot report at all.
     */
    public static List<Channel> reportChannels(CurrentUser user) {
        if (user.role() == Role.ENTERPRISE) {
            return List.of(Channel.SELF_INSPECTION);
        }
        return Arrays.stream(Channel.values()).filter(c -> mayRegister(user.role(), c)).toList();
    }

    /** Extension decisions, reviews and sign-off: a supervising department or office at city or county level. */
    public static ListingLevel requireSupervisor(CurrentUser user) {
        return governmentLevel(user.role()).orElseThrow(() -> denied("须由负有监管职责的部门审核"));
    }

    /** Spot-checks of closed general hazards may also be done by townships. */
    public static void requireSpotChecker(CurrentUser user) {
        if (governmentLevel(user.role()).isEmpty() && user.role() != Role.TOWNSHIP) {
            throw denied("须由监管部门或乡镇（街道）抽查");
        }
    }

    /** 挂牌督办 is decided by the city or county government, here its safety committee office. */
    public static ListingLevel requireListingOffice(CurrentUser user) {
        return switch (user.role()) {
            case CITY_OFFICE -> ListingLevel.CITY;
            case COUNTY_OFFICE -> ListingLevel.COUNTY;
            default -> throw denied("挂牌督办须由市或县（市、区）安委办操作");
        };
    }

    private static ProblemException denied(String message) {
        return ProblemException.forbidden("HAZARD_ACTION_FORBIDDEN", message);
    }
}
