package cn.zhiben.platform;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page request that fails with a business problem shows the error page with the problem's status and Chinese message,
 * through the real servlet container's error dispatch (which MockMvc does not perform).
 */
class PageProblemWebTests extends IntegrationTest {

    @Test
    void aMissingStandardVersionPageIsA404PageWithTheProblemsMessage() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String loginPage = client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        String form = "username=zezhou&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        client.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        for (String accept : new String[]{"text/html", "*/*"}) {
            // the standards pages let the problem through to the platform handler as well
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/standards/versions/" + UUID.randomUUID()))
                    .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(accept).isEqualTo(404);
            assertThat(page.body()).as(accept).contains("标准版本不存在").doesNotContain("Exception");
        }
        for (String accept : new String[]{"text/html", "*/*"}) {
            // and so do the hazard pages
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/hazards/" + UUID.randomUUID()))
                    .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(accept).isEqualTo(404);
            assertThat(page.body()).as(accept).contains("隐患不存在或不在您的数据范围内").contains("不存在").doesNotContain("Exception");
        }
    }

    @Test
    void theProblemIsHandledNotThrown() throws Exception {
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                                .param("username", "city").param("password", DEMO_PASSWORD)
                                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getRequest().getSession();
        // without the container's error dispatch the response must still carry the problem's status, not an escaped exception
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/standards/versions/" + UUID.randomUUID())
                        .session(session))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        // and the platform's own page carries the message in its body, not only in the status line
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/hazards/" + UUID.randomUUID())
                        .session(session))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("隐患不存在或不在您的数据范围内")));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
