package cn.zhiben.platform.jobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The record of each job occurrence: who ran it, how often, with what outcome (platform_job, platform_job_run).
 * Every statement commits on its own: the ledger must say RUNNING while the job's own transactions commit.
 */
@Component
class JobLedger {

    enum Status { RUNNING, DONE, FAILED }

    private final JdbcClient jdbc;

    JobLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the platform first knew the job: occurrences before it are not "missed". */
    Instant register(String job, String cron, Instant now) {
        jdbc.sql("""
                        insert into platform_job (name, cron, registered_at) values (:n, :c, :at)
                        on conflict (name) do update set cron = excluded.cron""")
                .param("n", job).param("c", cron).param("at", Timestamp.from(now)).update();
        return jdbc.sql("select registered_at from platform_job where name = :n").param("n", job)
                .query(Timestamp.class).single().toInstant();
    }

    Optional<Status> status(String job, Instant occurrence) {
        return jdbc.sql("select status from platform_job_run where job = :j and occurrence = :o")
                .param("j", job).param("o", Timestamp.from(occurrence)).query(String.class).optional().map(Status::valueOf);
    }

    /** Marks the occurrence RUNNING (first try or again) and answers the attempt number. Call with the job's lock held. */
    int start(String job, Instant occurrence, String instance, Instant now) {
        return jdbc.sql("""
                        insert into platform_job_run (job, occurrence, status, attempts, instance, started_at)
                        values (:j, :o, 'RUNNING', 1, :i, :at)
                        on conflict (job, occurrence) do update
                            set status = 'RUNNING', attempts = platform_job_run.attempts + 1, instance = excluded.instance,
                                started_at = excluded.started_at, finished_at = null, summary = null
                        returning attempts""")
                .param("j", job).param("o", Timestamp.from(occurrence)).param("i", instance).param("at", Timestamp.from(now))
                .query(Integer.class).single();
    }

    void finish(String job, Instant occurrence, Status status, String summary, Instant now) {
        jdbc.sql("""
                        update platform_job_run set status = :s, summary = :m, finished_at = :at
                        where job = :j and occurrence = :o""")
                .param("s", status.name()).param("m", summary == null ? null : summary.length() > 1000 ? summary.substring(0, 1000) : summary)
                .param("at", Timestamp.from(now)).param("j", job).param("o", Timestamp.from(occurrence)).update();
    }

    int deleteRunsBefore(Instant before) {
        return jdbc.sql("delete from platform_job_run where occurrence < :b and status <> 'RUNNING'")
                .param("b", Timestamp.from(before)).update();
    }
}
