package cn.zhiben.monitoring.internal;

import crashnode.IngestionNode;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability test of issue 14: devices stream numbered readings over MQTT QoS 1 to the ingestion path running in
 * a child JVM; in the middle of the stream the child and its PostgreSQL are killed with SIGKILL (nothing flushed,
 * nothing closed), then restarted on the same data directory. Every reading acknowledged before the kill must be
 * stored; the devices then send again whatever was not acknowledged, and in the end each reading is stored exactly once.
 */
class IngestionCrashTests {

    private static final int DEVICES = 3;
    private static final int READINGS = 600;
    /** A third of the stream: enough acknowledged readings to check, enough left for the retries. */
    private static final int KILL_AFTER_ACKS = DEVICES * READINGS / 3;
    private final long t0 = System.nanoTime();

    @TempDir
    Path dir;
    private Process node;

    private void mark(String what) {
        System.out.printf("crash test: %-40s %6.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    @AfterEach
    void stop() throws Exception {
        killNode();
    }

    @Test
    void everyAcknowledgedReadingSurvivesASigkillAndRetriesFillTheRestExactlyOnce() throws Exception {
        int pgPort = freePort();
        int mqttPort = freePort();
        Path data = dir.resolve("pg");
        startNode(data, pgPort, mqttPort);
        mark("node started");
        // the embedded server authenticates with the password the node generated into its password file
        String url = "jdbc:postgresql://localhost:" + pgPort + "/zhiben?user=postgres&password="
                + java.net.URLEncoder.encode(Files.readString(dir.resolve("postgres.password")).strip(), StandardCharsets.UTF_8);
        List<Device> devices = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            for (int i = 0; i < DEVICES; i++) {
                devices.add(Device.create(c, "CRASH-" + i));
            }
        }
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (Device d : devices) {
            Thread t = new Thread(() -> d.stream(mqttPort));
            t.start();
            threads.add(t);
        }
        // mid-stream: SIGKILL the platform and its database
        long deadline = System.currentTimeMillis() + 120_000;
        while (devices.stream().mapToInt(d -> d.acked.size()).sum() < KILL_AFTER_ACKS && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        List<Set<Long>> ackedBeforeKill = new ArrayList<>();
        mark("kill after " + devices.stream().mapToInt(d -> d.acked.size()).sum() + " acknowledgements");
        killNode();
        killed.set(true);
        for (Device d : devices) {
            ackedBeforeKill.add(new HashSet<>(d.acked));
        }
        int acked = ackedBeforeKill.stream().mapToInt(Set::size).sum();
        assertThat(acked).as("acknowledged before the kill").isGreaterThanOrEqualTo(KILL_AFTER_ACKS);
        assertThat(acked).as("the kill came mid-stream").isLessThan(DEVICES * READINGS);

        startNode(data, pgPort, mqttPort);
        mark("node restarted");
        try (Connection c = DriverManager.getConnection(url)) {
            // before any retry: everything acknowledged is there (it may hold more: stored but not yet acknowledged)
            for (int i = 0; i < DEVICES; i++) {
                Set<Long> stored = devices.get(i).storedSeqs(c);
                assertThat(stored).as("device %d: acknowledged readings stored after the crash", i).containsAll(ackedBeforeKill.get(i));
            }
        }
        for (Thread t : threads) {
            t.join(180_000);
        }
        mark("devices done");
        try (Connection c = DriverManager.getConnection(url)) {
            for (Device d : devices) {
                assertThat(d.acked).as("every reading acknowledged in the end").hasSize(READINGS);
                try (PreparedStatement ps = c.prepareStatement("""
                        select count(*), count(distinct seq), min(seq), max(seq) from mon_reading r join mon_point p on p.no = r.point_no
                        where p.code = ?""")) {
                    ps.setString(1, d.point);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getLong(1)).as("rows of %s", d.point).isEqualTo(READINGS);
                        assertThat(rs.getLong(2)).as("distinct sequence numbers of %s", d.point).isEqualTo(READINGS);
                        assertThat(rs.getLong(3)).isEqualTo(1);
                        assertThat(rs.getLong(4)).isEqualTo(READINGS);
                    }
                }
                assertThat(d.resent).as("device %s had to send again after the crash", d.code).isPositive();
            }
        }
    }

    /** A device numbering its readings 1..READINGS, keeping unacknowledged ones to send again after reconnecting. */
    static final class Device {
        final String code;
        final String secret = DeviceSecrets.generate();
        final String point;
        final Set<Long> acked = ConcurrentHashMap.newKeySet();
        final Instant start = Instant.now().minusSeconds(READINGS);
        volatile int resent;

        Device(String code) {
            this.code = code;
            this.point = code + "-CO";
        }

