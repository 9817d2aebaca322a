package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;

import java.util.Arrays;
import java.util.List;

/**
 * Who may put a hazard on record, and through which channel: an enterprise by its own inspection (企业自查); officials,
 * townships by the external channels; an expert through the expert channel only (issue 9 item 2c), and — by its data
 * scope — only for the enterprises assigned to it. Everything done to a hazard afterwards is {@link HazardPolicy}'s.
 */
public final class HazardRules {

    private HazardRules() {
    }

    /** Putting a hazard on record through this channel: 403 unless {@link #reportChannels} offers it to the user. */
    public static void requireReporter(CurrentUser user, Channel channel) {
        if (!reportChannels(user).contains(channel)) {
            throw ProblemException.forbidden("HAZARD_ACTION_FORBIDDEN", channel == Channel.SELF_INSPECTION
                    ? "只有企业账号可以自查上报" : "当前账号不能以「" + channel.label() + "」渠道登记隐患");
        }
    }

    private static boolean mayRegister(Role role, Channel channel) {
        boolean government = switch (role) {
            case CITY_OFFICE, MEMBER_UNIT, COUNTY_OFFICE, COUNTY_UNIT, TOWNSHIP -> true;
            default -> false;
        };
        return switch (channel) {
            case SELF_INSPECTION -> false;
            case EXPERT -> government || role == Role.EXPERT;
            case SUPERVISION, TIP_OFF, MONITORING, ASSIGNED -> government;
        };
    }

    /**
     * The channels through which this user may put a hazard on record: an enterprise only by its own inspection,
     * others by the external channels they may register through. Empty: the user cannot report at all.
     */
    public static List<Channel> reportChannels(CurrentUser user) {
        if (user.role() == Role.ENTERPRISE) {
            return List.of(Channel.SELF_INSPECTION);
        }
        return Arrays.stream(Channel.values()).filter(c -> mayRegister(user.role(), c)).toList();
    }
}
