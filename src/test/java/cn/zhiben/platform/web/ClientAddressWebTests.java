package cn.zhiben.platform.web;

import cn.zhiben.identity.Accounts;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real server (not MockMvc): a client on a private address (here loopback) that sends X-Forwarded-For
 * does not choose the address the audit log records, because no proxy is trusted by default (issue 9 item 4).
 */
class ClientAddressWebTests extends IntegrationTest {

    @Test
    void aForwardedForHeaderFromAnUntrustedPrivateAddressIsIgnored() throws Exception {
        String name = Accounts.uniqueName("xff");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113.77")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"password\":\"Wrong#Pass1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        String recorded = jdbc.sql("select client_address from audit_log where actor_username = :u and action = 'LOGIN_FAILED'")
                .param("u", name).query(String.class).single();
        assertThat(recorded).isEqualTo("127.0.0.1");
    }
}
