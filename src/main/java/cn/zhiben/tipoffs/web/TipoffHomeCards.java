package cn.zhiben.tipoffs.web;

import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.ui.HomeCard;
import cn.zhiben.platform.ui.HomeCardContributor;
import cn.zhiben.tipoffs.internal.TipoffQueries;
import cn.zhiben.tipoffs.internal.TipoffRules;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Tip-off figures of the user's view on the home page. */
@Component
class TipoffHomeCards implements HomeCardContributor {

    private final TipoffQueries queries;
    private final Clock clock;

    TipoffHomeCards(TipoffQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public List<HomeCard> cards(CurrentUser user) {
        if (!TipoffRules.mayRead(user)) {
            return List.of();
        }
        int year = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)).getYear();
        TipoffQueries.Figures f = queries.figures(user, year);
        return List.of(
                new HomeCard("举报待受理", String.valueOf(f.awaitingTriage()), "收到后须在期限内决定是否受理", "/tipoffs?status=RECEIVED", 20),
                new HomeCard("举报核查中", String.valueOf(f.verifying()), "逾期 " + f.overdue() + " 件", "/tipoffs?status=VERIFYING", 21),
                new HomeCard("举报查实（本年）", String.valueOf(f.substantiatedThisYear()), "属实或部分属实", "/tipoffs", 22));
    }
}
