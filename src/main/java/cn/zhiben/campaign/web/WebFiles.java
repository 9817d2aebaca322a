package cn.zhiben.campaign.web;

import cn.zhiben.campaign.internal.CampaignDocuments;
import cn.zhiben.campaign.internal.Doc;
import cn.zhiben.campaign.internal.TaskService;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** File responses of the campaign pages and API: evidence downloads and generated documents, never cached. */
final class WebFiles {

    private WebFiles() {
    }

    static ResponseEntity<byte[]> attachment(TaskService.Download d) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.attachment().contentType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.bytes());
    }

    static ResponseEntity<byte[]> document(CampaignDocuments documents, Doc doc, CampaignDocuments.Format format,
                                           String fileName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            documents.write(doc, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(out.toByteArray());
    }
}
