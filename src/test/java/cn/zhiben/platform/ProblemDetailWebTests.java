package cn.zhiben.platform;

import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input gets a 4xx problem detail with a stable code and a Chinese message, never a 500 or a stack trace. */
class ProblemDetailWebTests extends IntegrationTest {

    @Test
    void malformedJsonIsA400WithCode() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"city\","))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"))
                .andExpect(jsonPath("$.detail").value("请求体不是有效的 JSON"))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"city\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value("不能为空"));
    }

    @Test
    void wrongTypeOfValueIsNamed() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\": [1,2], \"password\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD_VALUE"));
    }

    @Test
    void oversizeDeclaredBodyIsA413() throws Exception {
        String big = "{\"username\":\"" + "x".repeat(1_100_000) + "\",\"password\":\"y\"}";
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("BODY_TOO_LARGE"));
    }

    @Test
    void oversizeChunkedBodyIsA413() throws Exception {
        byte[] big = ("{\"username\":\"" + "x".repeat(1_100_000) + "\",\"password\":\"y\"}").getBytes(StandardCharsets.UTF_8);
        // no declared length: the body arrives chunked and is cut off while being read
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"BODY_TOO_LARGE\"");
    }

    @Test
    void unknownApiPathIsA404Problem() throws Exception {
        String token = token("city");
        mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void wrongMediaTypeIsA415() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void wrongMethodIsA405() throws Exception {
        mvc.perform(put("/api/v1/auth/token").header("Authorization", "Bearer " + token("city")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }

    @Test
    void apiWithoutTokenIsA401Problem() throws Exception {
        mvc.perform(get("/api/v1/auth/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void unknownTokenIsRejectedNotIgnored() throws Exception {
        mvc.perform(get("/api/v1/auth/me").header("Authorization", "Bearer zb_forged"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("TOKEN_INVALID"));
    }
}
