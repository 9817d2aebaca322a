package cn.zhiben.platform.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secret keys kept outside the database: given in configuration (an environment variable), or read from a key file
 * that is generated (mode 0600) where nothing would be lost with it — the embedded database, whose data lives beside
 * it, or demo mode. Against an external database a missing key stops the start-up, because a key generated on one
 * machine would be lost with it.
 */
public final class KeyFiles {

    private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

    private KeyFiles() {
    }

    /** Whether the platform runs on its embedded PostgreSQL (no spring.datasource.url). */
    public static boolean embeddedDatabase(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").isBlank();
    }

    /**
     * A 32-byte key: the configured base64 value, else the key file, else a new key written to that file when
     * {@code mayCreate}; otherwise an IllegalStateException whose message says what to set.
     *
     * @param purpose  what the key is for, in the messages (e.g. "个人信息加密")
     * @param property the configuration property and environment variable that give it, for the messages
     */
    public static byte[] load(String configured, Path file, boolean mayCreate, String purpose, String property) {
        if (configured != null && !configured.isBlank()) {
            return checked(decode(configured, property), property);
        }
        Path path = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(path)) {
                return checked(decode(Files.readString(path), path.toString()), path.toString());
            }
            if (!mayCreate) {
                throw new IllegalStateException("缺少" + purpose + "密钥：请设置 " + property + "（32 字节密钥的 Base64）或提供密钥文件 " + path);
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(path.getParent());
            Files.writeString(path, Base64.getEncoder().encodeToString(generated));
            ownerOnly(path);
            log.info("Generated the {} key in {} — back it up together with the database", purpose, path);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restricts a file to its owner (0600) where the file system knows POSIX permissions. */
    public static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64", e);
        }
    }

    private static byte[] checked(byte[] key, String source) {
        if (key.length != 32) {
            throw new IllegalStateException(source + " must hold 32 bytes, base64-encoded");
        }
        return key;
    }
}
