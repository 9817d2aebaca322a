package cn.zhiben.bench;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Analytics benchmark (issue 11; run by {@code scripts/benchmark-analytics.sh} after {@link HazardDataGenerator}):
 * the full rebuild of the read models, every dashboard query over HTTP from the read models (p50/p95), the incremental
 * cost per hazard event (the listener's own timer), and the same breakdowns computed with GROUP BY over the raw
 * hazards table in PostgreSQL and in DuckDB (an export of the same rows), side by side, as ratios.
 */
public final class AnalyticsBenchmark {

    record Query(String name, String path, String pgSql, String duckSql) {
    }

    private static final String OPEN = "status not in ('SIGNED_OFF', 'CLOSED', 'MERGED', 'WITHDRAWN')";
    private static final String COUNTED = "status not in ('MERGED', 'WITHDRAWN')";

    static List<Query> queries(LocalDate today) {
        String from24 = today.withDayOfMonth(1).minusMonths(23).toString();
        return List.of(
                new Query("open major by county (map)", "/api/v1/analytics/breakdown?by=county&grade=MAJOR&open=true",
                        "select substr(region_code, 1, 6), count(*) from hz_hazard where grade = 'MAJOR' and " + OPEN + " group by 1", null),
                new Query("open major by township of 泽州", "/api/v1/analytics/breakdown?by=township&region=140525&grade=MAJOR&open=true",
                        "select region_code, count(*) from hz_hazard where region_code like '140525%' and grade = 'MAJOR' and " + OPEN + " group by 1", null),
                new Query("open major by industry", "/api/v1/analytics/breakdown?by=industry&grade=MAJOR&open=true",
                        "select industry_code, count(*) from hz_hazard where grade = 'MAJOR' and " + OPEN + " group by 1", null),
                new Query("major by channel", "/api/v1/analytics/breakdown?by=channel&grade=MAJOR",
                        "select channel, count(*) from hz_hazard where grade = 'MAJOR' and " + COUNTED + " group by 1", null),
                new Query("open major by status", "/api/v1/analytics/breakdown?by=status&grade=MAJOR&open=true",
                        "select status, count(*) from hz_hazard where grade = 'MAJOR' and " + OPEN + " group by 1", null),
                new Query("major stock vs increment", "/api/v1/analytics/breakdown?by=stock&grade=MAJOR",
                        "select stock, count(*) from hz_hazard where grade = 'MAJOR' and " + COUNTED + " group by 1", null),
                new Query("found in 2025 by county", "/api/v1/analytics/breakdown?by=county&from=2025-01-01&to=2025-12-31",
                        "select substr(region_code, 1, 6), count(*) from hz_hazard where found_on between date '2025-01-01' and date '2025-12-31' and "
                                + COUNTED + " group by 1", null),
                new Query("trend, 24 months", "/api/v1/analytics/trend?months=24",
                        "select date_trunc('month', found_on), grade, count(*) from hz_hazard where found_on >= date '" + from24
                                + "' and " + COUNTED + " group by 1, 2", null),
                new Query("KPIs and stock panel", "/api/v1/analytics/kpis", null, null),
                new Query("top overdue", "/api/v1/analytics/top-overdue", null, null),
                new Query("drill-down: 50 open major in 泽州", "/api/v1/analytics/hazards?region=140525&grade=MAJOR&open=true&limit=50", null, null),
                new Query("四个二", "/api/v1/analytics/four-twos", null, null));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        String base = a.getOrDefault("base-url", "http://localhost:18081");
        String url = a.getOrDefault("jdbc-url", "jdbc:postgresql://127.0.0.1:15443/zhiben");
        int requests = Integer.parseInt(a.getOrDefault("requests", "200"));
        int rawRuns = Integer.parseInt(a.getOrDefault("raw-runs", "10"));
        int events = Integer.parseInt(a.getOrDefault("events", "200"));
        Path out = Path.of(a.getOrDefault("out", "target/bench"));
        Files.createDirectories(out);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        StringBuilder md = new StringBuilder();
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        md.append("# Analytics benchmark ").append(a.getOrDefault("label", "")).append("\n\nload average at start: ")
                .append(load).append("; cores: ").append(Runtime.getRuntime().availableProcessors()).append("\n\n");

        try (Connection c = DriverManager.getConnection(url, a.getOrDefault("user", "postgres"), Args.pgPassword(a))) {
            long hazards = scalar(c, "select count(*) from hz_hazard");
            md.append("hazards: ").append(String.format("%,d", hazards)).append("\n\n");

            // 1. full rebuild through the hazards module's API (the system administrator's endpoint)
            String admin = token(base, "sysadmin");
            long t0 = System.nanoTime();
            String rebuilt = http(base, "POST", "/api/v1/analytics/rebuild", admin);
            double rebuildS = (System.nanoTime() - t0) / 1e9;
            md.append("## Full rebuild\n\n").append(String.format("%.1f s wall (server: %s)%n%n", rebuildS, rebuilt));
            md.append("read model sizes: ");
            for (String t : List.of("an_hazard", "an_state_count", "an_found_month", "an_done_month")) {
                md.append(t).append(" ").append(String.format("%,d", scalar(c, "select count(*) from " + t))).append(" rows; ");
            }
            md.append("\n\n");
            System.out.print(md);

            // 2. dashboard queries over HTTP, city and county, from the read models
            String city = token(base, "city");
            String county = token(base, "zezhou");
            List<Query> qs = queries(today);
            Map<String, double[]> api = new LinkedHashMap<>();
            for (Query q : qs) {
                for (int i = 0; i < Math.max(5, requests / 10); i++) {
                    http(base, "GET", q.path(), city);
                }
                double[] ms = new double[requests];
                for (int i = 0; i < requests; i++) {
                    long s = System.nanoTime();
                    http(base, "GET", q.path(), i % 2 == 0 ? city : county);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                api.put(q.name(), ms);
                System.out.printf("api %-36s p50 %6.1f  p95 %6.1f ms%n", q.name(), pct(ms, 0.5), pct(ms, 0.95));
            }

            // 3. the same breakdowns as GROUP BY over the raw table: PostgreSQL, then DuckDB on an export of the rows
            Map<String, double[]> pg = new LinkedHashMap<>();
            try (Statement st = c.createStatement()) {
                for (Query q : qs) {
                    if (q.pgSql() == null) {
                        continue;
                    }
                    st.executeQuery(q.pgSql()).close();
                    double[] ms = new double[rawRuns];
                    for (int i = 0; i < rawRuns; i++) {
                        long s = System.nanoTime();
                        try (ResultSet rs = st.executeQuery(q.pgSql())) {
                            while (rs.next()) {
                                rs.getLong(rs.getMetaData().getColumnCount());
                            }
                        }
                        ms[i] = (System.nanoTime() - s) / 1e6;
                    }
                    pg.put(q.name(), ms);
                    System.out.printf("pg  %-36s p50 %8.1f ms%n", q.name(), pct(ms, 0.5));
                }
            }
            Map<String, double[]> duck = new LinkedHashMap<>();
            String duckLoad = "not run";
            if (!"false".equals(a.get("duckdb"))) {
                Path csv = out.resolve("hz_hazard.csv");
                long e0 = System.nanoTime();
                try (Writer w = Files.newBufferedWriter(csv)) {
                    ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI().copyOut("""
                            copy (select region_code, industry_code, coalesce(field_code, '') field_code, channel, grade, status,
                              coalesce(listing_level, '') listing_level, overdue, stock, found_on from hz_hazard) to stdout
                            with (format csv, header true)""", w);
                }
                double exportS = (System.nanoTime() - e0) / 1e9;
                try (Connection d = DriverManager.getConnection("jdbc:duckdb:"); Statement ds = d.createStatement()) {
                    long l0 = System.nanoTime();
                    ds.execute("create table hz_hazard as select * from read_csv('" + csv.toAbsolutePath()
                            + "', header = true, types = {'region_code': 'VARCHAR', 'industry_code': 'VARCHAR',"
                            + " 'field_code': 'VARCHAR', 'found_on': 'DATE'})");
                    double loadS = (System.nanoTime() - l0) / 1e9;
                    duckLoad = String.format("export from PostgreSQL (COPY, CSV) %.1f s, load into DuckDB %.1f s", exportS, loadS);
                    for (Query q : qs) {
                        if (q.pgSql() == null) {
                            continue;
                        }
                        String sql = q.pgSql();
                        ds.executeQuery(sql).close();
                        double[] ms = new double[rawRuns];
                        for (int i = 0; i < rawRuns; i++) {
                            long s = System.nanoTime();
                            try (ResultSet rs = ds.executeQuery(sql)) {
                                while (rs.next()) {
                                    rs.getLong(rs.getMetaData().getColumnCount());
                                }
                            }
                            ms[i] = (System.nanoTime() - s) / 1e6;
                        }
                        duck.put(q.name(), ms);
                        System.out.printf("duckdb %-33s p50 %8.1f ms%n", q.name(), pct(ms, 0.5));
                    }
                }
                Files.deleteIfExists(csv);
            }

            md.append("## Dashboard queries (milliseconds; API over HTTP from the read models, ").append(requests)
                    .append(" requests alternating the city office and a county office; raw GROUP BY ").append(rawRuns)
                    .append(" runs each)\n\n").append("DuckDB: ").append(duckLoad).append("\n\n")
                    .append("| query | API p50 | API p95 | PostgreSQL GROUP BY p50 | DuckDB GROUP BY p50 | PG / API p95 | DuckDB / API p95 |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (Query q : qs) {
                double[] x = api.get(q.name());
                double p95 = pct(x, 0.95);
                double pgP = pg.containsKey(q.name()) ? pct(pg.get(q.name()), 0.5) : Double.NaN;
                double dkP = duck.containsKey(q.name()) ? pct(duck.get(q.name()), 0.5) : Double.NaN;
                md.append(String.format("| %s | %.1f | %.1f | %s | %s | %s | %s |%n", q.name(), pct(x, 0.5), p95, f(pgP), f(dkP),
                        ratio(pgP, p95), ratio(dkP, p95)));
            }

            // 4. incremental cost per event: hazards reported through the API, measured by the listener's timer
            md.append("\n## Incremental update per hazard event\n\n");
            md.append(incremental(base, c, events)).append("\n");
            md.append("\nload average at end: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append("\n");
        }
        Path file = out.resolve("analytics-" + a.getOrDefault("label", "run") + ".md");
        Files.writeString(file, md.toString());
        System.out.println(md);
        System.out.println("written to " + file);
    }

    /** Creates general hazards through the API (each creation is one HazardChanged event) and reads the listener's timer. */
    static String incremental(String base, Connection c, int n) throws Exception {
        String enterpriseToken = token(base, "qiye");
        String before = http(base, "GET", "/actuator/prometheus", null);
        double count0 = metric(before, "zhiben_analytics_hazard_apply_seconds_count");
        double sum0 = metric(before, "zhiben_analytics_hazard_apply_seconds_sum");
        String enterprise = scalarText(c, "select enterprise_id::text from idn_user where username = 'qiye'");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String body = """
                    {"enterpriseId":"%s","channel":"SELF_INSPECTION","grade":"GENERAL","description":"【压测生成】增量统计 %d",
                     "location":"压测位置 %d","foundOn":"%s","foundBy":"压测","shutdown":"NONE","deadline":"%s","fixedOnSpot":false}"""
                    .formatted(enterprise, i, i, today.minusDays(1), today.plusDays(30));
            httpJson(base, "/api/v1/hazards", enterpriseToken, body);
        }
        double writeS = (System.nanoTime() - t0) / 1e9;
        double count = 0;
        double sum = 0;
        long waitUntil = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < waitUntil) {
            String now = http(base, "GET", "/actuator/prometheus", null);
            count = metric(now, "zhiben_analytics_hazard_apply_seconds_count") - count0;
            sum = metric(now, "zhiben_analytics_hazard_apply_seconds_sum") - sum0;
            if (count >= n) {
                break;
            }
            Thread.sleep(500);
        }
        return String.format("%d hazards created through the API in %.1f s; the analytics listener applied %.0f snapshots, "
                + "%.2f ms each on average (the listener's own transaction: lock the hazard's row, move its counts, "
                + "rewrite the row).", n, writeS, count, count == 0 ? Double.NaN : sum / count * 1000);
    }

    static double metric(String prometheus, String name) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.Ee+-]+)$", Pattern.MULTILINE)
                .matcher(prometheus);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }

    static String f(double d) {
        return Double.isNaN(d) ? "—" : String.format("%.1f", d);
    }

    static String ratio(double raw, double api) {
        return Double.isNaN(raw) ? "—" : String.format("%.1f×", raw / api);
    }

    static double pct(double[] ms, double q) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)];
    }

    static long scalar(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String scalarText(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String token(String base, String user) throws IOException {
        String body = httpJson(base, "/api/v1/auth/token", null,
                "{\"username\":\"" + user + "\",\"password\":\"Zhiben@2026\"}");
        Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("login of " + user + " failed: " + body);
        }
        return m.group(1);
    }

    static String http(String base, String method, String path, String token) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        c.setRequestMethod(method);
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        return read(c);
    }

    static String httpJson(String base, String path, String token, String json) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        try (OutputStream o = c.getOutputStream()) {
            o.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return read(c);
    }

    private static String read(HttpURLConnection c) throws IOException {
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 400) {
                throw new IOException(c.getRequestMethod() + " " + c.getURL() + " -> " + status + " " + body);
            }
            return body;
        }
    }

    private AnalyticsBenchmark() {
    }
}
