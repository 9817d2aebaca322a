package cn.zhiben.notifications;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inbox page and the top bar's badge, for a user of its own (so no other test's messages interfere). */
class InboxPagesWebTests extends IntegrationTest {

    @Autowired
    Notifier notifier;

    private UUID userId(String username) {
        return jdbc.sql("select id from idn_user where username = :u").param("u", username).query(UUID.class).single();
    }

    private UUID message(UUID user, String key) {
        return jdbc.sql("select id from ntf_message where recipient_user_id = :u and source_key = :k")
                .param("u", user).param("k", key).query(UUID.class).single();
    }

    @Test
    void messagesAreListedNewestFirstMarkedReadAndCountedOnTheBadge() throws Exception {
        // the audit administrator receives no hazard messages, so this test owns its inbox
        String username = "auditadmin";
        UUID me = userId(username);
        MockHttpSession session = login(username);
        mvc.perform(post("/inbox/read-all").session(session).with(csrf())).andExpect(redirectedUrl("/inbox"));
        assertThat(mvc.perform(get("/inbox/badge").session(session)).andReturn().getResponse().getContentAsString())
                .contains("badge empty").contains(">0<");

        String key = "test:" + UUID.randomUUID();
        notifier.inbox(List.of(me), "TEST", "较早的消息<script>alert(1)</script>", "正文<b>一</b>", "/hazards/inbox", key + ":1");
        clock.advance(java.time.Duration.ofMinutes(1));
        notifier.inbox(List.of(me), "TEST", "较新的消息", "正文二", "https://example.com/phishing", key + ":2");
        String page = mvc.perform(get("/inbox").session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("较新的消息")).isLessThan(page.indexOf("较早的消息"));
        assertThat(page).contains("较早的消息&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .contains("正文&lt;b&gt;一&lt;/b&gt;").contains("class=\"unread\"").contains("（未读 2 条）");
        assertThat(mvc.perform(get("/inbox/badge").session(session)).andReturn().getResponse().getContentAsString())
                .doesNotContain("empty").contains(">2<");

        // opening follows links inside the platform only
        mvc.perform(post("/inbox/" + message(me, key + ":1") + "/open").session(session).with(csrf()))
                .andExpect(redirectedUrl("/hazards/inbox"));
        mvc.perform(post("/inbox/" + message(me, key + ":2") + "/open").session(session).with(csrf()))
                .andExpect(redirectedUrl("/inbox"));
        assertThat(mvc.perform(get("/inbox/badge").session(session)).andReturn().getResponse().getContentAsString()).contains(">0<");

        notifier.inbox(List.of(me), "TEST", "第三条", "正文三", null, key + ":3");
        mvc.perform(post("/inbox/" + message(me, key + ":3") + "/read").session(session).with(csrf())).andExpect(redirectedUrl("/inbox"));
        assertThat(mvc.perform(get("/inbox").session(session)).andReturn().getResponse().getContentAsString())
                .doesNotContain("class=\"unread\"").contains("（未读 0 条）");
        // another user's message is not found
        mvc.perform(post("/inbox/" + message(me, key + ":3") + "/read").session(login("city")).with(csrf()))
                .andExpect(status().isNotFound());
    }
}
