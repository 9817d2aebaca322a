package cn.zhiben.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server as the platform runs it (issue 9 part 1): durable, loopback only, password authentication,
 * old trust-only data directories upgraded in place, and a taken port refused. Each case starts its own server in a
 * temporary directory on a free port (no Spring context).
 */
class EmbeddedPostgresLauncherTests {

    @TempDir
    Path dir;

    @Test
    void aNewDataDirectoryIsDurableListensOnLoopbackOnlyAndNeedsItsGeneratedPasswordFromThenOn() throws Exception {
        Path keys = dir.resolve("keys/postgres.password");
        EmbeddedPostgresLauncher.Server s = EmbeddedPostgresLauncher.durable(dir.resolve("pg"), freePort(), keys);
        try {
            try (Connection c = s.connect("postgres")) {
                assertThat(setting(c, "fsync")).isEqualTo("on");
                assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(c, "full_page_writes")).isEqualTo("on");
                assertThat(setting(c, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(setting(c, "unix_socket_directories")).isEmpty();
                assertThat(setting(c, "password_encryption")).isEqualTo("scram-sha-256");
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("select count(*) from pg_hba_file_rules where auth_method = 'trust'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("no trust rule in pg_hba.conf").isZero();
                }
            }
            assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(keys).strip()).hasSize(32).isEqualTo(s.password());
            assertThat(EmbeddedPostgresLauncher.acceptsWithoutPassword(s)).as("no password").isFalse();
            assertThat(connects(s, "wrong-password")).isFalse();
        } finally {
            s.postgres().close();
        }
        // the next start reads the same password
        EmbeddedPostgresLauncher.Server again = EmbeddedPostgresLauncher.durable(dir.resolve("pg"), freePort(), keys);
        try (Connection ignored = again.connect("postgres")) {
            assertThat(again.password()).isEqualTo(s.password());
        } finally {
            again.postgres().close();
        }
        // without its password file, a password-protected directory is refused, never given a new password
        Files.delete(keys);
        assertThatThrownBy(() -> EmbeddedPostgresLauncher.durable(dir.resolve("pg"), freePort(), keys))
                .hasMessageContaining("密码文件").hasMessageContaining("备份");
    }

    @Test
    void aDataDirectoryMadeWithTrustAuthenticationIsUpgradedInPlaceKeepingItsData() throws Exception {
        Path data = dir.resolve("pg");
        int port = freePort();
        // as the platform's earlier versions made it: zonky's defaults, initdb -A trust
        EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setPort(port).setPGStartupWait(Duration.ofSeconds(60)).start();
        try (Connection c = old.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create table kept (v text)");
            st.execute("insert into kept values ('写在升级之前')");
        }
        old.close();
        assertThat(EmbeddedPostgresLauncher.trusts(data.resolve("pg_hba.conf"))).isTrue();

        Path keys = dir.resolve("keys/postgres.password");
        EmbeddedPostgresLauncher.Server s = EmbeddedPostgresLauncher.durable(data, port, keys);
        try {
            assertThat(EmbeddedPostgresLauncher.trusts(data.resolve("pg_hba.conf"))).isFalse();
            assertThat(EmbeddedPostgresLauncher.acceptsWithoutPassword(s)).isFalse();
            try (Connection c = s.connect("postgres"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select v from kept")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("写在升级之前");
                assertThat(setting(c, "fsync")).isEqualTo("on");
            }
        } finally {
            s.postgres().close();
        }
    }

    @Test
    void aPortTakenByAnotherProgramStopsTheStartWithAClearMessage() throws Exception {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = other.getLocalPort();
            assertThatThrownBy(() -> EmbeddedPostgresLauncher.durable(dir.resolve("pg"), port, dir.resolve("pw")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("端口 " + port + " 已被其他程序占用")
                    .hasMessageContaining("--zhiben.db.embedded.port");
        }
        assertThat(dir.resolve("pg/postmaster.pid")).doesNotExist();
    }

    @Test
    void aServerOnAnotherDataDirectoryIsNeverUsedEvenWithTheSamePort() throws Exception {
        // another platform's embedded server on the port we are configured for
        EmbeddedPostgresLauncher.Server other = EmbeddedPostgresLauncher.durable(dir.resolve("other"), freePort(), dir.resolve("other.pw"));
        try {
            assertThatThrownBy(() -> EmbeddedPostgresLauncher.durable(dir.resolve("mine"), other.port(), dir.resolve("mine.pw")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("已被其他程序占用");
            // and the same data directory in use by a running platform is refused, not shared
            assertThatThrownBy(() -> EmbeddedPostgresLauncher.durable(dir.resolve("other"), other.port(), dir.resolve("other.pw")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("正被另一个正在运行的治本实例使用");
        } finally {
            other.postgres().close();
        }
    }

    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedAndStartedAgainOnItsOwnPort() throws Exception {
        Path data = dir.resolve("pg");
        Path keys = dir.resolve("pg.password");
        int port = freePort();
        // a child JVM starts the server and is killed with SIGKILL: its postmaster stays behind
        Process child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                StartAndWait.class.getName(), data.toString(), String.valueOf(port), keys.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(dir.resolve("child.log")).contains("READY")) {
                assertThat(child.isAlive()).as(Files.readString(dir.resolve("child.log"))).isTrue();
                assertThat(System.nanoTime()).as("child start").isLessThan(until);
                Thread.sleep(100);
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
        ProcessHandle orphan = EmbeddedPostgresLauncher.runningPostmaster(data).orElseThrow();
        assertThat(EmbeddedPostgresLauncher.portTaken(port)).isTrue();

        EmbeddedPostgresLauncher.Server s = EmbeddedPostgresLauncher.durable(data, port, keys);
        try (Connection c = s.connect("postgres")) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(EmbeddedPostgresLauncher.runningPostmaster(data).orElseThrow().pid()).isNotEqualTo(orphan.pid());
            assertThat(setting(c, "data_directory")).isEqualTo(data.toRealPath().toString());
        } finally {
            s.postgres().close();
        }
    }

    /** Started in a child JVM by the orphan test. */
    public static final class StartAndWait {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresLauncher.durable(Path.of(args[0]), Integer.parseInt(args[1]), Path.of(args[2]));
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static boolean connects(EmbeddedPostgresLauncher.Server s, String password) {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", password);
        try (Connection ignored = DriverManager.getConnection(s.jdbcUrl("postgres"), p)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
