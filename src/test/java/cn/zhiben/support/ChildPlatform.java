package cn.zhiben.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The platform started as a separate JVM from the test classpath (main classes and dependencies only, so no test
 * configuration is scanned), as it runs for real: the crash test kills it, the durability benchmark measures it.
 */
public final class ChildPlatform implements AutoCloseable {

    private final Process process;
    private final Path log;
    public final int httpPort;

    private ChildPlatform(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /**
     * Every key and file location of the platform (defaults under ./data, relative to the working directory) moved under
     * {@code dir}, so a child never reads or writes the checkout's ./data: a module that adds a key or a store adds it here.
     */
    public static List<String> filesUnder(Path dir) {
        return List.of(
                "--zhiben.db.embedded.data-dir=" + dir.resolve("pg"),
                "--zhiben.db.embedded.password-file=" + dir.resolve("keys/postgres.password"),
                "--zhiben.crypto.key-file=" + dir.resolve("keys/field.key"),
                "--zhiben.audit.key-file=" + dir.resolve("keys/audit.key"),
                "--zhiben.audit.checkpoint-file=" + dir.resolve("audit/checkpoints.log"),
                "--zhiben.tipoffs.identity-key-file=" + dir.resolve("keys/tipoff.key"),
                "--zhiben.tipoffs.storage-dir=" + dir.resolve("tipoff-files"),
                "--zhiben.hazards.storage-dir=" + dir.resolve("files"),
                "--zhiben.campaign.storage-dir=" + dir.resolve("campaign-files"));
    }

    /** Starts {@code cn.zhiben.ZhibenApplication} with the arguments and waits until /actuator/health is UP. */
    public static ChildPlatform start(Path log, int httpPort, Duration timeout, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", mainClasspath(), "cn.zhiben.ZhibenApplication",
                "--server.port=" + httpPort,
                // the MQTT endpoint on a free port, never a running platform's 1883
                "--zhiben.monitoring.mqtt.port=0"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ChildPlatform child = new ChildPlatform(p, log, httpPort);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the platform exited with " + p.exitValue() + "; log " + log + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(child.url("/actuator/health")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return child;
                }
            } catch (IOException ignored) {
                // not listening yet
            }
            if (System.nanoTime() > until) {
                p.destroyForcibly();
                throw new IllegalStateException("the platform did not start within " + timeout + "; log " + log + ":\n" + tail(log));
            }
            Thread.sleep(250);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGKILL. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then a graceful shutdown (the embedded server stops with it). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /**
     * This JVM's classpath without test classes. Surefire may start the JVM with a manifest-only jar: its Class-Path
     * lists the real entries.
     */
    static String mainClasspath() throws IOException {
        List<String> entries = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries.get(0))) {
                Manifest m = jar.getManifest();
                String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
                if (cp != null && !cp.isBlank()) {
                    entries = new ArrayList<>();
                    for (String url : cp.trim().split("\\s+")) {
                        entries.add(Path.of(URI.create(url.startsWith("file:") ? url : Path.of(url).toUri().toString())).toString());
                    }
                }
            }
        }
        return entries.stream().filter(e -> !e.replace('\\', '/').matches(".*/test-classes/?$"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }
}
