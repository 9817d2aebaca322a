package cn.zhiben.tipoffs.web;

import cn.zhiben.tipoffs.internal.InternalReporting;
import cn.zhiben.tipoffs.internal.TipoffRules;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.util.List;

/** 举报受理 in the menu for the offices and units that handle tip-offs (TipoffRules.mayRead). */
@Component
class TipoffNav implements NavContributor {

    private static final String GROUP = "举报受理";

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem(GROUP, "举报清单", "/tipoffs", 300, TipoffRules::mayRead),
                new NavItem(GROUP, "登记热线/来信举报", "/tipoffs/new", 301, TipoffRules::mayRegister),
                new NavItem(GROUP, "奖励与台账", "/tipoffs/rewards", 302, TipoffRules::mayRead),
                new NavItem(GROUP, "公众举报页面", "/tipoffs/public", 303, TipoffRules::mayRead),
                new NavItem(GROUP, "企业内部报告情况", "/tipoffs/internal", 304, InternalReporting::maySeeIndicators),
                new NavItem("隐患治理", "内部隐患报告（吹哨人）", "/tipoffs/internal", 110, InternalReporting::isEnterprise));
    }
}
