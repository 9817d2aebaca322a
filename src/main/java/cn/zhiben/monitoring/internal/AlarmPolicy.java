package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.AlarmStatus;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what to an alarm now — the one source the verbs, the detail page's forms and the inbox all ask. The
 * alarm is already inside the caller's data scope (the query checked it). Handling belongs to the supervising
 * government (安全生产法第70条: the supervising department acts on illegal production; plan item 26: alarms are
 * handled by the departments); townships do first-line response and on-site checks. Enterprises and experts see
 * their alarms but do not handle them in the platform.
 */
public final class AlarmPolicy {

    private static final Set<Role> DEPARTMENTS = EnumSet.of(Role.CITY_OFFICE, Role.MEMBER_UNIT, Role.COUNTY_OFFICE, Role.COUNTY_UNIT);

    private static final Map<AlarmAction, Set<Role>> ROLES = Map.of(
            AlarmAction.RESPOND, union(DEPARTMENTS, Role.TOWNSHIP),
            AlarmAction.ANALYSE, DEPARTMENTS,
            AlarmAction.VERIFY, union(DEPARTMENTS, Role.TOWNSHIP),
            AlarmAction.CLOSE, DEPARTMENTS,
            AlarmAction.CONVERT, DEPARTMENTS);

    private AlarmPolicy() {
    }

    /** Whether the role may take this verb at all (whatever the alarm's state). */
    public static boolean roleMay(Role role, AlarmAction action) {
        return ROLES.getOrDefault(action, Set.of()).contains(role);
    }

    /** Whether this user may take this verb on this alarm now. */
    public static boolean may(CurrentUser user, Alarm alarm, AlarmAction action) {
        return user.ready() && roleMay(user.role(), action) && alarm.allows(action);
    }

    public static void require(CurrentUser user, Alarm alarm, AlarmAction action) {
        if (!user.ready() || !roleMay(user.role(), action)) {
            throw ProblemException.forbidden("ALARM_ACTION_FORBIDDEN", "当前账号不能对报警执行「" + action.label() + "」");
        }
        // the state check is the aggregate's own (409 on an illegal move)
    }

    /** The verbs the detail page offers this user. */
    public static List<AlarmAction> available(CurrentUser user, Alarm alarm) {
        return Arrays.stream(AlarmAction.values()).filter(AlarmAction::human).filter(a -> may(user, alarm, a)).toList();
    }

    /** The states in which this user has something to do: what the inbox lists. */
    public static Set<AlarmStatus> actionableStates(CurrentUser user) {
        Set<AlarmStatus> out = EnumSet.noneOf(AlarmStatus.class);
        for (AlarmAction a : AlarmAction.values()) {
            if (a.human() && user.ready() && roleMay(user.role(), a)) {
                out.addAll(Alarm.statesAllowing(a));
            }
        }
        return out;
    }

    public static boolean handles(CurrentUser user) {
        return !actionableStates(user).isEmpty();
    }

    private static Set<Role> union(Set<Role> roles, Role extra) {
        Set<Role> s = EnumSet.copyOf(roles);
        s.add(extra);
        return Set.copyOf(s);
    }
}
