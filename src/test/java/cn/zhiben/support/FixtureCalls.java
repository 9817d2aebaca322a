package cn.zhiben.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * API calls for access fixtures, which make their objects through the real API as demo accounts (one token each,
 * kept for the run). A call that does not answer as expected fails the fixture with the answer.
 */
public final class FixtureCalls {

    private final MockMvc mvc;
    private final CachedLogins logins;

    public FixtureCalls(MockMvc mvc) {
        this.mvc = mvc;
        this.logins = new CachedLogins(u -> IntegrationTest.tokenOf(mvc, u, IntegrationTest.DEMO_PASSWORD), u -> {
            throw new UnsupportedOperationException("fixtures call the API");
        });
    }

    public String token(String username) {
        return logins.token(username);
    }

    /** Performs a request as the account and returns the answer's JSON; fails unless the status is the expected one. */
    public JsonNode call(String username, org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request,
                         int expectedStatus) {
        try {
            request.header("Authorization", "Bearer " + token(username));
            MvcResult r = mvc.perform(request).andReturn();
            String body = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            if (r.getResponse().getStatus() != expectedStatus) {
                throw new IllegalStateException("fixture call " + r.getRequest().getMethod() + " " + r.getRequest().getRequestURI()
                        + " as " + username + " answered " + r.getResponse().getStatus() + ": " + body);
            }
            return body.isBlank() ? null : IntegrationTest.JSON.readTree(body);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode postJson(String username, String path, String json, int expectedStatus) {
        return call(username, post(path).contentType(MediaType.APPLICATION_JSON).content(json), expectedStatus);
    }
}
