package cn.zhiben.platform.files;

import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.platform.web.UploadNames;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Uploaded files kept on disk outside the database, one directory per module (its {@code storage-dir} property), laid out
 * as {@code yyyy/MM/<id>} and recorded by the module in its own table with the returned key and SHA-256.
 * <p>
 * A file is durable before the caller's transaction commits, so a 2xx never points at a file a crash can lose: it is
 * written to a temporary file in its final directory, forced to disk, renamed atomically, and the directory (and any
 * directory just created) forced too. If the caller's transaction then rolls back, the file is deleted again; a crash
 * in between leaves at most a file without a row, which is never served.
 */
public final class FileStore {

    private static final boolean DIRECTORY_FSYNC = !System.getProperty("os.name", "").toLowerCase().startsWith("windows");

    private final Path root;

    public FileStore(String dir) {
        this.root = Path.of(dir).toAbsolutePath().normalize();
    }

    /** A stored file: the row's id, its key under the store's directory, and what was checked. */
    public record Stored(UUID id, String key, String fileName, FileType type, long size, String sha256) {
        public String contentType() {
            return type.contentType();
        }
    }

    /**
     * Streams an upload to disk under the module's rules: refuses oversize files (declared or actual) and other types,
     * and leaves nothing behind when it does.
     */
    public Stored store(String originalName, long declaredSize, InputStream in, UploadRules rules, LocalDate day) {
        if (declaredSize > rules.maxBytes()) {
            throw rules.tooLarge().get();
        }
        String cleanName = UploadNames.clean(originalName, UploadRules.FALLBACK_NAME);
        return write(day, (out, sha) -> {
            byte[] head = new byte[FileType.HEAD_LENGTH];
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            FileType type = null;
            int n;
            while ((n = in.read(buf)) > 0) {
                if (total < head.length) {
                    System.arraycopy(buf, 0, head, (int) total, (int) Math.min(n, head.length - total));
                }
                total += n;
                if (total > rules.maxBytes()) {
                    throw rules.tooLarge().get();
                }
                if (type == null && total >= head.length) {
                    type = rules.type(head, head.length, cleanName); // refuse early, before the rest arrives
                }
                sha.update(buf, 0, n);
                writeFully(out, buf, n);
            }
            if (type == null) {
                type = rules.type(head, (int) total, cleanName);
            }
            return new Content(UploadRules.named(cleanName, type), total);
        });
    }

    /** Stores content the module has already checked (and perhaps rewritten, as tip-offs do to drop photo metadata). */
    public Stored store(UploadRules.Identified file, byte[] content, LocalDate day) {
        return write(day, (out, sha) -> {
            sha.update(content);
            writeFully(out, content, content.length);
            return new Content(file, content.length);
        });
    }

    /** The file's bytes, after checking they still match the checksum recorded at upload. */
    public byte[] read(String key, String sha256) {
        try {
            byte[] bytes = Files.readAllBytes(root.resolve(key));
            if (!hex(MessageDigest.getInstance("SHA-256").digest(bytes)).equals(sha256)) {
                throw new ProblemException(HttpStatus.CONFLICT, "ATTACHMENT_CORRUPTED", "附件校验值不符，文件可能已被篡改");
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.notFound("ATTACHMENT_MISSING", "附件文件不存在");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Content(UploadRules.Identified file, long size) {
    }

    private interface Writer {
        Content write(FileChannel out, MessageDigest sha) throws IOException;
    }

    private Stored write(LocalDate day, Writer writer) {
        UUID id = UUID.randomUUID();
        String key = "%d/%02d/%s".formatted(day.getYear(), day.getMonthValue(), id);
        Path target = root.resolve(key);
        Path tmp = null;
        try {
            ensureDirectory(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Content c;
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c = writer.write(out, sha);
                out.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            forceDirectory(target.getParent());
            deleteOnRollback(target);
            return new Stored(id, key, c.file().fileName(), c.file().type(), c.size(), hex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Creates the directory and any missing parents, forcing each new entry into its parent to disk. */
    private void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        ensureDirectory(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        forceDirectory(dir.getParent());
    }

    private static void forceDirectory(Path dir) throws IOException {
        if (DIRECTORY_FSYNC) {
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            }
        }
    }

    private static void deleteOnRollback(Path target) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(target);
                    }
                }
            });
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a file without a row is never served
        }
    }

    private static void writeFully(FileChannel out, byte[] bytes, int n) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, n);
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
