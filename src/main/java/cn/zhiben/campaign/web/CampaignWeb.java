package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.CampaignScope;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;

import java.time.LocalDate;

/** Role checks that come before a request body is looked at, so a caller without the right is told so first. */
final class CampaignWeb {

    private CampaignWeb() {
    }

    /** Offices, member units and county departments take part in the campaign; others have nothing here. */
    static CurrentUser requireParticipant() {
        CurrentUser user = CurrentUser.require();
        if (!CampaignScope.participant(user)) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "治本攻坚事项由各级安委办、成员单位和县级部门办理");
        }
        return user;
    }

    static CurrentUser requireOffice() {
        CurrentUser user = CurrentUser.require();
        if (user.role() != Role.CITY_OFFICE) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "此项由市安委办操作");
        }
        return user;
    }

    static void requireDates(LocalDate... dates) {
        for (LocalDate d : dates) {
            if (d == null) {
                throw ProblemException.badRequest("DATES_REQUIRED", "请填写开始、结束和报送起始日期");
            }
        }
    }
}
