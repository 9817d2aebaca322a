package cn.zhiben.platform.ui;

import cn.zhiben.platform.security.CurrentUser;

import java.util.function.Predicate;

/**
 * A link in the main navigation, contributed by the module that owns the page.
 *
 * @param group   the menu section, e.g. "基础数据"
 * @param order   position across all modules (lower first)
 * @param visible who sees it
 */
public record NavItem(String group, String label, String href, int order, Predicate<CurrentUser> visible) {
}
