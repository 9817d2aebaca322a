package cn.zhiben.analytics.web;

import cn.zhiben.analytics.internal.AnalyticsQueries;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class AnalyticsNav implements NavContributor {

    private static final String GROUP = "统计分析";
    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem(GROUP, "隐患统计分析", "/analytics", 300, u -> AnalyticsQueries.reads(u)),
                new NavItem(GROUP, "大屏模式", "/analytics/screen", 301, u -> AnalyticsQueries.reads(u)),
                new NavItem(GROUP, "市县两级比对", "/analytics/comparison", 302, u -> AnalyticsQueries.reads(u)));
    }
}
