package cn.zhiben.campaign.internal;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Stores an uploaded file for a record inside the caller's transaction; if that rolls back, the store deletes the file. */
@Component
class Uploads {

    private final EvidenceStore store;

    Uploads(EvidenceStore store) {
        this.store = store;
    }

    EvidenceStore.Attachment store(String ownerType, UUID ownerId, MultipartFile file, String by) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.badRequest("ATTACHMENT_REQUIRED", "请选择要上传的文件");
        }
        try (InputStream in = file.getInputStream()) {
            return store.store(ownerType, ownerId, file.getOriginalFilename(), file.getSize(), in, by);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
