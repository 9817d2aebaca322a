package cn.zhiben.notifications.web;

import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.ui.NavContributor;
import cn.zhiben.platform.ui.NavItem;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class NotificationsNav implements NavContributor {

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem("消息", "站内消息", "/inbox", 700, u -> true),
                new NavItem("消息", "短信发送记录", "/notifications/sms", 701, u -> u.role() == Role.CITY_OFFICE));
    }
}
