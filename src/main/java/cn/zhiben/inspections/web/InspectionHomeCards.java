package cn.zhiben.inspections.web;

import cn.zhiben.inspections.internal.Inspection;
import cn.zhiben.inspections.internal.InspectionViews;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.ui.HomeCard;
import cn.zhiben.platform.ui.HomeCardContributor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** An officer's own pending inspections and an enterprise's records waiting for its acknowledgement, on the home page. */
@Component
class InspectionHomeCards implements HomeCardContributor {

    private final InspectionViews views;

    InspectionHomeCards(InspectionViews views) {
        this.views = views;
    }

    @Override
    public List<HomeCard> cards(CurrentUser user) {
        if (!InspectionsNav.business(user)) {
            return List.of();
        }
        List<HomeCard> out = new ArrayList<>();
        var mine = views.inspections(user, new InspectionViews.Filter(null, null, null, true), 200).stream()
                .filter(r -> r.status() == Inspection.Status.PLANNED || r.status() == Inspection.Status.IN_PROGRESS).count();
        if (mine > 0) {
            out.add(new HomeCard("我的检查任务", String.valueOf(mine), "待检查或检查中", "/inspections?mine=true", 10));
        }
        if (user.enterpriseId() != null) {
            long unacknowledged = views.inspections(user, new InspectionViews.Filter(Inspection.Status.COMPLETED, null, null, false), 200)
                    .stream().filter(r -> !r.acknowledged()).count();
            out.add(new HomeCard("检查记录待签收", String.valueOf(unacknowledged), "部门现场检查记录", "/inspections", 11));
        }
        return out;
    }
}
