package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.CampaignDocuments;
import cn.zhiben.campaign.internal.CampaignScope;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.util.List;

/** 治本攻坚 in the menu: for the offices, member units and county departments; enterprises see their evaluations. */
@Component
class CampaignNav implements NavContributor {

    private static final String GROUP = "治本攻坚";

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem(GROUP, "挂图作战", "/campaign", 200, CampaignScope::participant),
                new NavItem(GROUP, "任务", "/campaign/tasks", 201, CampaignScope::participant),
                new NavItem(GROUP, "报送", "/campaign/reports", 202, CampaignScope::participant),
                new NavItem(GROUP, "调度督办", "/campaign/dispatches", 203, CampaignScope::participant),
                new NavItem(GROUP, "督办问责", "/campaign/supervision", 204, CampaignScope::participant),
                new NavItem(GROUP, "责任清单", "/campaign/lists", 205, CampaignScope::participant),
                new NavItem(GROUP, "总结评估", "/campaign/evaluations", 206,
                        u -> CampaignScope.participant(u) || (u.ready() && u.role() == Role.ENTERPRISE)),
                new NavItem(GROUP, "总结与月报", "/campaign/documents", 207, CampaignDocuments::mayGenerate),
                new NavItem(GROUP, "方案管理", "/campaign/programmes", 208, u -> u.ready() && u.role() == Role.CITY_OFFICE));
    }
}
