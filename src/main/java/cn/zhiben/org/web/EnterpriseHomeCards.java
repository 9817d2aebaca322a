package cn.zhiben.org.web;

import cn.zhiben.org.internal.EnterpriseService;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.ui.HomeCard;
import cn.zhiben.platform.ui.HomeCardContributor;
import org.springframework.stereotype.Component;

import java.util.List;

/** "企业": how many enterprises the user's scope holds, and how many of them are 停产整顿. */
@Component
class EnterpriseHomeCards implements HomeCardContributor {

    private final EnterpriseService enterprises;

    EnterpriseHomeCards(EnterpriseService enterprises) {
        this.enterprises = enterprises;
    }

    @Override
    public List<HomeCard> cards(CurrentUser user) {
        if (!user.can(Permission.BUSINESS_READ) || !user.scope().business()) {
            return List.of();
        }
        EnterpriseService.Figures f = enterprises.figures(user.scope());
        return List.of(new HomeCard("企业", String.valueOf(f.total()), "其中停产整顿 " + f.suspendedForRectification() + " 家",
                "/org/enterprises", 20));
    }
}
