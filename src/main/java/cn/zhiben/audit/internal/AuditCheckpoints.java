package cn.zhiben.audit.internal;

import cn.zhiben.audit.AuditProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * Signed checkpoints of the chain head, appended to a file outside the database (and to the application log) every
 * {@code zhiben.audit.checkpoint-interval} when the head moved, and at shutdown. Verification compares them with the
 * database: a checkpointed row that is gone or different means the newest rows were deleted or rewritten — which the
 * chain alone cannot show, because whatever remains of it is still a valid chain (decision 0004).
 */
@Component
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOMAIN = "zhiben-audit-checkpoint:v1";

    /** A checkpoint as written: the head's sequence number, hash and time, when and where it was taken. */
    public record Checkpoint(long seq, String hash, Instant rowAt, Instant writtenAt, String host) {
    }

    /** One line of the file: its number and the checkpoint, or null when the line is damaged or its signature wrong. */
    record Line(int number, Checkpoint checkpoint) {
    }

    private final JdbcClient jdbc;
    private final AuditKey key;
    private final AuditProperties properties;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final String host;
    private long lastWrittenSeq = -1;
    private ScheduledFuture<?> schedule;

    AuditCheckpoints(JdbcClient jdbc, AuditKey key, AuditProperties properties, TaskScheduler scheduler, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = clock;
        this.host = hostName();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        schedule = scheduler.scheduleWithFixedDelay(this::writeQuietly, properties.checkpointInterval());
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        writeQuietly();
    }

    private void writeQuietly() {
        try {
            write();
        } catch (RuntimeException e) {
            // the next run tries again; the failure must be seen, it weakens the protection
            log.error("could not write the audit checkpoint to {}", key.checkpointFile(), e);
        }
    }

    /** Appends a checkpoint of the current head unless it is the one written last; the checkpoint written, if any. */
    public synchronized Optional<Checkpoint> write() {
        Optional<Checkpoint> head = jdbc.sql("select seq, hash, occurred_at from audit_log order by seq desc limit 1")
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        clock.instant(), host))
                .optional();
        if (head.isEmpty() || head.get().seq() == lastWrittenSeq) {
            return Optional.empty();
        }
        Checkpoint c = head.get();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", c.seq());
        line.put("hash", c.hash());
        line.put("rowAt", c.rowAt().toString());
        line.put("writtenAt", c.writtenAt().toString());
        line.put("host", c.host());
        line.put("mac", signature(c));
        append(JSON.writeValueAsString(line) + "\n");
        lastWrittenSeq = c.seq();
        log.info("审计日志检查点：第 {} 条，哈希 {}", c.seq(), c.hash());
        return Optional.of(c);
    }

    private void append(String text) {
        Path file = key.checkpointFile();
        try {
            Files.createDirectories(file.getParent());
            boolean created = Files.notExists(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                // on disk before we rely on it
                ch.force(true);
            }
            if (created) {
                cn.zhiben.platform.crypto.KeyFiles.ownerOnly(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every line of the checkpoint file, in order; empty when there is none yet. */
    List<Line> read() {
        Path file = key.checkpointFile();
        List<Line> out = new ArrayList<>();
        if (Files.notExists(file)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (!text.isEmpty()) {
                out.add(new Line(i + 1, parse(text)));
            }
        }
        return out;
    }

    private Checkpoint parse(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            Checkpoint c = new Checkpoint(n.get("seq").asLong(), n.get("hash").asString(), Instant.parse(n.get("rowAt").asString()),
                    Instant.parse(n.get("writtenAt").asString()), n.path("host").asString());
            String mac = n.get("mac").asString();
            return MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII), signature(c).getBytes(StandardCharsets.US_ASCII))
                    ? c : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String signature(Checkpoint c) {
        return AuditHash.hmac(key, DOMAIN, Long.toString(c.seq()), c.hash(), c.rowAt().toString(), c.writtenAt().toString(), c.host());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
