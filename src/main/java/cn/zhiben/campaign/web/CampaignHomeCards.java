package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.CampaignInbox;
import cn.zhiben.campaign.internal.CampaignScope;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.ui.HomeCard;
import cn.zhiben.platform.ui.HomeCardContributor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The campaign's figures on the home page: what waits for this account, and for an office what is late below it. */
@Component
class CampaignHomeCards implements HomeCardContributor {

    private final CampaignInbox inbox;

    CampaignHomeCards(CampaignInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public List<HomeCard> cards(CurrentUser user) {
        if (!CampaignScope.participant(user)) {
            return List.of();
        }
        CampaignInbox.Counts c = inbox.counts(user);
        List<HomeCard> cards = new ArrayList<>();
        if (user.role() != Role.CITY_OFFICE) {
            cards.add(new HomeCard("待报送", String.valueOf(c.toFile()), c.toFileLate() > 0 ? "其中逾期 " + c.toFileLate() + " 件"
                    : "月度进展、年度总结等", "/campaign/reports", 20));
            cards.add(new HomeCard("待答复调度", String.valueOf(c.toAnswer()), "上级安委办的调度和督办函",
                    "/campaign/dispatches?box=RECEIVED", 21));
            cards.add(new HomeCard("治本攻坚任务", String.valueOf(c.openTasks()), c.overdueTasks() > 0 ? "其中逾期 " + c.overdueTasks() + " 项"
                    : "未完成的任务", "/campaign/tasks", 22));
        }
        if (user.role() == Role.CITY_OFFICE || user.role() == Role.COUNTY_OFFICE) {
            if (user.role() == Role.CITY_OFFICE) {
                cards.add(new HomeCard("待审阅报送", String.valueOf(c.toReview()), "各单位已报送的材料", "/campaign/reports?status=SUBMITTED", 20));
            }
            cards.add(new HomeCard("逾期未报", String.valueOf(c.lateReports()), "已过期限仍未报送", "/campaign/reports?late=true", 23));
            cards.add(new HomeCard("逾期未答复调度", String.valueOf(c.overdueCopies()), "已过答复期限", "/campaign/dispatches?box=ALL&overdue=true", 24));
        }
        return cards;
    }
}
