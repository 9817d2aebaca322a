package cn.zhiben.platform.jobs;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * {@link ClusterLocks} on PostgreSQL advisory locks (decision 0011). The key is the first 8 bytes of SHA-256 of
 * "zhiben:" + name. A lease holds one pooled connection, outside any transaction, until it is closed; closing unlocks
 * before the connection goes back to the pool, and a connection whose unlock failed is evicted, never reused with a
 * lock still on it.
 */
@Component
class AdvisoryLocks implements ClusterLocks {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLocks.class);
    private static final Executor DIRECT = Runnable::run;
    private final DataSource dataSource;

    AdvisoryLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static long key(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("zhiben:" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Lease> tryAcquire(String name) {
        long key = key(name);
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            boolean got;
            try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    got = rs.getBoolean(1);
                }
            }
            if (!got) {
                c.close();
                return Optional.empty();
            }
            return Optional.of(new AdvisoryLease(name, key, c));
        } catch (SQLException e) {
            discard(c);
            throw new IllegalStateException("cluster lock " + name + " could not be taken", e);
        }
    }

    /** Out of the pool for good, so no other borrower gets a connection that may still hold the lock. */
    private void discard(Connection c) {
        if (c == null) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(c);
            } else {
                c.abort(DIRECT);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("could not discard a lock connection", e);
        }
    }

    private final class AdvisoryLease implements Lease {
        private final String name;
        private final long key;
        private Connection connection;

        AdvisoryLease(String name, long key, Connection connection) {
            this.name = name;
            this.key = key;
            this.connection = connection;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized void close() {
            if (connection == null) {
                return;
            }
            Connection c = connection;
            connection = null;
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
                ps.setLong(1, key);
                ps.execute();
                c.close();
            } catch (SQLException e) {
                log.warn("cluster lock {} not released cleanly; its connection is discarded", name, e);
                discard(c);
            }
        }
    }
}
