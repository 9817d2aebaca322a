package cn.zhiben.standards.internal;

import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.ui.HomeCard;
import cn.zhiben.platform.ui.HomeCardContributor;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The 标准库 menu (every role that reads business data) and its home-page figures. */
@Component
class StandardsMenu implements NavContributor, HomeCardContributor {

    private final Library library;
    private final LocalChanges changes;

    StandardsMenu(Library library, LocalChanges changes) {
        this.library = library;
        this.changes = changes;
    }

    @Override
    public List<NavItem> navItems() {
        String group = "标准库";
        return List.of(
                new NavItem(group, "判定标准", "/standards", 400, StandardsMenu::reader),
                new NavItem(group, "条款检索", "/standards/search", 401, StandardsMenu::reader),
                new NavItem(group, "版本对比", "/standards/compare", 402, StandardsMenu::reader),
                new NavItem(group, "企业检查清单", "/standards/checklist", 403, StandardsMenu::reader),
                new NavItem(group, "本地条款", "/standards/local", 404,
                        u -> u.can(Permission.STANDARD_DRAFT) || u.can(Permission.STANDARD_APPROVE)),
                new NavItem(group, "导入与发布", "/standards/import", 405,
                        u -> u.can(Permission.STANDARD_DRAFT) || u.can(Permission.STANDARD_APPROVE)));
    }

    private static boolean reader(CurrentUser u) {
        return !u.role().administrator() && u.can(Permission.BUSINESS_READ);
    }

    @Override
    public List<HomeCard> cards(CurrentUser user) {
        List<HomeCard> out = new ArrayList<>();
        if (!reader(user)) {
            return out;
        }
        LocalDate today = library.today();
        long inForce = library.versions().stream().filter(v -> !v.overlay() && v.inForceOn(today)).count();
        out.add(new HomeCard("现行判定标准", String.valueOf(inForce), "一行业一清单", "/standards", 400));
        if (user.can(Permission.STANDARD_APPROVE)) {
            out.add(new HomeCard("待审批本地条款", String.valueOf(changes.pendingCount()), "新问题、新风险、新标准",
                    "/standards/local", 401));
        }
        return out;
    }
}
