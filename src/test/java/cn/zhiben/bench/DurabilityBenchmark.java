package cn.zhiben.bench;

import cn.zhiben.platform.db.EmbeddedPostgresLauncher;
import cn.zhiben.platform.db.EmbeddedPostgresServer;
import cn.zhiben.support.ChildPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What durability costs in write throughput (issue 9 part 1; run by {@code scripts/benchmark-durability.sh}). The same
 * platform build runs twice, each time on a fresh embedded PostgreSQL 17 started by the platform's own launcher:
 * "before" with the settings the platform used to run with and tests still use (fsync, synchronous_commit,
 * full_page_writes off), "after" with the durable settings it now runs with. Each run: hazard registrations through the
 * API (POST /api/v1/hazards as the demo enterprise: hazard, transition, audit row, event publication, then the
 * notification listeners' own transactions) by 1 and by 4 clients for a fixed time; then pgbench on the same server with a
 * one-insert transaction as the reference for the bare cost of a commit.
 */
public final class DurabilityBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Result(String mode, int clients, long writes, double seconds, List<Double> latenciesMs) {
        double perSecond() {
            return writes / seconds;
        }

        double percentile(double p) {
            if (latenciesMs.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    record Reference(String mode, int clients, double tps, double latencyMs) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
        List<Integer> clients = java.util.Arrays.stream(a.getOrDefault("clients", "1,4").split(",")).map(Integer::parseInt).toList();
        String pgbench = a.getOrDefault("pgbench", "pgbench");
        Path work = Path.of(a.getOrDefault("dir", "./data/bench-durability")).toAbsolutePath().normalize();
        Path out = Path.of(a.getOrDefault("out", "target/bench"));
        Files.createDirectories(out);
        List<Result> results = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        for (String mode : List.of("before", "after")) {
            deleteTree(work.resolve(mode));
            Files.createDirectories(work.resolve(mode));
            EmbeddedPostgresLauncher.Server pg = mode.equals("after")
                    ? EmbeddedPostgresLauncher.durable(work.resolve(mode + "/pg"), ChildPlatform.freePort(), work.resolve(mode + "/keys/postgres.password"))
                    : EmbeddedPostgresLauncher.fast();
            try {
                EmbeddedPostgresServer.createDatabaseIfMissing(pg, "zhiben");
                System.out.printf("%s: PostgreSQL on 127.0.0.1:%d (%s)%n", mode, pg.port(), settings(pg));
                int http = ChildPlatform.freePort();
                List<String> childArgs = new ArrayList<>(List.of(
                        "--spring.datasource.url=" + pg.jdbcUrl("zhiben"), "--spring.datasource.username=" + pg.user(),
                        "--spring.datasource.password=" + pg.password(), "--zhiben.demo=true", "--zhiben.demo-on-external-database=true",
                        "--zhiben.hazards.demo-data=false", "--logging.level.root=warn"));
                childArgs.addAll(ChildPlatform.filesUnder(work.resolve(mode)));
                try (ChildPlatform platform = ChildPlatform.start(work.resolve(mode + "/platform.log"), http, Duration.ofMinutes(10), childArgs)) {
                    Writer writer = new Writer(platform);
                    writer.run(4, warmup);
                    for (int c : clients) {
                        Result r = writer.run(c, seconds);
                        results.add(new Result(mode, c, r.writes(), r.seconds(), r.latenciesMs()));
                        System.out.printf("%s, %d client(s): %.1f writes/s, p50 %.1f ms, p95 %.1f ms%n", mode, c, r.perSecond(),
                                r.percentile(0.5), r.percentile(0.95));
                    }
                }
                for (int c : clients) {
                    Reference ref = pgbench(pgbench, pg, c, seconds, work.resolve(mode));
                    if (ref != null) {
                        references.add(new Reference(mode, c, ref.tps(), ref.latencyMs()));
                        System.out.printf("%s, pgbench %d client(s): %.0f tps, %.2f ms%n", mode, c, ref.tps(), ref.latencyMs());
                    }
                }
            } finally {
                pg.postgres().close();
            }
        }
        String report = report(results, references, seconds);
        Path file = out.resolve("durability-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, report);
        System.out.println(report);
        System.out.println("written to " + file);
    }

    private static String settings(EmbeddedPostgresLauncher.Server pg) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = pg.connect("postgres"); Statement st = c.createStatement()) {
            for (String s : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (var rs = st.executeQuery("show " + s)) {
                    rs.next();
                    sb.append(sb.isEmpty() ? "" : ", ").append(s).append('=').append(rs.getString(1));
                }
            }
        }
        return sb.toString();
    }

    /** Hazard registrations as the demo enterprise, as fast as the clients go, for a fixed time. */
    private static final class Writer {
        private final ChildPlatform platform;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String token;
        private final String enterprise;

        Writer(ChildPlatform platform) throws Exception {
            this.platform = platform;
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/auth/token")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"qiye\",\"password\":\"Zhiben@2026\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode n = JSON.readTree(r.body());
            this.token = n.get("accessToken").asString();
            this.enterprise = n.get("user").get("scope").get("enterpriseId").asString();
        }

        Result run(int clients, int seconds) throws Exception {
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long t0 = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        String body = JSON.writeValueAsString(Map.of("enterpriseId", enterprise, "channel", "SELF_INSPECTION",
                                "grade", "GENERAL", "description", "写入压测 客户端" + client + " 第" + n + "条",
                                "location", "一号井口", "foundOn", today.minusDays(1).toString(), "foundBy", "压测",
                                "fixedOnSpot", false, "deadline", today.plusDays(7).toString()));
                        long s = System.nanoTime();
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/hazards")))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            throw new IllegalStateException("write answered " + r.statusCode() + ": " + r.body());
                        }
                        latencies.add((System.nanoTime() - s) / 1e6);
                        n++;
                    }
                    return n;
                }));
            }
            long writes = 0;
            for (Future<Long> f : done) {
                writes += f.get();
            }
            pool.shutdown();
            return new Result("", clients, writes, (System.nanoTime() - t0) / 1e9, latencies);
        }
    }

    /** pgbench with a one-row insert per transaction on the same server and the same number of clients. */
    private static Reference pgbench(String pgbench, EmbeddedPostgresLauncher.Server pg, int clients, int seconds, Path dir) throws Exception {
        if (pgbench.equals("none")) {
            return null;
        }
        try (Connection c = pg.connect("zhiben"); Statement st = c.createStatement()) {
            st.execute("create table if not exists bench_write (id bigserial primary key, payload text not null, at timestamptz not null default now())");
        }
        Path script = dir.resolve("pgbench-insert.sql");
        Files.writeString(script, "\\set r random(1, 1000000000)\ninsert into bench_write (payload) values (repeat('隐患', 100) || :r);\n");
        ProcessBuilder pb = new ProcessBuilder(pgbench, "-h", "127.0.0.1", "-p", String.valueOf(pg.port()), "-U", pg.user(), "-n",
                "-c", String.valueOf(clients), "-j", String.valueOf(clients), "-T", String.valueOf(seconds), "-f", script.toString(), "zhiben")
                .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", pg.password());
        Process p;
        try {
            p = pb.start();
        } catch (java.io.IOException e) {
            System.out.println("pgbench not found (Debian: apt-get install postgresql-client): reference skipped");
            return null;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        Matcher lat = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
        if (!tps.find() || !lat.find()) {
            throw new IllegalStateException("unexpected pgbench output:\n" + output);
        }
        return new Reference("", clients, Double.parseDouble(tps.group(1)), Double.parseDouble(lat.group(1)));
    }

    private static String report(List<Result> results, List<Reference> references, int seconds) {
        StringBuilder sb = new StringBuilder();
        sb.append("| clients | platform before (writes/s) | platform after (writes/s) | after / before | p50 before → after (ms) | p95 before → after (ms) | pgbench before (tps) | pgbench after (tps) | pgbench after / before |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result before : results.stream().filter(r -> r.mode().equals("before")).toList()) {
            Result after = results.stream().filter(r -> r.mode().equals("after") && r.clients() == before.clients()).findFirst().orElseThrow();
            Reference rb = references.stream().filter(r -> r.mode().equals("before") && r.clients() == before.clients()).findFirst().orElse(null);
            Reference ra = references.stream().filter(r -> r.mode().equals("after") && r.clients() == before.clients()).findFirst().orElse(null);
            sb.append(String.format("| %d | %.1f | %.1f | %.2f | %.1f → %.1f | %.1f → %.1f | %s | %s | %s |%n", before.clients(),
                    before.perSecond(), after.perSecond(), after.perSecond() / before.perSecond(),
                    before.percentile(0.5), after.percentile(0.5), before.percentile(0.95), after.percentile(0.95),
                    rb == null ? "–" : String.format("%.0f", rb.tps()), ra == null ? "–" : String.format("%.0f", ra.tps()),
                    rb == null || ra == null ? "–" : String.format("%.2f", ra.tps() / rb.tps())));
        }
        sb.append(String.format("%nEach cell: %d s of writes after a 10 s warm-up with 4 clients; latency = full HTTP round trip.%n", seconds));
        return sb.toString();
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
