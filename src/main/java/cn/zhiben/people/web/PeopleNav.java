package cn.zhiben.people.web;

import cn.zhiben.people.internal.PeopleRules;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.util.List;

/** 人员与培训 in the menu (plan actions 四 and 五). */
@Component
class PeopleNav implements NavContributor {

    private static final String GROUP = "人员与培训";

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem(GROUP, "人员名册", "/people", 400, PeopleRules::reads),
                new NavItem(GROUP, "持证情况", "/people/certificates", 401, PeopleRules::reads),
                new NavItem(GROUP, "证书核验", "/people/check", 402, PeopleRules::reads),
                new NavItem(GROUP, "培训", "/people/trainings", 403, PeopleRules::reads),
                new NavItem(GROUP, "应急演练", "/people/drills", 404, PeopleRules::reads),
                new NavItem(GROUP, "三违再培训", "/people/retraining", 405, PeopleRules::reads),
                new NavItem(GROUP, "培训覆盖率", "/people/coverage", 406, PeopleRules::reads),
                new NavItem(GROUP, "人员问题线索", "/people/findings", 407, PeopleRules::reads));
    }
}
