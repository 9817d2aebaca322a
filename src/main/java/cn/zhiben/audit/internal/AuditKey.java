package cn.zhiben.audit.internal;

import cn.zhiben.audit.AuditProperties;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.crypto.KeyFiles;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * The HMAC key of the audit chain and its checkpoints, kept outside the database beside the field key (0600), so that
 * whoever controls only the database cannot recompute the chain after changing or deleting rows. A throw-away
 * (ephemeral) embedded database — the tests' — gets a throw-away key and checkpoint file that die with it.
 */
@Component
public class AuditKey {

    private final SecretKeySpec key;
    private final Path checkpointFile;

    AuditKey(AuditProperties properties, PlatformProperties platform, Environment environment) {
        boolean embedded = KeyFiles.embeddedDatabase(environment);
        boolean throwAway = embedded && platform.db().embedded().ephemeral()
                && (properties.key() == null || properties.key().isBlank());
        byte[] bytes;
        if (throwAway) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            checkpointFile = temporaryCheckpointFile();
        } else {
            bytes = KeyFiles.load(properties.key(), Path.of(properties.keyFile()), embedded || platform.demo(),
                    "审计日志校验", "ZHIBEN_AUDIT_KEY（zhiben.audit.key）");
            checkpointFile = Path.of(properties.checkpointFile()).toAbsolutePath().normalize();
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static Path temporaryCheckpointFile() {
        try {
            Path dir = Files.createTempDirectory("zhiben-audit-");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("checkpoints.log");
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where this instance appends its signed checkpoints. */
    public Path checkpointFile() {
        return checkpointFile;
    }
}
