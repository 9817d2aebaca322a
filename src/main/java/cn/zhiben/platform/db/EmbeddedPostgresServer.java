package cn.zhiben.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server per JVM. Kept static so that several Spring contexts in one test JVM share a single
 * server (each gets its own database). Each context holds a reference; the last one to close stops the server.
 * zonky's own shutdown hook is off: it raced Spring's, stopping the server while beans still used it on the way down.
 * How the server is started (durable or fast, password, port checks): {@link EmbeddedPostgresLauncher}.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final AtomicInteger ephemeralDatabases = new AtomicInteger();
    private static EmbeddedPostgresLauncher.Server server;
    private static int references;

    private EmbeddedPostgresServer() {
    }

    /** Starts (once) the durable server whose data directory survives restarts. */
    public static synchronized EmbeddedPostgresLauncher.Server persistent(Path dataDir, int port, Path passwordFile) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (server == null) {
            server = EmbeddedPostgresLauncher.durable(dir, port, passwordFile);
        } else if (!dir.equals(server.dataDir())) {
            throw new IllegalStateException("embedded PostgreSQL already runs on " + server.dataDir());
        }
        references++;
        return server;
    }

    /** Starts (once) a throw-away server on a free port with fast, non-durable settings, as tests use. */
    public static synchronized EmbeddedPostgresLauncher.Server ephemeral() {
        if (server == null) {
            server = EmbeddedPostgresLauncher.fast();
        }
        references++;
        return server;
    }

    /** A fresh database on the server, so each test context starts from its own schema. */
    public static synchronized String createEphemeralDatabase(EmbeddedPostgresLauncher.Server pg) {
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
            server.postgres().close();
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly", e);
        } finally {
            server = null;
        }
    }

    public static void createDatabaseIfMissing(EmbeddedPostgresLauncher.Server pg, String name) {
        try (Connection c = pg.connect("postgres"); Statement st = c.createStatement()) {
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
}
