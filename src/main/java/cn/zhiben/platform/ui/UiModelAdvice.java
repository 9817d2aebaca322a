package cn.zhiben.platform.ui;

import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts the signed-in user and the navigation they may see into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class UiModelAdvice {

    private final List<NavContributor> contributors;
    private final PlatformProperties properties;

    UiModelAdvice(List<NavContributor> contributors, PlatformProperties properties) {
        this.contributors = contributors;
        this.properties = properties;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return CurrentUser.current().orElse(null);
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return properties.demo();
    }

    /** group -> items, in order. */
    @ModelAttribute("navigation")
    Map<String, List<NavItem>> navigation() {
        CurrentUser user = CurrentUser.current().orElse(null);
        Map<String, List<NavItem>> groups = new LinkedHashMap<>();
        if (user == null || !user.ready()) {
            return groups;
        }
        contributors.stream().flatMap(c -> c.navItems().stream())
                .filter(i -> i.visible().test(user))
                .sorted(Comparator.comparingInt(NavItem::order))
                .forEach(i -> groups.computeIfAbsent(i.group(), g -> new java.util.ArrayList<>()).add(i));
        return groups;
    }
}
