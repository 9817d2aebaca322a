package cn.zhiben.notifications.web;

import cn.zhiben.notifications.Inbox;
import cn.zhiben.notifications.internal.SmsLog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * 站内消息: the user's messages, the unread badge the layout loads into the top bar (so the platform module needs no
 * dependency on this one), and the SMS log for the city office (the default gateway only logs).
 */
@Controller
class InboxPageController {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformConfiguration.ZONE);
    private final Inbox inbox;
    private final SmsLog sms;

    InboxPageController(Inbox inbox, SmsLog sms) {
        this.inbox = inbox;
        this.sms = sms;
    }

    @GetMapping("/inbox")
    String messages(Model model) {
        UUID me = CurrentUser.require().id();
        model.addAttribute("messages", inbox.messages(me, false, 200));
        model.addAttribute("unread", inbox.unread(me));
        model.addAttribute("time", TIME);
        return "notifications/inbox";
    }

    @GetMapping("/inbox/badge")
    String badge(Model model, HttpServletResponse response) {
        model.addAttribute("unread", inbox.unread(CurrentUser.require().id()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return "notifications/inbox :: badge";
    }

    @PostMapping("/inbox/{id}/read")
    String read(@PathVariable UUID id) {
        inbox.markRead(CurrentUser.require().id(), id);
        return "redirect:/inbox";
    }

    /** Marks the message read and follows its link; only links inside the platform are followed. */
    @PostMapping("/inbox/{id}/open")
    String open(@PathVariable UUID id) {
        UUID me = CurrentUser.require().id();
        Inbox.Message m = inbox.message(me, id).orElseThrow(() -> ProblemException.notFound("MESSAGE_NOT_FOUND", "消息不存在"));
        inbox.markRead(me, id);
        String link = m.link();
        boolean local = link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\");
        return "redirect:" + (local ? link : "/inbox");
    }

    @PostMapping("/inbox/read-all")
    String readAll() {
        inbox.markAllRead(CurrentUser.require().id());
        return "redirect:/inbox";
    }

    @GetMapping("/notifications/sms")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String smsLog(Model model) {
        model.addAttribute("entries", sms.latest(200));
        model.addAttribute("time", TIME);
        return "notifications/sms";
    }
}
