package cn.zhiben.platform.jobs;

import java.util.Optional;

/**
 * Named locks held across all instances on one database: PostgreSQL session-level advisory locks on a connection kept
 * for the lease. If the holding instance dies, its connection closes and the lock is free at once (no expiry to wait
 * for, nothing to clean up). Used by the job scheduler and by background work such as imports.
 */
public interface ClusterLocks {

    /** The lock if no instance holds it now; never waits. Close the lease to release it. */
    Optional<Lease> tryAcquire(String name);

    /** A held lock. */
    interface Lease extends AutoCloseable {
        String name();

        @Override
        void close();
    }
}
