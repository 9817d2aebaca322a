package cn.zhiben.platform.ui;

import cn.zhiben.platform.security.CurrentUser;

import java.util.List;

/** Implemented by modules that show figures on the home page; figures must respect the user's data scope. */
public interface HomeCardContributor {
    List<HomeCard> cards(CurrentUser user);
}
