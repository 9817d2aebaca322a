package cn.zhiben.hazards;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads (issue 9 item 5): what the client calls a file is cleaned before anyone sees it again, the extension follows
 * the content, a too-long name is a 400 saying so, and an upload over the limit is a 413 problem detail rather than a
 * connection reset. The last two over real HTTP: Tomcat parses the upload there, not MockMvc.
 */
class HazardAttachmentNamesWebTests extends HazardTestSupport {

    private UUID hazard(String token) throws Exception {
        return UUID.fromString(created(token, with("enterpriseId", coalMine().toString(), "channel", "SELF_INSPECTION",
                "grade", "GENERAL", "description", "附件测试：巷道积水", "location", "一采区", "foundOn", today().toString(),
                "foundBy", "安全员", "deadline", today().plusDays(10).toString())).get("id").asString());
    }

    private static byte[] png() {
        return cn.zhiben.support.SampleFiles.png();
    }

    private JsonNode upload(String token, UUID id, String name, byte[] content) throws Exception {
        return json(mvc.perform(multipart("/api/v1/hazards/" + id + "/attachments")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void bidiAndInvisibleCharactersAreStrippedAndTheExtensionFollowsTheContent() throws Exception {
        String token = token("qiye");
        UUID id = hazard(token);
        assertThat(upload(token, id, "photo\u202egnp.exe", png()).get("fileName").asString()).isEqualTo("photognp.png");
        assertThat(upload(token, id, "现场\u200b照片.PNG", png()).get("fileName").asString()).isEqualTo("现场照片.PNG");
        assertThat(upload(token, id, "整改报告.pdf", png()).get("fileName").asString()).isEqualTo("整改报告.png");
        assertThat(upload(token, id, "无扩展名", png()).get("fileName").asString()).isEqualTo("无扩展名.png");
        assertThat(jdbc.sql("select count(*) from hz_attachment where hazard_id = :h and file_name ~ '[\\u200b\\u202e]'")
                .param("h", id).query(Long.class).single()).isZero();
    }

    /** A multipart body with one file part, its name raw UTF-8 as browsers send it. */
    private static byte[] multipartBody(String boundary, String fileName, byte[] content) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        return all;
    }

    private HttpResponse<String> send(String token, UUID id, String fileName, byte[] content) throws Exception {
        String boundary = "zhiben" + UUID.randomUUID().toString().replace("-", "");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/hazards/" + id + "/attachments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, fileName, content))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aThreeHundredCharacterNameIsA400SayingSoNotA413() throws Exception {
        String token = token("qiye");
        UUID id = hazard(token);
        HttpResponse<String> r = send(token, id, "现".repeat(300) + ".png", png());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"code\":\"FILE_NAME_TOO_LONG\"");
        assertThat(jdbc.sql("select count(*) from hz_attachment where hazard_id = :h").param("h", id).query(Long.class).single()).isZero();
        // a long but acceptable name goes through
        HttpResponse<String> ok = send(token, id, "现".repeat(150) + ".png", png());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void anUploadOverTheRequestLimitIsA413ProblemDetailNotAReset() throws Exception {
        String token = token("qiye");
        UUID id = hazard(token);
        byte[] big = new byte[30 * 1024 * 1024];
        byte[] image = png();
        System.arraycopy(image, 0, big, 0, image.length);
        HttpResponse<String> r = send(token, id, "大文件.png", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"code\":\"UPLOAD_TOO_LARGE\"");
    }
}
