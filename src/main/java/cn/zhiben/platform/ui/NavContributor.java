package cn.zhiben.platform.ui;

import java.util.List;

/** Implemented by each module that has pages, to put them in the navigation. */
public interface NavContributor {
    List<NavItem> navItems();
}
