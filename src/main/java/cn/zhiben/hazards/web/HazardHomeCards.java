package cn.zhiben.hazards.web;

import cn.zhiben.hazards.internal.HazardQueries;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.ui.HomeCard;
import cn.zhiben.platform.ui.HomeCardContributor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The hazard figures of the user's scope on the home page, each leading to the list that makes it up. */
@Component
class HazardHomeCards implements HomeCardContributor {

    private final HazardQueries queries;
    private final cn.zhiben.hazards.internal.Callers callers;
    private final Clock clock;

    HazardHomeCards(HazardQueries queries, cn.zhiben.hazards.internal.Callers callers, Clock clock) {
        this.queries = queries;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    public List<HomeCard> cards(CurrentUser user) {
        if (!user.can(Permission.BUSINESS_READ) || !user.scope().business()) {
            return List.of();
        }
        HazardQueries.Figures f = queries.figures(user.scope());
        long awaiting = queries.awaitingCount(user, callers.of(user), LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)));
        return List.of(
                new HomeCard("待我处理", String.valueOf(awaiting), "需要您办理或关注的隐患", "/hazards/inbox", 1),
                new HomeCard("重大事故隐患（未销号）", String.valueOf(f.openMajor()), "尚未闭环的重大隐患",
                        "/hazards?grade=MAJOR&open=true", 2),
                new HomeCard("逾期未整改", String.valueOf(f.overdue()), "超过整改期限，已升级督办", "/hazards?overdue=true&open=true", 3),
                new HomeCard("挂牌督办", String.valueOf(f.listed()), "市级、县级挂牌督办中", "/hazards?listed=true&open=true", 4));
    }
}
