package cn.zhiben.notifications.web;

import cn.zhiben.notifications.Inbox;
import cn.zhiben.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@Tag(name = "消息", description = "站内消息")
@RestController
@RequestMapping("/api/v1/inbox")
class InboxApiController {

    private final Inbox inbox;

    InboxApiController(Inbox inbox) {
        this.inbox = inbox;
    }

    record InboxResponse(long unread, List<Inbox.Message> messages) {
    }

    @Operation(summary = "我的站内消息")
    @GetMapping
    InboxResponse messages(@RequestParam(defaultValue = "false") boolean unreadOnly, @RequestParam(defaultValue = "50") int limit) {
        UUID me = CurrentUser.require().id();
        return new InboxResponse(inbox.unread(me), inbox.messages(me, unreadOnly, limit));
    }

    @Operation(summary = "标记已读")
    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable UUID id) {
        inbox.markRead(CurrentUser.require().id(), id);
    }
}
