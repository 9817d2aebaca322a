package cn.zhiben.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * zhiben.audit.* — where the audit log is anchored outside the database (decision 0004).
 *
 * @param key                base64 of the 32-byte HMAC key of the chain (env ZHIBEN_AUDIT_KEY); wins over the key file
 * @param keyFile            where the key is kept when not given (generated on the embedded database or in demo mode)
 * @param checkpointFile     the signed head checkpoints, one line each, appended outside the database
 * @param checkpointInterval how often the head is checkpointed when it moved; rows newer than the last checkpoint
 *                           are not protected against deletion of the newest rows
 */
@ConfigurationProperties("zhiben.audit")
public record AuditProperties(
        String key,
        @DefaultValue("./data/keys/audit.key") String keyFile,
        @DefaultValue("./data/audit/checkpoints.log") String checkpointFile,
        @DefaultValue("1m") Duration checkpointInterval) {
}
