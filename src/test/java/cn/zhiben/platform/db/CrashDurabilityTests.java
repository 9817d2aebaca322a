package cn.zhiben.platform.db;

import cn.zhiben.support.ChildPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 part 1: the whole node crashes (SIGKILL to the JVM and to the PostgreSQL postmaster and its processes, as a
 * power cut or an OOM kill would) in the middle of a stream of writes; after a restart every write that was answered
 * 2xx is there, with its audit row, and the audit chain verifies. The platform runs as shipped (a child JVM with the
 * default, durable embedded database on its own data directory).
 */
class CrashDurabilityTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "Zhiben@2026";
    private static final Duration START = Duration.ofSeconds(240);

    @TempDir
    Path dir;

    @Test
    void everyWriteAnsweredBeforeTheCrashIsThereAfterTheRestartWithAnIntactAuditChain() throws Exception {
        int http = ChildPlatform.freePort();
        int pg = ChildPlatform.freePort();
        List<String> args = new ArrayList<>(List.of("--zhiben.demo=true", "--zhiben.hazards.demo-data=false",
                "--zhiben.db.embedded.port=" + pg, "--logging.level.root=warn", "--logging.level.cn.zhiben=info"));
        // the database, keys, audit checkpoints and files of this node, not of whatever ./data the build runs beside
        args.addAll(ChildPlatform.filesUnder(dir));
        Path log = dir.resolve("platform.log");
        List<UUID> acknowledged = Collections.synchronizedList(new ArrayList<>());
        int attempted;

        ChildPlatform platform = ChildPlatform.start(log, http, START, args);
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            JsonNode login = token(client, platform, "qiye");
            String token = login.get("accessToken").asString();
            String enterprise = login.get("user").get("scope").get("enterpriseId").asString();
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

            AtomicBoolean crashed = new AtomicBoolean();
            java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int n = 0; !crashed.get(); n++) {
                        String body = JSON.writeValueAsString(Map.of("enterpriseId", enterprise, "channel", "SELF_INSPECTION",
                                "grade", "GENERAL", "description", "断电测试 写入者" + writer + " 第" + n + "条",
                                "location", "一号井口", "foundOn", today.minusDays(1).toString(), "foundBy", "安全科 测试",
                                "fixedOnSpot", false, "deadline", today.plusDays(7).toString()));
                        tries.incrementAndGet();
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/hazards")))
                                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() / 100 == 2) {
                                acknowledged.add(UUID.fromString(JSON.readTree(r.body()).get("id").asString()));
                            }
                        } catch (Exception e) {
                            return null; // the node is gone
                        }
                    }
                    return null;
                });
            }
            // let the stream run, then cut the power in the middle of it
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledged.size() < 40 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            // the moment right after a write was acknowledged: its commit is the one least likely to be on disk yet
            // (with synchronous_commit off, WAL reaches the disk up to 0.6 s after the answer)
            int seen = acknowledged.size();
            while (acknowledged.size() == seen && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            ProcessHandle postmaster = EmbeddedPostgresLauncher.runningPostmaster(dir.resolve("pg")).orElseThrow();
            List<ProcessHandle> postgres = new ArrayList<>(postmaster.descendants().toList());
            postgres.add(0, postmaster);
            postgres.forEach(ProcessHandle::destroyForcibly);
            platform.kill();
            crashed.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle p : postgres) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
            attempted = tries.get();
        } finally {
            platform.kill();
        }
        System.out.printf("crash test: %d writes answered 2xx, %d attempted when the node was killed%n", acknowledged.size(), attempted);
        assertThat(acknowledged).as("writes answered 2xx before the crash").hasSizeGreaterThanOrEqualTo(20);
        assertThat(attempted).as("some writes were in flight when the node died").isGreaterThan(acknowledged.size());

        // restart on the same directory: PostgreSQL recovers from its WAL
        try (ChildPlatform again = ChildPlatform.start(log, http, START, args)) {
            String password = Files.readString(dir.resolve("keys/postgres.password")).strip();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg + "/zhiben", "postgres", password)) {
                Array ids = c.createArrayOf("uuid", acknowledged.toArray());
                assertThat(count(c, "select count(*) from hz_hazard where id = any(?)", ids))
                        .as("every acknowledged hazard survived the crash").isEqualTo(acknowledged.size());
                assertThat(count(c, "select count(distinct entity_id) from audit_log where entity_type = 'hazard' and entity_id = any(?)",
                        c.createArrayOf("text", acknowledged.stream().map(UUID::toString).toArray())))
                        .as("and its audit row").isEqualTo(acknowledged.size());
            }
            HttpClient client = HttpClient.newHttpClient();
            String auditor = token(client, again, "auditadmin").get("accessToken").asString();
            HttpResponse<String> verify = client.send(HttpRequest.newBuilder(URI.create(again.url("/api/v1/audit/verify")))
                    .header("Authorization", "Bearer " + auditor).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(verify.statusCode()).isEqualTo(200);
            JsonNode result = JSON.readTree(verify.body());
            assertThat(result.get("intact").asBoolean()).as(verify.body()).isTrue();
            assertThat(result.get("rowsChecked").asLong()).isGreaterThanOrEqualTo(acknowledged.size());
        }
    }

    private static JsonNode token(HttpClient client, ChildPlatform platform, String username) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/auth/token")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static long count(Connection c, String sql, Array ids) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
