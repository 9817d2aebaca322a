package cn.zhiben.identity.web;

import cn.zhiben.platform.PlatformConfiguration;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Times on pages, in the business zone (Asia/Shanghai). */
public final class UiTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformConfiguration.ZONE);

    public String time(Instant i) {
        return i == null ? "" : MINUTES.format(i);
    }
}
