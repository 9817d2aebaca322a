package cn.zhiben.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Starts zonky's embedded PostgreSQL the way the platform needs it (decision 0010).
 * <ul>
 * <li>Durable (the default run): fsync, synchronous_commit and full_page_writes on; listens on 127.0.0.1 only, no Unix
 * socket; password authentication (scram-sha-256) with a generated password kept in a file of mode 0600. A data
 * directory that an earlier version created with {@code trust} authentication is given the password on its next start.</li>
 * <li>Fast (tests only, {@code zhiben.db.embedded.ephemeral}): fsync, synchronous_commit and full_page_writes off on a
 * throw-away directory. Not durable, and said so in the log.</li>
 * </ul>
 * Before starting, the data directory and the port are checked: a postmaster this data directory left running (the JVM
 * was killed) is stopped and started again; another running platform on the directory, or any other program on the
 * port, stops the start-up with a clear message. After the start the server that answers must report this data
 * directory, so the platform never runs on somebody else's database.
 */
public final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final String SUPERUSER = "postgres";
    private static final String HBA = """
            # Written by Zhiben: password (scram-sha-256) for every connection, TCP on the loopback address only.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;

    private EmbeddedPostgresLauncher() {
    }

    /** A started server and the superuser password to connect with. */
    public record Server(EmbeddedPostgres postgres, String password, Path dataDir, boolean durable) {

        public int port() {
            return postgres.getPort();
        }

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
        }

        public String user() {
            return SUPERUSER;
        }

        /** A plain connection as the superuser (not pooled). */
        public Connection connect(String database) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", SUPERUSER);
            p.setProperty("password", password);
            return DriverManager.getConnection(jdbcUrl(database), p);
        }
    }

    /**
     * The durable server on a data directory that survives restarts.
     *
     * @param passwordFile where the superuser password is kept (created with mode 0600 for a new or trust-only directory)
     */
    public static Server durable(Path dataDirectory, int port, Path passwordPath) {
        Path dataDir = dataDirectory.toAbsolutePath().normalize();
        Path passwordFile = passwordPath.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
            boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
            boolean trusting = !fresh && trusts(dataDir.resolve("pg_hba.conf"));
            String password;
            if (fresh || trusting) {
                password = readPassword(passwordFile).orElse(null);
                if (password == null) {
                    password = newPassword();
                    writeSecret(passwordFile, password);
                    log.info("Generated the embedded PostgreSQL password in {} — back it up with the database and the field key",
                            passwordFile);
                }
            } else {
                password = readPassword(passwordFile).orElseThrow(() -> new IllegalStateException(
                        "内置 PostgreSQL 的数据目录 " + dataDir + " 使用密码认证，但密码文件 " + passwordFile + " 不存在或为空："
                                + "请从备份中恢复该文件（或用 --zhiben.db.embedded.password-file 指向它）"));
            }
            stopOrphanOrRefuse(dataDir, port);
            log.info("Starting embedded PostgreSQL in {} on 127.0.0.1:{}{}", dataDir, port,
                    fresh ? " (initialising a new data directory)" : trusting ? " (upgrading trust authentication to passwords)" : "");
            EmbeddedPostgres.Builder b = builder(port, password, fresh ? passwordFile : null)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // durable: every commit is on disk before it is acknowledged (issue 9 part 1)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            EmbeddedPostgres pg = b.start();
            Server server = new Server(pg, password, dataDir, true);
            try {
                verifyOwnServer(server, trusting);
                if (trusting) {
                    upgradeTrust(server, dataDir);
                }
            } catch (RuntimeException | SQLException e) {
                closeQuietly(pg);
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动内置 PostgreSQL（数据目录 " + dataDir + "）：" + e.getMessage(), e);
        }
    }

    /**
     * A throw-away server for tests on a free port: fsync, synchronous_commit and full_page_writes are off because
     * nothing it holds must survive a crash, and every test JVM starts one. Never used when the platform runs.
     */
    public static Server fast() {
        String password = newPassword();
        Path pwfile = null;
        try {
            pwfile = Files.createTempFile("zhiben-pg-", ".pw"); // mode 0600 on POSIX
            Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
            EmbeddedPostgres pg = builder(0, password, pwfile)
                    .setCleanDataDirectory(true)
                    // zonky passes -F (fsync off) already; say all three explicitly
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            log.info("Embedded PostgreSQL for tests on 127.0.0.1:{}: fsync, synchronous_commit and full_page_writes OFF "
                    + "(fast, not durable; the platform itself never runs like this)", pg.getPort());
            return new Server(pg, password, null, false);
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        } finally {
            if (pwfile != null) {
                try {
                    Files.deleteIfExists(pwfile);
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
    }

    private static EmbeddedPostgres.Builder builder(int port, String password, Path pwfileForInitdb) {
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
                .setServerConfig("listen_addresses", "127.0.0.1")
                // no Unix socket: every client comes over TCP on the loopback address, with the password
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", password);
        if (pwfileForInitdb != null) {
            // zonky runs initdb with "-A trust"; these come after it on the command line and win
            b.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfileForInitdb.toString());
        }
        if (port > 0) {
            b.setPort(port);
        }
        return b;
    }

    // ---------------------------------------------------------------- the port and the data directory

    /**
     * A postmaster.pid naming a live postgres process means this data directory's server still runs: if no other
     * platform holds the directory (its lock file), the JVM that started it died, so it is stopped to be started
     * again by us. Then the port must be free.
     */
    static void stopOrphanOrRefuse(Path dataDir, int port) throws IOException {
        Optional<ProcessHandle> orphan = runningPostmaster(dataDir);
        if (orphan.isPresent()) {
            if (heldByAnotherProcess(dataDir.resolve("epg-lock"))) {
                throw new IllegalStateException("内置 PostgreSQL 的数据目录 " + dataDir + " 正被另一个正在运行的治本实例使用（数据库进程 "
                        + orphan.get().pid() + "）。同一数据目录只能由一个实例使用；多实例部署请连接同一个外部 PostgreSQL（见 README 生产部署）");
            }
            ProcessHandle p = orphan.get();
            log.warn("Embedded PostgreSQL (pid {}) of {} was left running by a previous run that ended abruptly; stopping it to start again",
                    p.pid(), dataDir);
            p.destroy(); // SIGTERM: smart shutdown; its clients died with the JVM
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("内置 PostgreSQL 的遗留进程 " + p.pid() + " 在 60 秒内未退出，请手动结束后重试", e);
            }
        }
        if (portTaken(port)) {
            throw new IllegalStateException("内置 PostgreSQL 的端口 " + port + " 已被其他程序占用（不是数据目录 " + dataDir
                    + " 启动的数据库）。为避免连到别人的数据库，平台拒绝启动：请停止占用该端口的程序，"
                    + "或用 --zhiben.db.embedded.port=<其他端口> 换一个端口");
        }
    }

    /** The live postgres process a postmaster.pid in this directory names, if any. */
    static Optional<ProcessHandle> runningPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(true));
    }

    private static boolean heldByAnotherProcess(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held in this JVM
        } catch (IOException e) {
            return false;
        }
    }

    /** Something answers on the port, or the loopback address cannot be bound on it. */
    static boolean portTaken(int port) {
        for (InetAddress a : loopbacks()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a, port), 300);
                return true;
            } catch (IOException ignored) {
                // nothing there
            }
        }
        try (ServerSocket s = new ServerSocket()) {
            // as PostgreSQL binds: connections of a killed server still in TIME_WAIT do not make the port taken
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static List<InetAddress> loopbacks() {
        try {
            return List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
        } catch (IOException e) {
            return List.of(InetAddress.getLoopbackAddress());
        }
    }

    /** The server that answers must be ours: its data directory is the one we started. */
    private static void verifyOwnServer(Server server, boolean trusting) throws SQLException {
        String reported;
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("show data_directory")) {
            rs.next();
            reported = rs.getString(1);
        }
        Path expected = server.dataDir();
        boolean same;
        try {
            same = Path.of(reported).toRealPath().equals(expected.toRealPath());
        } catch (IOException e) {
            same = false;
        }
        if (!same) {
            throw new IllegalStateException("端口 " + server.port() + " 上应答的 PostgreSQL 使用数据目录 " + reported + "，不是 " + expected
                    + "：平台拒绝在其他数据库上运行");
        }
    }

    /** A directory made by an earlier version: set the password, replace pg_hba.conf, reload. */
    private static void upgradeTrust(Server server, Path dataDir) throws SQLException, IOException {
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("set password_encryption = 'scram-sha-256'");
            st.execute("alter role postgres password '" + server.password().replace("'", "''") + "'");
        }
        Path hba = dataDir.resolve("pg_hba.conf");
        Path tmp = dataDir.resolve("pg_hba.conf.zhiben-new");
        Files.writeString(tmp, HBA, StandardCharsets.UTF_8);
        Files.move(tmp, hba, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("select pg_reload_conf()");
        }
        // the reload is asynchronous: wait until a connection without the password is refused
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (acceptsWithoutPassword(server)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("内置 PostgreSQL 未能切换到密码认证（pg_hba.conf 重新加载失败）");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        log.info("Embedded PostgreSQL in {} now requires the password (scram-sha-256); trust authentication removed", dataDir);
    }

    static boolean acceptsWithoutPassword(Server server) {
        Properties p = new Properties();
        p.setProperty("user", SUPERUSER);
        try (Connection ignored = DriverManager.getConnection(server.jdbcUrl("postgres"), p)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Whether a pg_hba.conf has an active rule with the trust method. */
    static boolean trusts(Path hba) throws IOException {
        if (!Files.exists(hba)) {
            return false;
        }
        for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            for (String token : f) {
                if (token.equals("trust")) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- the password file

    private static Optional<String> readPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String p = Files.readString(file, StandardCharsets.UTF_8).strip();
        return p.isEmpty() ? Optional.empty() : Optional.of(p);
    }

    private static String newPassword() {
        // 32 characters from an alphabet that needs no quoting in a shell, a URL or SQL
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Creates the file with mode 0600 from the start (never readable by others, not even briefly). */
    static void writeSecret(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        } catch (FileAlreadyExistsException e) {
            // an empty file left by an interrupted start: fill it
        }
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            log.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
