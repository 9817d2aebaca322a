package cn.zhiben.bench;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.internal.HazardQueries;
import cn.zhiben.platform.security.DataScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The hazards benchmark client (not a test; run by {@code scripts/benchmark-hazards.sh} against a running platform on
 * generated data). For each scenario it measures the full HTTP round trip — bearer token, JSON — with sequential
 * requests (scenarios interleaved round-robin, so background noise falls on all of them alike), then replays the exact
 * SQL the endpoint runs, captured from the platform's own query code, with pgbench, and reports both side by side.
 */
public final class HazardBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An account with its bearer token (API) and its browser session cookie (pages). */
    record User(String name, String token, String cookie, DataScope scope) {
    }

    /**
     * A list scenario has query parameters; a detail scenario has a pool of hazard ids inside the user's scope; the
     * board scenario reads the public listing board.
     */
    record Scenario(String id, String user, String description, Map<String, String> params, List<UUID> ids, boolean board,
                    boolean page) {
        boolean detail() {
            return ids != null;
        }

        /** The API path, or for a page scenario the page a browser opens (same parameters, same page size). */
        String path(int i) {
            String prefix = page ? "/hazards" : "/api/v1/hazards";
            if (detail()) {
                return prefix + "/" + ids.get(i % ids.size());
            }
            if (board) {
                return prefix + "/listings";
            }
            return prefix + (params.isEmpty() ? "" : "?" + params.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
        }
    }

    /** Latencies in microseconds. */
    static final class Samples {
        final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        long bytes;
        int errors;
        String matches = "";

        long[] sorted() {
            long[] a;
            synchronized (micros) {
                a = micros.stream().mapToLong(Long::longValue).toArray();
            }
            Arrays.sort(a);
            return a;
        }
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
    }

    private final Map<String, String> a;
    private final String base;
    private final String jdbcUrl;
    private final String pgPassword;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final NamedParameterJdbcTemplate db;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final List<Scenario> scenarios = new ArrayList<>();
    private final int requests;
    private final int warmup;
    private final long seed;
    private final Path out;
    private final StringBuilder report = new StringBuilder();

    private HazardBenchmark(Map<String, String> a) {
        this.a = a;
        this.base = a.getOrDefault("base-url", "http://localhost:18080");
        this.jdbcUrl = a.getOrDefault("jdbc-url", "jdbc:postgresql://127.0.0.1:15442/zhiben");
        this.pgPassword = Args.pgPassword(a);
        this.db = new NamedParameterJdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", pgPassword));
        this.requests = Integer.parseInt(a.getOrDefault("requests", "500"));
        this.warmup = Integer.parseInt(a.getOrDefault("warmup", "100"));
        this.seed = Long.parseLong(a.getOrDefault("seed", "20261129"));
        this.out = Path.of(a.getOrDefault("out", "target/bench"));
    }

    public static void main(String[] args) throws Exception {
        new HazardBenchmark(Args.parse(args)).run();
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        String label = a.getOrDefault("label", "run");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        line("# Hazards benchmark — %s (%s)", label, stamp);
        line("");
        machine();
        for (String u : List.of("city", "yingji", "zezhou", "zezhou-yingji", "qiye")) {
            users.put(u, login(u));
        }
        scenarios();
        dataShape();

        Map<String, Samples> sequential = measureHttp(1);
        System.out.println("benchmark: pgbench reference run");
        Map<String, Samples> reference = pgbench(1);
        table("Sequential requests (1 client)", sequential, reference);
        clientCheck();

        for (String c : a.getOrDefault("concurrency", "").split(",")) {
            if (!c.isBlank() && Integer.parseInt(c.trim()) > 1) {
                int n = Integer.parseInt(c.trim());
                long t0 = System.nanoTime();
                Map<String, Samples> concurrent = measureHttp(n);
                double seconds = (System.nanoTime() - t0) / 1e9;
                Map<String, Samples> ref = pgbench(n);
                table("%d concurrent clients (HTTP throughput %.0f requests/s incl. warm-up)".formatted(n,
                        (double) (warmup + requests) * scenarios.size() / seconds), concurrent, ref);
            }
        }
        line("Load average at the end: %s", loadavg());
        Path file = out.resolve("results-" + label + "-" + stamp + ".md");
        Files.writeString(file, report);
        System.out.println();
        System.out.println("benchmark: results written to " + file);
    }

    // ---- setup ----

    private void machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB").orElse("?");
        line("## Machine");
        line("");
        line("- CPU: %s, %d cores visible to the JVM; RAM %s; load average at start: %s", cpu,
                Runtime.getRuntime().availableProcessors(), mem, loadavg());
        line("- Client JVM: %s %s (%s)", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
        line("- Database: %s", db.getJdbcTemplate().queryForObject("select version()", String.class));
        line("- Database settings: %s", db.getJdbcTemplate().queryForList("""
                select name || '=' || current_setting(name) from pg_settings
                where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather')
                order by name""", String.class));
        line("");
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private User login(String username) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + a.getOrDefault("password", "Zhiben@2026") + "\"}"))
                .build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + username + ": " + r.statusCode() + " " + r.body());
        }
        JsonNode body = JSON.readTree(r.body());
        JsonNode s = body.path("user").path("scope");
        Set<String> industries = null;
        if (s.hasNonNull("industryCodes")) {
            industries = new HashSet<>();
            for (JsonNode i : s.get("industryCodes")) {
                industries.add(i.asText());
            }
        }
        DataScope scope = new DataScope(s.path("business").asBoolean(), s.hasNonNull("regionCode") ? s.get("regionCode").asText() : null,
                industries, s.hasNonNull("enterpriseId") ? UUID.fromString(s.get("enterpriseId").asText()) : null);
        return new User(username, body.get("accessToken").asText(), pageLogin(username), scope);
    }

    /** Logs in through the login form as a browser does (CSRF token, session cookie) and returns the session cookie. */
    private String pageLogin(String username) throws Exception {
        HttpURLConnection form = (HttpURLConnection) URI.create(base + "/login").toURL().openConnection();
        String html;
        try (InputStream in = form.getInputStream()) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String cookie = sessionCookie(form);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        HttpURLConnection post = (HttpURLConnection) URI.create(base + "/login").toURL().openConnection();
        post.setInstanceFollowRedirects(false);
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        post.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        post.setRequestProperty("Cookie", cookie);
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(a.getOrDefault("password", "Zhiben@2026"), StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        post.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        String location = post.getHeaderField("Location");
        if (post.getResponseCode() != 302 || location == null || location.contains("/login")) {
            throw new IllegalStateException("page login " + username + ": " + post.getResponseCode() + " -> " + location);
        }
        // the session id changes on login (session fixation protection)
        String after = sessionCookie(post);
        return after != null ? after : cookie;
    }

    private static String sessionCookie(HttpURLConnection c) {
        List<String> set = c.getHeaderFields().getOrDefault("Set-Cookie", List.of());
        return set.stream().filter(v -> v.startsWith("JSESSIONID=")).map(v -> v.substring(0, v.indexOf(';') < 0 ? v.length() : v.indexOf(';')))
                .findFirst().orElse(null);
    }

    private void scenarios() {
        // a keyword a user would type: part of the name of the generated enterprise with the most hazards
        String name = db.getJdbcTemplate().queryForObject("""
                select enterprise_name from hz_hazard where enterprise_name like '%（压测）'
                group by enterprise_name order by count(*) desc, enterprise_name limit 1""", String.class);
        String keyword = name.replaceFirst("^.*?压测", "").replace("有限公司（压测）", "");
        String number = db.getJdbcTemplate().queryForObject("""
                select number from hz_hazard where region_code like '140525%' order by md5(number) limit 1""", String.class);
        list("L1", "city", "city office, no filter", Map.of());
        list("L2", "zezhou", "county office 泽州, status=RECTIFYING", Map.of("status", "RECTIFYING"));
        list("L3", "yingji", "member unit 应急局 (its industries), grade=MAJOR&open=true", ordered("grade", "MAJOR", "open", "true"));
        list("L4", "zezhou-yingji", "county unit 泽州应急局, overdue=true", Map.of("overdue", "true"));
        list("L5", "qiye", "enterprise account, no filter", Map.of());
        list("L6", "city", "city office, region 高平 + industry 矿山 + found 2025-H1",
                ordered("region", "140581", "industry", "mine", "foundFrom", "2025-01-01", "foundTo", "2025-06-30"));
        list("L7", "city", "city office, keyword = part of an enterprise name (" + keyword + ")", Map.of("keyword", keyword));
        list("L8", "zezhou", "county office 泽州, keyword = a hazard number", Map.of("keyword", number));
        int pool = Math.min(500, Math.max(requests, 1));
        detail("D1", "city", pool);
        detail("D2", "zezhou", pool);
        detail("D3", "yingji", pool);
        detail("D4", "zezhou-yingji", pool);
        detail("D5", "qiye", pool);
        scenarios.add(new Scenario("B1", "zezhou", "listing board (三公开, 200 newest listing events; not a target, measured "
                + "because it reads the timeline)", Map.of(), null, true, false));
        // the pages people open: the same queries, plus rendering (Thymeleaf) and the navigation
        page("P1", "L2", "list page 泽州, status=RECTIFYING (HTML, whole page)");
        page("P2", "L6", "list page city, 高平 + 矿山 + 2025-H1 (HTML, whole page)");
        page("P3", "D2", "detail page of a random hazard in 泽州 (HTML)");
        page("P4", "D5", "detail page of a random hazard of the enterprise (HTML)");
        String only = a.getOrDefault("only", "");
        if (!only.isBlank()) {
            Set<String> keep = Set.of(only.split(","));
            scenarios.removeIf(sc -> !keep.contains(sc.id()));
        }
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private void list(String id, String user, String description, Map<String, String> params) {
        scenarios.add(new Scenario(id, user, description, params, null, false, false));
    }

    /** The page that shows what API scenario {@code of} returns (its reference SQL is that scenario's). */
    private void page(String id, String of, String description) {
        Scenario s = scenarios.stream().filter(sc -> sc.id().equals(of)).findFirst().orElseThrow();
        scenarios.add(new Scenario(id, s.user(), description, s.params(), s.ids(), false, true));
    }

    /** A random sample of hazards inside the user's scope (the scope SQL is the platform's own, DataScope.toSql). */
    private void detail(String id, String user, int pool) {
        DataScope.Sql s = users.get(user).scope().toSql("h.enterprise_id", "h.region_code", "h.zone_code", "h.industry_code");
        Map<String, Object> p = new LinkedHashMap<>(s.params());
        p.put("salt", id + seed);
        p.put("n", pool);
        List<UUID> ids = db.queryForList("select h.id from hz_hazard h where " + s.where()
                + " order by md5(h.id::text || :salt) limit :n", p, UUID.class);
        scenarios.add(new Scenario(id, user, "detail of a random hazard in the scope of " + user + " (" + ids.size() + " hazards)",
                Map.of(), ids, false, false));
    }

    private void dataShape() {
        line("## Data");
        line("");
        line("| table | rows | size (table + indexes) |");
        line("|---|---:|---:|");
        for (String t : List.of("hz_hazard", "hz_transition", "hz_plan", "hz_extension", "hz_evaluation", "hz_attachment", "org_enterprise")) {
            Map<String, Object> r = db.getJdbcTemplate().queryForMap("select count(*) as n, pg_size_pretty(pg_total_relation_size('"
                    + t + "')) as size from " + t);
            line("| %s | %,d | %s |", t, ((Number) r.get("n")).longValue(), r.get("size"));
        }
        line("");
        try {
            Map<String, Object> m = db.getJdbcTemplate().queryForMap("select seed, hazards, enterprises, today, seconds from bench.meta");
            line("Generated with seed %s, %s hazards, %s enterprises, \"today\" %s, in %s s.", m.get("seed"), m.get("hazards"),
                    m.get("enterprises"), m.get("today"), m.get("seconds"));
        } catch (RuntimeException e) {
            line("(no bench.meta: data not from the generator)");
        }
        line("");
        line("## Scenarios");
        line("");
        line("| id | account | what | request |");
        line("|---|---|---|---|");
        for (Scenario sc : scenarios) {
            line("| %s | %s | %s | `GET %s` |", sc.id(), sc.user(), sc.description(),
                    sc.detail() ? (sc.page() ? "/hazards/{id}" : "/api/v1/hazards/{id}") : sc.path(0));
        }
        line("");
    }

    // ---- HTTP ----

    private Map<String, Samples> measureHttp(int clients) throws Exception {
        Map<String, Samples> result = new ConcurrentHashMap<>();
        scenarios.forEach(s -> result.put(s.id(), new Samples()));
        int rounds = warmup + requests;
        CountDownLatch done = new CountDownLatch(clients);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    // client k runs rounds k, k + clients, …: together each scenario gets `rounds` requests
                    for (int r = client; r < rounds; r += clients) {
                        for (Scenario s : scenarios) {
                            request(s, r, r >= warmup, result.get(s.id()));
                        }
                        if (client == 0 && r % 50 == 0) {
                            System.out.printf("benchmark: %d client(s), round %d of %d%n", clients, r, rounds);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("benchmark client failed", failures.peek());
        }
        return result;
    }

    private void request(Scenario s, int i, boolean measured, Samples samples) throws Exception {
        // HttpURLConnection: plain blocking I/O on a kept-alive connection per thread (measured closer to wrk than
        // java.net.http.HttpClient, whose asynchronous machinery adds about half a millisecond per request here)
        long t0 = System.nanoTime();
        HttpURLConnection c = (HttpURLConnection) URI.create(base + s.path(i)).toURL().openConnection();
        if (s.page()) {
            c.setInstanceFollowRedirects(false);
            c.setRequestProperty("Cookie", users.get(s.user()).cookie());
            c.setRequestProperty("Accept", "text/html");
        } else {
            c.setRequestProperty("Authorization", "Bearer " + users.get(s.user()).token());
            c.setRequestProperty("Accept", "application/json");
        }
        int status = c.getResponseCode();
        byte[] body;
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        long micros = (System.nanoTime() - t0) / 1000;
        if (status != 200) {
            samples.errors++;
            if (samples.errors == 1) {
                System.err.println("benchmark: " + s.id() + " answered " + status + ": " + new String(body, StandardCharsets.UTF_8));
            }
            return;
        }
        if (i == 0 && !s.detail() && !s.board() && !s.page()) {
            JsonNode json = JSON.readTree(body);
            samples.matches = json.path("totalCapped").asBoolean() ? "> 10,000" : "%,d".formatted(json.path("total").asLong());
        }
        if (measured) {
            samples.micros.add(micros);
            samples.bytes = body.length;
        }
    }

    // ---- cross-check of the client itself: the same endpoint driven by wrk ----

    /** L1 alone, from this client and from wrk (one connection each), to show what this client's own overhead is. */
    private void clientCheck() throws Exception {
        String wrk = a.getOrDefault("wrk", "wrk");
        Scenario l1 = scenarios.stream().filter(sc -> sc.id().equals("L1")).findFirst().orElse(null);
        if (wrk.equals("none") || l1 == null) {
            return;
        }
        Samples own = new Samples();
        for (int i = 0; i < 2200; i++) {
            request(l1, i + 1, i >= 200, own);
        }
        String url = base + l1.path(0);
        String header = "Authorization: Bearer " + users.get(l1.user()).token();
        String output;
        try {
            run(List.of(wrk, "-t1", "-c1", "-d5s", "-H", header, url));
            output = run(List.of(wrk, "-t1", "-c1", "-d20s", "--latency", "-H", header, url));
        } catch (IOException e) {
            line("(wrk not installed: no client cross-check; Debian: apt-get install wrk)");
            line("");
            return;
        }
        Map<String, Double> w = new LinkedHashMap<>();
        for (String l : output.split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(50|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$").matcher(l);
            if (m.matches()) {
                double v = Double.parseDouble(m.group(2));
                w.put(m.group(1), m.group(3).equals("us") ? v / 1000 : m.group(3).equals("s") ? v * 1000 : v);
            }
        }
        String requestsLine = output.lines().filter(l -> l.contains("requests in")).findFirst().orElse("?").trim();
        long[] x = own.sorted();
        line("## Client cross-check (L1 alone, one connection)");
        line("");
        line("| client | requests | p50 | p90 | p99 |");
        line("|---|---|---:|---:|---:|");
        line("| this client (HttpURLConnection) | %d after 200 warm-up | %.2f | %.2f | %.2f |", x.length, pct(x, 50), pct(x, 90), pct(x, 99));
        line("| wrk -t1 -c1 -d20s (after 5 s warm-up) | %s | %.2f | %.2f | %.2f |", requestsLine, w.getOrDefault("50", Double.NaN),
                w.getOrDefault("90", Double.NaN), w.getOrDefault("99", Double.NaN));
        line("");
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    // ---- reference: pgbench replaying the captured SQL ----

    private Map<String, Samples> pgbench(int clients) throws Exception {
        Map<String, Samples> result = new LinkedHashMap<>();
        String pgbench = a.getOrDefault("pgbench", "pgbench");
        if (pgbench.equals("none")) {
            return result;
        }
        SqlCapture capture = new SqlCapture(jdbcUrl, "postgres", pgPassword);
        db.getJdbcTemplate().execute("create table if not exists bench.detail_ids (scenario text, k int, id uuid, primary key (scenario, k))");
        List<String> cmd = new ArrayList<>(List.of(pgbench, "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(clients, 2)), "-t", String.valueOf((warmup + requests) * scenarios.size() / clients),
                "--random-seed=" + seed, "-l", "--log-prefix=" + out.resolve("pgbench").toAbsolutePath(),
                "-h", a.getOrDefault("pg-host", "127.0.0.1"), "-p", a.getOrDefault("pg-port", "15442"), "-U", "postgres", "-d", a.getOrDefault("pg-database", "zhiben")));
        List<String> names = new ArrayList<>();
        for (Scenario s : scenarios) {
            String v = s.id().toLowerCase(Locale.ROOT) + "_";
            StringBuilder script = new StringBuilder();
            List<SqlCapture.Statement> statements;
            UUID sample = null;
            if (s.detail()) {
                db.update("delete from bench.detail_ids where scenario = :s", Map.of("s", s.id()));
                for (int k = 0; k < s.ids().size(); k++) {
                    db.update("insert into bench.detail_ids values (:s, :k, :id)", Map.of("s", s.id(), "k", k + 1, "id", s.ids().get(k)));
                }
                sample = s.ids().get(0);
                statements = capture.detail(users.get(s.user()).scope(), sample);
                script.append("\\set k random(1, ").append(s.ids().size()).append(")\n");
                script.append("select id from bench.detail_ids where scenario = '").append(s.id()).append("' and k = :k \\gset ").append(v).append('\n');
            } else if (s.board()) {
                statements = capture.board(users.get(s.user()).scope());
            } else {
                statements = capture.list(users.get(s.user()).scope(), filter(s.params()));
            }
            int p = 0;
            for (SqlCapture.Statement st : statements) {
                StringBuilder sql = new StringBuilder();
                int i = 0;
                for (char ch : st.sql().replaceAll("\\s+", " ").trim().toCharArray()) {
                    if (ch != '?') {
                        sql.append(ch);
                        continue;
                    }
                    Object value = st.params().get(i++);
                    if (sample != null && sample.equals(value)) {
                        sql.append(':').append(v).append("id");
                    } else {
                        String name = v + "p" + (++p);
                        sql.append(':').append(name);
                        cmd.add("-D");
                        cmd.add(name + "=" + text(value));
                    }
                }
                script.append(sql).append(";\n");
            }
            Path file = out.resolve("pgbench-" + s.id() + ".sql");
            Files.writeString(file, script);
            cmd.add("-f");
            cmd.add(file.toAbsolutePath() + "@1");
            names.add(s.id());
            result.put(s.id(), new Samples());
        }
        try (var logs = Files.list(out)) {
            for (Path old : logs.filter(f -> f.getFileName().toString().startsWith("pgbench.")).toList()) {
                Files.delete(old);
            }
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", pgPassword);
        // the platform's connections plan every statement for its parameters (decision 0009); the reference does too
        pb.environment().put("PGOPTIONS", "-c plan_cache_mode=force_custom_plan");
        Process proc = pb.start();
        String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (proc.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Files.writeString(out.resolve("pgbench-output-c" + clients + ".txt"), String.join(" ", cmd) + "\n\n" + output);
        // log line: client_id transaction_no latency_us script_no epoch epoch_us; the first `warmup` rounds are warm-up
        long skipPerClient = (long) warmup * scenarios.size() / clients;
        try (var logs = Files.list(out)) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("pgbench.")).toList()) {
                for (String l : Files.readAllLines(log)) {
                    String[] f = l.trim().split("\\s+");
                    if (Long.parseLong(f[1]) >= skipPerClient) {
                        result.get(names.get(Integer.parseInt(f[3]))).micros.add(Long.parseLong(f[2]));
                    }
                }
            }
        }
        return result;
    }

    private static String text(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        return String.valueOf(value);
    }

    /** The same filter the controller binds from the query parameters. */
    private static HazardQueries.Filter filter(Map<String, String> p) {
        return new HazardQueries.Filter(p.get("region"), p.get("industry"),
                p.containsKey("channel") ? Channel.valueOf(p.get("channel")) : null,
                p.containsKey("grade") ? Grade.valueOf(p.get("grade")) : null,
                p.containsKey("status") ? Arrays.stream(p.get("status").split(",")).map(HazardStatus::valueOf).collect(Collectors.toSet()) : null,
                bool(p, "listed"), p.containsKey("listingLevel") ? ListingLevel.valueOf(p.get("listingLevel")) : null,
                bool(p, "overdue"), bool(p, "stock"), bool(p, "selfCheckMissed"), bool(p, "open"),
                p.containsKey("enterpriseId") ? UUID.fromString(p.get("enterpriseId")) : null, p.get("keyword"),
                date(p, "foundFrom"), date(p, "foundTo"), date(p, "reportedFrom"), date(p, "reportedTo"));
    }

    private static Boolean bool(Map<String, String> p, String k) {
        return p.containsKey(k) ? Boolean.valueOf(p.get(k)) : null;
    }

    private static LocalDate date(Map<String, String> p, String k) {
        return p.containsKey(k) ? LocalDate.parse(p.get(k)) : null;
    }

    // ---- report ----

    private void table(String title, Map<String, Samples> httpSamples, Map<String, Samples> dbSamples) {
        line("## %s", title);
        line("");
        line("%d measured requests per scenario after %d warm-up rounds. Milliseconds. \"DB\" = pgbench replaying the "
                + "endpoint's SQL (prepared statements, same parameters); ratio = platform / DB.", requests, warmup);
        line("");
        line("| id | matches | bytes | p50 | p95 | p99 | max | errors | DB p50 | DB p95 | DB p99 | ratio p50 | ratio p95 |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Scenario s : scenarios) {
            Samples h = httpSamples.get(s.id());
            long[] x = h.sorted();
            Samples d = dbSamples.get(s.id());
            long[] y = d == null ? new long[0] : d.sorted();
            line("| %s | %s | %,d | %.1f | %.1f | %.1f | %.1f | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", s.id(),
                    s.detail() ? "1" : s.board() ? "200" : s.page() ? "as API" : h.matches, h.bytes, pct(x, 50), pct(x, 95), pct(x, 99), pct(x, 100), h.errors,
                    pct(y, 50), pct(y, 95), pct(y, 99), pct(x, 50) / pct(y, 50), pct(x, 95) / pct(y, 95));
        }
        line("");
    }

    private void line(String format, Object... args) {
        String s = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(s);
        report.append(s).append('\n');
    }
}
