package cn.zhiben.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server per JVM. Kept static so that several Spring contexts in one test JVM share a single
 * server (each gets its own database). Each context holds a reference; the last one to close stops the server.
 * zonky's own shutdown hook is off: it raced Spring's, stopping the server while beans still used it on the way down.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final AtomicInteger ephemeralDatabases = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static Path serverDataDir;
    private static int references;

    private EmbeddedPostgresServer() {
    }

    /** Starts (once) a server whose data directory survives restarts. */
    public static synchronized EmbeddedPostgres persistent(Path dataDir, int port) {
        references++;
        if (server == null) {
            try {
                Files.createDirectories(dataDir);
                boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
                log.info("Starting embedded PostgreSQL in {} on port {}{}", dataDir.toAbsolutePath(), port,
                        fresh ? " (initialising a new data directory)" : "");
                server = builder(port).setDataDirectory(dataDir).setCleanDataDirectory(false).start();
                serverDataDir = dataDir;
            } catch (IOException e) {
                throw new UncheckedIOException("无法启动内置 PostgreSQL（数据目录 " + dataDir.toAbsolutePath() + "）", e);
            }
        } else if (!dataDir.equals(serverDataDir)) {
            throw new IllegalStateException("embedded PostgreSQL already runs on " + serverDataDir);
        }
        return server;
    }

    /** Starts (once) a throw-away server on a free port, as tests use. */
    public static synchronized EmbeddedPostgres ephemeral() {
        references++;
        if (server == null) {
            try {
                server = builder(0).start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }

    /** A fresh database on the server, so each test context starts from its own schema. */
    public static synchronized String createEphemeralDatabase(EmbeddedPostgres pg) {
        String name = "zhiben_test_" + ephemeralDatabases.incrementAndGet();
        createDatabaseIfMissing(pg, name);
        return name;
    }

    /** Drops a context's reference; the last one stops the server. */
    public static synchronized void release() {
        if (--references > 0 || server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly", e);
        } finally {
            server = null;
            serverDataDir = null;
        }
    }

    public static void createDatabaseIfMissing(EmbeddedPostgres pg, String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "") + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("create database \"" + name.replace("\"", "") + "\" encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(int port) {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                // character classes must know CJK, or pg_trgm makes no trigrams of Chinese text; collation stays C
                .setLocaleConfig("lc-ctype", System.getProperty("os.name", "").toLowerCase().contains("mac") ? "en_US.UTF-8" : "C.UTF-8")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("timezone", "Asia/Shanghai")
                .setServerConfig("listen_addresses", "localhost");
        if (port > 0) {
            b.setPort(port);
        }
        return b;
    }
}
