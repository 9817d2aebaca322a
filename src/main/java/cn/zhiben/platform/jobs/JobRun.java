package cn.zhiben.platform.jobs;

import cn.zhiben.platform.PlatformConfiguration;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One occurrence of a {@link ClusterJob} being run.
 *
 * @param job        the job's name
 * @param occurrence when the cron expression made it due (not when it started: a caught-up run is late)
 * @param attempt    1 for the first try of this occurrence, more when a failed or interrupted one runs again
 * @param catchUp    run at start-up for an occurrence missed while the platform was down
 */
public record JobRun(String job, Instant occurrence, int attempt, boolean catchUp) {

    /** The business date the occurrence belongs to (Asia/Shanghai). */
    public LocalDate businessDate() {
        return occurrence.atZone(PlatformConfiguration.ZONE).toLocalDate();
    }
}
