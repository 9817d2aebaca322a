package cn.zhiben.bench;

import cn.zhiben.platform.db.EmbeddedPostgresServer;
import cn.zhiben.platform.db.EmbeddedPostgresLauncher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The reference for the first-start benchmark (run by {@code scripts/benchmark-startup.sh}): the same embedded
 * PostgreSQL, with the platform's own settings, initialised in a fresh data directory and given the empty database —
 * all of the first start that is the database's, none of the platform's. Prints one line per run: "startup-seconds S".
 */
public final class BarePostgresStart {

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Args.parse(args);
        Path dir = Path.of(a.getOrDefault("dir", "./data/bench-startup/bare")).toAbsolutePath().normalize();
        int port = Integer.parseInt(a.getOrDefault("port", "15443"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "3"));
        for (int i = 0; i < runs; i++) {
            delete(dir);
            Path passwordFile = dir.resolveSibling(dir.getFileName() + ".password");
            Files.deleteIfExists(passwordFile);
            long t0 = System.nanoTime();
            EmbeddedPostgresLauncher.Server pg = EmbeddedPostgresServer.persistent(dir, port, passwordFile);
            EmbeddedPostgresServer.createDatabaseIfMissing(pg, "zhiben");
            double seconds = (System.nanoTime() - t0) / 1e9;
            EmbeddedPostgresServer.release();
            System.out.printf("startup-seconds %.2f%n", seconds);
            Files.deleteIfExists(passwordFile);
        }
        delete(dir);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
