package cn.zhiben.identity.web;

import cn.zhiben.identity.internal.LoginService;
import cn.zhiben.platform.PlatformConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.time.format.DateTimeFormatter;

/**
 * What the account's owner sees on the first page after signing in: when they last signed in and, if any, how many
 * failed attempts were made since — the only place that number is told (issue 9 item 3). Shown once, by the layout.
 */
final class LoginNotice {

    static final String ATTRIBUTE = "pageNotice";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformConfiguration.ZONE);
    private static final SessionFlashMapManager FLASH = new SessionFlashMapManager();

    private LoginNotice() {
    }

    static String text(LoginService.LoginResult r) {
        if (r.previousLoginAt() == null && r.failedAttemptsSinceLastLogin() == 0) {
            return null;
        }
        String last = r.previousLoginAt() == null ? "" : "上次登录：" + MINUTES.format(r.previousLoginAt()) + "。";
        if (r.failedAttemptsSinceLastLogin() == 0) {
            return last;
        }
        return last + "此后您的账号有 " + r.failedAttemptsSinceLastLogin() + " 次登录失败；如非本人所为，请修改密码并告知安全管理员。";
    }

    /** Leaves a one-time notice for the next page. */
    static void flash(String text, HttpServletRequest request, HttpServletResponse response) {
        if (text == null) {
            return;
        }
        FlashMap map = new FlashMap();
        map.put(ATTRIBUTE, text);
        FLASH.saveOutputFlashMap(map, request, response);
    }
}
