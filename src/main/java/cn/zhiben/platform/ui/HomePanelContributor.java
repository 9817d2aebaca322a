package cn.zhiben.platform.ui;

import cn.zhiben.platform.security.CurrentUser;

import java.util.List;

/** Implemented by modules that show a section on the home page; its content must respect the user's data scope. */
public interface HomePanelContributor {
    List<HomePanel> panels(CurrentUser user);
}
