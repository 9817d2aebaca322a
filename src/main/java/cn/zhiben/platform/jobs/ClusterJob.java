package cn.zhiben.platform.jobs;

/**
 * A scheduled job that runs on exactly one instance per occurrence, however many instances share the database
 * (issue 9 part 7, decision 0011). A module declares its job as a bean; the platform's {@link JobScheduler} schedules it
 * by its cron expression in Asia/Shanghai, takes the job's cluster lock, records the occurrence in the job ledger
 * ({@code platform_job_run}) and skips an occurrence another instance has already done. If no instance ran when an
 * occurrence was due (the platform was down), the latest missed occurrence runs once at the next start.
 *
 * <p>The work commits its own transactions, one per item (a hazard, a certificate), so a failure of one item rolls back
 * only that item; a job must be idempotent, because an occurrence that failed or whose instance died runs again.
 */
public interface ClusterJob {

    /** Stable name, {@code <module>.<job>}: the key of its lock and of its ledger rows. Never rename a deployed job. */
    String name();

    /** Spring cron expression (second minute hour day month weekday), evaluated in Asia/Shanghai. */
    String cron();

    /**
     * Whether the latest occurrence missed while no instance was running runs once at the next start. Nightly work:
     * yes (the default). Frequent housekeeping that simply runs again a minute later: no.
     */
    default boolean catchUp() {
        return true;
    }

    /**
     * Does the work of one occurrence.
     *
     * @return a short summary for the ledger, e.g. "12 hazards marked overdue"
     */
    String run(JobRun run) throws Exception;

    /** The work of a job given as a function. */
    @FunctionalInterface
    interface Work {
        String run(JobRun run) throws Exception;
    }

    /** A job from its parts, for jobs that are a few lines of work. */
    static ClusterJob of(String name, String cron, boolean catchUp, Work work) {
        return new ClusterJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String cron() {
                return cron;
            }

            @Override
            public boolean catchUp() {
                return catchUp;
            }

            @Override
            public String run(JobRun run) throws Exception {
                return work.run(run);
            }

            @Override
            public String toString() {
                return "ClusterJob " + name;
            }
        };
    }
}
