package cn.zhiben.monitoring.internal;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator in load mode: points any running instance at a stream of readings over MQTT QoS 1 (documented in
 * docs/monitoring.md; scripts/benchmark-monitoring.sh runs it). It sets up its own device and points through the API
 * (an account allowed to, e.g. the city office), then publishes at a fixed rate for a while and reports the achieved
 * rate and the publish-to-PUBACK latency (a PUBACK means stored). Some "probe" points alternate across the methane
 * alarm value so that alarms keep re-triggering; with --jdbc the reading-to-alarm latency is measured from the alarm
 * timeline, and a plain JDBC batch insert of the same number of readings gives the reference rate.
 * <pre>
 * java -cp zhiben.jar -Dloader.main=cn.zhiben.monitoring.internal.LoadGenerator \
 *      org.springframework.boot.loader.launch.PropertiesLauncher --url http://host:8080 --mqtt tcp://host:1883 \
 *      --user city --password '…' --rate 30000 --seconds 60
 * </pre>
 */
public final class LoadGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> args;
    private final HttpClient http = HttpClient.newHttpClient();

    private LoadGenerator(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new LoadGenerator(a).run();
        System.exit(0);
    }

    private String arg(String k, String d) {
        return args.getOrDefault(k, d);
    }

    private int num(String k, int d) {
        return Integer.parseInt(arg(k, String.valueOf(d)));
    }

    record Setup(List<String> devices, String secret, Map<String, List<String>> points, List<String> probes) {
    }

    void run() throws Exception {
        int devices = num("devices", 10);
        int perDevice = num("points-per-device", 100);
        int batch = num("batch", 10);
        int rate = num("rate", 30000);
        int seconds = num("seconds", 60);
        int probes = num("probes", 20);
        Setup s = provision(devices, perDevice, probes);
        List<Phase> phases = new ArrayList<>();
        phases.add(new Phase("warm-up", rate / 3, num("warmup", 10)));
        phases.add(new Phase("sustained", rate, seconds));
        if (num("overload-seconds", 0) > 0) {
            phases.add(new Phase("overload (10x offered)", rate * 10, num("overload-seconds", 30)));
            phases.add(new Phase("recovery", rate, num("recovery-seconds", 20)));
        }
        Streamer streamer = new Streamer(s, batch, num("inflight", 1000));
        streamer.connect(arg("mqtt", "tcp://127.0.0.1:1883"));
        CpuMeter cpu = new CpuMeter(args);
        System.out.println("| phase | offered readings/s | achieved readings/s | messages/s | PUBACK p50 ms | p99 ms | max ms "
                + "| platform CPU µs/reading | PostgreSQL CPU µs/reading |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Phase p : phases) {
            CpuMeter.Sample before = cpu.sample();
            Result r = streamer.stream(p.rate(), p.seconds());
            CpuMeter.Sample used = cpu.sample().minus(before);
            System.out.printf("| %s | %d | %.0f | %.0f | %.1f | %.1f | %.1f | %s | %s |%n", p.name(), p.rate(), r.readingsPerSecond(),
                    r.messagesPerSecond(), r.p(0.50), r.p(0.99), r.p(1.0), perReading(used.serverNs(), r.readings()),
                    perReading(used.postgresNs(), r.readings()));
            if (p.name().equals("sustained")) {
                streamer.lastSustained = r;
                sustainedCpu = used;
            }
        }
        streamer.close();
        if (cpu.enabled() && sustainedCpu != null && streamer.lastSustained.readings() > 0) {
            double us = (sustainedCpu.serverNs() + sustainedCpu.postgresNs()) / 1e3 / streamer.lastSustained.readings();
            System.out.printf("CPU cost per reading in the sustained phase: platform %.1f µs + PostgreSQL %.1f µs = %.1f µs; "
                            + "%d idle cores would sustain about %.0f readings/s (CPU time only: the load generator's own CPU, "
                            + "disk waits and the other processes on the machine are not in it)%n",
                    sustainedCpu.serverNs() / 1e3 / streamer.lastSustained.readings(),
                    sustainedCpu.postgresNs() / 1e3 / streamer.lastSustained.readings(), us,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors() * 1e6 / us);
        }
        if (args.containsKey("jdbc")) {
            alarmLatency(s, streamer);
            reference(streamer.lastSustained, cpu);
        }
    }

    private CpuMeter.Sample sustainedCpu;

    private static String perReading(long ns, long readings) {
        return ns < 0 || readings == 0 ? "—" : String.format("%.1f", ns / 1e3 / readings);
    }

    /**
     * CPU time (user + system) of the platform process and of the PostgreSQL server, read from /proc: the platform's
     * {@code --server-pid}; PostgreSQL's postmaster from {@code --pg-pid-file} (its data directory's postmaster.pid),
     * its live children (the backends, WAL writer, checkpointer, …) and the children it already reaped. Jiffies are
     * converted with {@code --clk-tck} (getconf CLK_TCK, usually 100).
     */
    static final class CpuMeter {
        record Sample(long serverNs, long postgresNs) {
            Sample minus(Sample o) {
                return new Sample(serverNs < 0 ? -1 : serverNs - o.serverNs, postgresNs < 0 ? -1 : postgresNs - o.postgresNs);
            }
        }

        private final long serverPid;
        private final java.nio.file.Path pgPidFile;
        private final long nsPerTick;

        CpuMeter(Map<String, String> args) {
            serverPid = Long.parseLong(args.getOrDefault("server-pid", "-1"));
            pgPidFile = args.containsKey("pg-pid-file") ? java.nio.file.Path.of(args.get("pg-pid-file")) : null;
            nsPerTick = 1_000_000_000L / Long.parseLong(args.getOrDefault("clk-tck", "100"));
        }

        boolean enabled() {
            return serverPid > 0 && pgPidFile != null;
        }

        Sample sample() {
            long server = serverPid > 0 ? ticks(serverPid, false) : -1;
            long pg = -1;
            if (pgPidFile != null) {
                try {
                    long postmaster = Long.parseLong(java.nio.file.Files.readAllLines(pgPidFile).get(0).strip());
                    pg = ticks(postmaster, true);
                    try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                        for (var dir : (Iterable<java.nio.file.Path>) procs::iterator) {
                            String name = dir.getFileName().toString();
                            if (name.chars().allMatch(Character::isDigit) && parent(Long.parseLong(name)) == postmaster) {
                                pg += Math.max(0, ticks(Long.parseLong(name), false));
                            }
                        }
                    }
                } catch (Exception e) {
                    pg = -1;
                }
            }
            return new Sample(server < 0 ? -1 : server * nsPerTick, pg < 0 ? -1 : pg * nsPerTick);
        }

        /** utime + stime (fields 14, 15), with the reaped children's cutime + cstime (16, 17) if asked. */
        private static long ticks(long pid, boolean withChildren) {
            String[] f = fields(pid);
            if (f == null) {
                return -1;
            }
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        }

        private static long parent(long pid) {
            String[] f = fields(pid);
            return f == null ? -1 : Long.parseLong(f[1]);
        }

        /** /proc/<pid>/stat after the command name: f[0] is field 3 (state). */
        private static String[] fields(long pid) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            } catch (Exception e) {
                return null;
            }
        }
    }

    record Phase(String name, int rate, int seconds) {
    }

    record Result(long readings, long messages, double seconds, long[] latenciesNs) {
        double readingsPerSecond() {
            return readings / seconds;
        }

        double messagesPerSecond() {
            return messages / seconds;
        }

        double p(double q) {
            if (latenciesNs.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latenciesNs.length - 1, Math.ceil(q * latenciesNs.length) - 1);
            return latenciesNs[Math.max(0, i)] / 1e6;
        }
    }

    /** A device, its points and probes, through the API as the given account. */
    private Setup provision(int devices, int perDevice, int probes) throws Exception {
        String url = arg("url", "http://127.0.0.1:8080");
        String token = JSON.readTree(post(url + "/api/v1/auth/token", null, "{\"username\":\"" + arg("user", "city")
                + "\",\"password\":\"" + arg("password", "Zhiben@2026") + "\"}")).get("accessToken").asString();
        String enterprise = args.containsKey("enterprise") ? arg("enterprise", null)
                : JSON.readTree(get(url + "/api/v1/enterprises?size=1&industryCode=mine.coal", token)).get("items").get(0).get("id").asString();
        String run = "LOAD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<String> codes = new ArrayList<>();
        Map<String, List<String>> points = new TreeMap<>();
        List<String> probeCodes = new ArrayList<>();
        String secret = null;
        for (int d = 0; d < devices; d++) {
            JsonNode dev = JSON.readTree(post(url + "/api/v1/monitoring/devices", token, "{\"enterpriseId\":\"" + enterprise
                    + "\",\"code\":\"" + run + "-D" + d + "\",\"name\":\"负载测试设备 " + d + "\"}"));
            String code = dev.get("code").asString();
            codes.add(code);
            points.put(code + "|" + dev.get("secret").asString(), new ArrayList<>());
            for (int p = 0; p < perDevice; p++) {
                boolean probe = d * perDevice + p < probes;
                String pc = code + "-P" + p;
                post(url + "/api/v1/monitoring/points", token, "{\"deviceCode\":\"" + code + "\",\"code\":\"" + pc
                        + "\",\"name\":\"负载测点 " + p + "\",\"kind\":\"" + (probe ? "METHANE" : "CARBON_MONOXIDE")
                        + "\",\"locationType\":\"" + (probe ? "LW_FACE" : "*") + "\",\"location\":\"负载测试\"}");
                points.get(code + "|" + dev.get("secret").asString()).add(pc);
                if (probe) {
                    probeCodes.add(pc);
                }
            }
        }
        System.out.printf("provisioned %d devices, %d points (%d alarm probes) at enterprise %s%n", devices,
                devices * perDevice, probeCodes.size(), enterprise);
        return new Setup(codes, secret, points, probeCodes);
    }

    private String post(String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private String get(String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Publishes batches round-robin over the devices at a target rate, within an in-flight window per device. */
    private static final class Streamer {
        final List<MqttAsyncClient> clients = new ArrayList<>();
        final List<String> topics = new ArrayList<>();
        final List<List<String>> points = new ArrayList<>();
        final List<Semaphore> windows = new ArrayList<>();
        final List<String> probes;
        final int batch;
        final int inflight;
        final AtomicLong seq = new AtomicLong(1);
        final java.util.Set<String> probeSet;
        Result lastSustained;

        Streamer(Setup s, int batch, int inflight) {
            this.probes = s.probes();
            this.batch = batch;
            this.inflight = inflight;
            s.points().forEach((k, v) -> {
                topics.add(k.substring(0, k.indexOf('|')));
                points.add(v);
            });
            this.probeSet = java.util.Set.copyOf(probes);
            this.secrets = s.points().keySet().stream().map(k -> k.substring(k.indexOf('|') + 1)).toList();
        }

        final List<String> secrets;

        void connect(String uri) throws Exception {
            for (int i = 0; i < topics.size(); i++) {
                MqttAsyncClient c = new MqttAsyncClient(uri, "load-" + topics.get(i), new MemoryPersistence());
                MqttConnectOptions o = new MqttConnectOptions();
                o.setUserName(topics.get(i));
                o.setPassword(secrets.get(i).toCharArray());
                o.setCleanSession(true);
                o.setMaxInflight(inflight);
                o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
                o.setKeepAliveInterval(60);
                c.connect(o).waitForCompletion(10_000);
                clients.add(c);
                windows.add(new Semaphore(inflight));
            }
        }

        Result stream(int rate, int seconds) throws Exception {
            ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
            AtomicLong readings = new AtomicLong();
            AtomicLong messages = new AtomicLong();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            double messagesPerNs = rate / (double) batch / 1e9;
            long sent = 0;
            int device = 0;
            while (System.nanoTime() < end) {
                long due = (long) ((System.nanoTime() - start) * messagesPerNs);
                if (sent >= due) {
                    // sleep, not spin: the generator shares the machine's cores with the platform it measures
                    java.util.concurrent.locks.LockSupport.parkNanos(Math.max(50_000L, (long) ((sent - due + 1) / messagesPerNs)));
                    continue;
                }
                int d = device++ % clients.size();
                Semaphore w = windows.get(d);
                if (!w.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    continue; // the platform holds back acknowledgements: this is its flow control
                }
                long now = System.currentTimeMillis();
                StringBuilder json = new StringBuilder(64 * batch).append("{\"readings\":[");
                List<String> ps = points.get(d);
                for (int i = 0; i < batch; i++) {
                    String p = ps.get((int) ((sent * batch + i) % ps.size()));
                    double v;
                    if (probeSet.contains(p)) {
                        // probes cross the methane alarm value every second: 0.4 % then 1.2 %
                        v = (now / 1000) % 2 == 1 ? 1.2 : 0.4;
                    } else {
                        v = 5 + (sent % 7);
                    }
                    if (i > 0) {
                        json.append(',');
                    }
                    json.append("{\"point\":\"").append(p).append("\",\"seq\":").append(seq.getAndIncrement())
                            .append(",\"ts\":").append(now).append(",\"value\":").append(v).append('}');
                }
                json.append("]}");
                MqttMessage m = new MqttMessage(json.toString().getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                long t0 = System.nanoTime();
                clients.get(d).publish("zhiben/v1/" + topics.get(d) + "/readings", m, null, new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken t) {
                        lat.add(System.nanoTime() - t0);
                        readings.addAndGet(batch);
                        messages.incrementAndGet();
                        w.release();
                    }

                    @Override
                    public void onFailure(IMqttToken t, Throwable e) {
                        w.release();
                    }
                });
                sent++;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] l = lat.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(l);
            return new Result(readings.get(), messages.get(), elapsed, l);
        }

        void close() {
            for (MqttAsyncClient c : clients) {
                try {
                    c.disconnectForcibly(1_000, 10_000);
                    c.close(true);
                } catch (Exception e) {
                    System.out.println("disconnect of " + c.getClientId() + " did not complete: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Reading-to-alarm latency of the probes, from the database alone: a probe's k-th raise or re-trigger (alarm
     * timeline, the time the rule engine wrote it in the batch's transaction) belongs to the k-th time its stored
     * readings, in time order, went from below the alarm value to at or above it; the reading's ts is its send time
     * (same machine clock). Matching by order rather than by nearness keeps the figure right when acknowledgements
     * lag by seconds.
     */
    private void alarmLatency(Setup s, Streamer streamer) throws Exception {
        try (Connection c = DriverManager.getConnection(arg("jdbc", null))) {
            Map<String, List<Long>> crossings = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select p.code, (extract(epoch from r.ts) * 1000)::bigint, r.value from mon_reading r
                    join mon_point p on p.no = r.point_no where p.code = any (?) order by p.code, r.ts, r.seq""")) {
                ps.setArray(1, c.createArrayOf("text", s.probes().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    String point = null;
                    boolean high = false;
                    while (rs.next()) {
                        if (!rs.getString(1).equals(point)) {
                            point = rs.getString(1);
                            high = false;
                        }
                        boolean now = rs.getDouble(3) >= 1.0;
                        if (now && !high) {
                            crossings.computeIfAbsent(point, k -> new ArrayList<>()).add(rs.getLong(2));
                        }
                        high = now;
                    }
                }
            }
            Map<String, List<Long>> alarms = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select a.point_code, (extract(epoch from t.at) * 1000)::bigint from mon_alarm_transition t
                    join mon_alarm a on a.id = t.alarm_id
                    where a.point_code = any (?) and a.rule_code = 'CH4_ALARM' and t.action in ('RAISE', 'RETRIGGER')
                    order by a.point_code, t.at, t.id""")) {
                ps.setArray(1, c.createArrayOf("text", s.probes().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        alarms.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            List<Long> latencies = new ArrayList<>();
            int unmatched = 0;
            for (String p : s.probes()) {
                List<Long> cross = crossings.getOrDefault(p, List.of());
                List<Long> raised = alarms.getOrDefault(p, List.of());
                for (int k = 0; k < Math.min(cross.size(), raised.size()); k++) {
                    latencies.add(raised.get(k) - cross.get(k));
                }
                unmatched += Math.abs(cross.size() - raised.size());
            }
            long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (l.length == 0) {
                System.out.println("reading-to-alarm: no alarm episodes measured");
                return;
            }
            System.out.printf("reading-to-alarm latency over %d alarm episodes (%d crossings without an alarm or the reverse): "
                            + "p50 %d ms, p99 %d ms, max %d ms%n", l.length, unmatched,
                    l[l.length / 2], l[(int) Math.min(l.length - 1, Math.ceil(0.99 * l.length) - 1)], l[l.length - 1]);
        }
    }

    /** The same number of readings as the sustained phase, by a plain JDBC batch insert into a plain table. */
    private void reference(Result sustained, CpuMeter cpu) throws Exception {
        if (sustained == null) {
            return;
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long n = sustained.readings();
        try (Connection c = DriverManager.getConnection(arg("jdbc", null) + (arg("jdbc", "").contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true")) {
            try (Statement st = c.createStatement()) {
                st.execute("drop table if exists bench_plain_reading");
                st.execute("create table bench_plain_reading (point_no int, ts timestamptz, seq bigint, value float8, "
                        + "received_at timestamptz, primary key (point_no, ts, seq))");
            }
            c.setAutoCommit(false);
            CpuMeter.Sample before = cpu.sample();
            long clientCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("insert into bench_plain_reading values (?, ?, ?, ?, ?)")) {
                java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
                for (long i = 0; i < n; i++) {
                    ps.setInt(1, (int) (i % 1000));
                    ps.setTimestamp(2, new java.sql.Timestamp(now.getTime() + i / 1000));
                    ps.setLong(3, i);
                    ps.setDouble(4, 5 + i % 7);
                    ps.setTimestamp(5, now);
                    ps.addBatch();
                    if ((i + 1) % 5000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            double s = (System.nanoTime() - start) / 1e9;
            clientCpu = threads.getCurrentThreadCpuTime() - clientCpu;
            CpuMeter.Sample used = cpu.sample().minus(before);
            try (Statement st = c.createStatement()) {
                st.execute("drop table bench_plain_reading");
            }
            c.commit();
            System.out.printf("plain JDBC batch insert of the same %d readings: %.0f readings/s; platform over MQTT / plain JDBC = %.2f%n",
                    n, n / s, sustained.readingsPerSecond() / (n / s));
            if (cpu.enabled() && sustainedCpu != null && n > 0) {
                double ref = (clientCpu + used.postgresNs()) / 1e3 / n;
                double platform = (sustainedCpu.serverNs() + sustainedCpu.postgresNs()) / 1e3 / n;
                System.out.printf("plain JDBC batch insert CPU per reading: client %.1f µs + PostgreSQL %.1f µs = %.1f µs; "
                        + "platform / plain JDBC CPU per reading = %.2f%n", clientCpu / 1e3 / n, used.postgresNs() / 1e3 / n, ref, platform / ref);
            }
        }
    }
}