        static Device create(Connection c, String code) throws Exception {
            Device d = new Device(code);
            UUID device = UUID.randomUUID();
            UUID enterprise = UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into mon_device (id, code, name, enterprise_id, enterprise_name, region_code, industry_code, secret_hash, created_at, created_by)
                    values (?, ?, '崩溃测试设备', ?, '崩溃测试企业', '140525108', 'mine.coal', ?, now(), 'test')""")) {
                ps.setObject(1, device);
                ps.setString(2, code);
                ps.setObject(3, enterprise);
                ps.setString(4, DeviceSecrets.hash(d.secret));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into mon_point (id, code, name, enterprise_id, enterprise_name, region_code, industry_code, device_id, kind,
                        location, unit, range_min, range_max, created_at, updated_at)
                    values (?, ?, '崩溃测试 CO', ?, '崩溃测试企业', '140525108', 'mine.coal', ?, 'CARBON_MONOXIDE', '回风巷', 'ppm', 0, 1000, now(), now())""")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, d.point);
                ps.setObject(3, enterprise);
                ps.setObject(4, device);
                ps.executeUpdate();
            }
            return d;
        }

        Set<Long> storedSeqs(Connection c) throws Exception {
            Set<Long> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("select seq from mon_reading r join mon_point p on p.no = r.point_no where p.code = ?")) {
                ps.setString(1, point);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        }

        void stream(int port) {
            long deadline = System.currentTimeMillis() + 240_000;
            int pass = 0;
            while (acked.size() < READINGS && System.currentTimeMillis() < deadline) {
                MqttAsyncClient client = null;
                try {
                    client = new MqttAsyncClient("tcp://127.0.0.1:" + port, code + "-" + pass, new MemoryPersistence());
                    MqttConnectOptions o = new MqttConnectOptions();
                    o.setUserName(code);
                    o.setPassword(secret.toCharArray());
                    o.setCleanSession(true);
                    o.setMaxInflight(100);
                    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
                    o.setConnectionTimeout(5);
                    client.connect(o).waitForCompletion(6_000);
                    if (pass > 0) {
                        resent += READINGS - acked.size();
                    }
                    Semaphore window = new Semaphore(100);
                    CountDownLatch outstanding = new CountDownLatch(READINGS - acked.size());
                    for (long seq = 1; seq <= READINGS; seq++) {
                        if (acked.contains(seq)) {
                            continue;
                        }
                        if (!acquire(window, client)) {
                            break;
                        }
                        long s = seq;
                        String json = "{\"point\":\"" + point + "\",\"seq\":" + s + ",\"ts\":" + start.plusSeconds(s).toEpochMilli()
                                + ",\"value\":" + (s % 50) + "}";
                        MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
                        m.setQos(1);
                        client.publish("zhiben/v1/" + code + "/readings", m, null, new IMqttActionListener() {
                            @Override
                            public void onSuccess(IMqttToken t) {
                                acked.add(s);
                                window.release();
                                outstanding.countDown();
                            }

                            @Override
                            public void onFailure(IMqttToken t, Throwable e) {
                                window.release();
                                outstanding.countDown();
                            }
                        });
                    }
                    // Paho does not fail in-flight QoS 1 tokens when the connection drops: watch the connection
                    while (!outstanding.await(50, TimeUnit.MILLISECONDS) && client.isConnected()) {
                        // waiting for the remaining acknowledgements
                    }
                } catch (Exception e) {
                    sleep(100); // the platform is down: try again
                } finally {
                    pass++;
                    close(client);
                }
            }
        }

        /** A slot in the in-flight window, or false once the connection is gone. */
        private static boolean acquire(Semaphore window, MqttAsyncClient client) throws InterruptedException {
            while (client.isConnected()) {
                if (window.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        }

        private static void close(MqttAsyncClient c) {
            if (c == null) {
                return;
            }
            try {
                if (c.isConnected()) {
                    c.disconnectForcibly(100, 100);
                }
                c.close(true);
            } catch (Exception ignored) {
                // gone already
            }
        }
    }

    private void startNode(Path data, int pgPort, int mqttPort) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                IngestionNode.class.getName(),
                "--zhiben.db.embedded.data-dir=" + data, "--zhiben.db.embedded.port=" + pgPort,
                "--zhiben.monitoring.mqtt.port=" + mqttPort, "--zhiben.monitoring.mqtt.host=127.0.0.1",
                "--zhiben.crypto.key-file=" + dir.resolve("field.key"),
                "--zhiben.db.embedded.password-file=" + dir.resolve("postgres.password"));
        pb.redirectErrorStream(true);
        File log = dir.resolve("node.log").toFile();
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        node = pb.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.readString(log.toPath()).contains("MQTT endpoint listening on port " + mqttPort)
                    && Files.readString(log.toPath()).split("MQTT endpoint listening", -1).length > starts + 1) {
                starts++;
                // CPU the start took, beside wall time: on a loaded machine the wall time says little
                System.out.printf("crash test: node start %d used %.1f s of CPU (JVM; its PostgreSQL not counted)%n", starts,
                        node.info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(Double.NaN));
                return;
            }
            if (!node.isAlive()) {
                throw new AssertionError("ingestion node died:\n" + Files.readString(log.toPath()));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("ingestion node did not start:\n" + Files.readString(log.toPath()));
    }

    private int starts;

    /** SIGKILL the node and its PostgreSQL processes: a crash of the whole machine's software, not a shutdown. */
    private void killNode() throws IOException, InterruptedException {
        if (node == null) {
            return;
        }
        Path pid = dir.resolve("pg").resolve("postmaster.pid");
        node.destroyForcibly();
        node.waitFor(10, TimeUnit.SECONDS);
        node = null;
        if (Files.exists(pid)) {
            long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).strip());
            ProcessHandle.of(postmaster).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
            });
            for (int i = 0; i < 50 && ProcessHandle.allProcesses().anyMatch(p -> p.parent().map(x -> x.pid() == postmaster).orElse(false)); i++) {
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String readAll(Process p) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder b = new StringBuilder();
            r.lines().forEach(l -> b.append(l).append('\n'));
            return b.toString();
        }
    }
}
