package cn.zhiben.campaign.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A record's files: an upload is stored inside the caller's transaction (if that rolls back, the file goes too); a
 * download is answered only to whoever sees the owning record, a 404 like a missing file otherwise.
 */
@Component
class Uploads {

    private final EvidenceStore store;
    private final AuditLog audit;
    private final CampaignTime time;

    Uploads(EvidenceStore store, AuditLog audit, CampaignTime time) {
        this.store = store;
        this.audit = audit;
        this.time = time;
    }

    /**
     * Attaches a file to a record the caller loaded for update: the record decides whether the caller may, the file is
     * kept, the record's history notes it (saved with {@code save}) and the audit log records it.
     */
    <T extends Attachable> EvidenceStore.Attachment attach(String ownerType, UUID ownerId, T owner, MultipartFile file,
                                                           BiConsumer<T, Instant> save) {
        CurrentUser user = CurrentUser.require();
        Actor actor = Actor.of(user);
        owner.requireAttach(actor);
        Instant now = time.now();
        EvidenceStore.Attachment a = store(ownerType, ownerId, file, user.displayName());
        owner.attached(actor, now, a.fileName());
        save.accept(owner, now);
        audit.record(AuditEntry.success(AuditAction.CREATE, "campaign-attachment", a.id(),
                Map.of(ownerType, ownerId.toString(), "file", a.fileName(), "size", a.size())));
        return a;
    }

    private EvidenceStore.Attachment store(String ownerType, UUID ownerId, MultipartFile file, String by) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.badRequest("ATTACHMENT_REQUIRED", "请选择要上传的文件");
        }
        try (InputStream in = file.getInputStream()) {
            return store.store(ownerType, ownerId, file.getOriginalFilename(), file.getSize(), in, by);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The attachment of that owner type, if the caller sees its owner record. */
    TaskService.Download download(String ownerType, UUID attachmentId, Predicate<UUID> ownerVisible) {
        EvidenceStore.Attachment a = store.find(attachmentId)
                .filter(x -> x.ownerType().equals(ownerType) && ownerVisible.test(x.ownerId()))
                .orElseThrow(CampaignErrors::attachmentNotFound);
        return new TaskService.Download(a, store.read(a));
    }
}
