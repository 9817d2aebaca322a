package cn.zhiben.inspections.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** A generated document as a download, not cached (it may carry personal data). */
final class Pdfs {

    private Pdfs() {
    }

    static ResponseEntity<byte[]> inline(byte[] pdf, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName.replaceAll("[\\\\/:*?\"<>|]", "_") + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf);
    }
}
