package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.AdminGrants;
import cn.zhiben.identity.internal.AdminRoleRules;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.ui.HomeCard;
import cn.zhiben.platform.ui.HomeCardContributor;
import org.springframework.stereotype.Component;

import java.util.List;

/** The security and audit administrators see the administrator requests waiting for them. */
@Component
class IdentityHomeCards implements HomeCardContributor {

    private final AdminGrants grants;

    IdentityHomeCards(AdminGrants grants) {
        this.grants = grants;
    }

    @Override
    public List<HomeCard> cards(CurrentUser user) {
        if (!user.ready() || !AdminRoleRules.maySee(user)) {
            return List.of();
        }
        long waiting = grants.awaiting(user);
        return List.of(new HomeCard("待我审批的管理员授权", Long.toString(waiting), "三员账号须另一名管理员批准",
                "/admin/requests?status=PENDING", 900));
    }
}
