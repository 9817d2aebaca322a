package cn.zhiben.platform.jobs;

import cn.zhiben.platform.PlatformConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs every {@link ClusterJob} bean (decision 0011): each cron firing and each start-up catch-up goes through
 * {@link #runOccurrence}, which takes the job's cluster lock, skips an occurrence the ledger says is done, and records
 * the outcome. So an occurrence runs on one instance only, and again only if it failed or its instance died.
 */
@Component
public class JobScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
    /** A cron firing may come a little before its time; it still belongs to that occurrence. */
    private static final Duration EARLY = Duration.ofSeconds(2);
    private final Map<String, ClusterJob> jobs;
    private final ClusterLocks locks;
    private final JobLedger ledger;
    private final Clock clock;
    private final String instance;
    private final ObjectProvider<TaskScheduler> scheduler;

    JobScheduler(List<ClusterJob> jobs, ClusterLocks locks, JobLedger ledger, Clock clock, ObjectProvider<TaskScheduler> scheduler) {
        this.jobs = jobs.stream().collect(Collectors.toMap(ClusterJob::name, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two jobs named " + a.name());
        }, java.util.LinkedHashMap::new));
        this.jobs.values().forEach(j -> CronExpression.parse(j.cron()));
        this.locks = locks;
        this.ledger = ledger;
        this.clock = clock;
        this.instance = instanceName();
        this.scheduler = scheduler;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (ClusterJob job : jobs.values()) {
            registrar.addCronTask(new CronTask(() -> fire(job), new CronTrigger(job.cron(), PlatformConfiguration.ZONE)));
        }
    }

    /** After start: remember new jobs, then run each job's missed occurrence, off the start-up thread. */
    @EventListener(ApplicationReadyEvent.class)
    void started() {
        Runnable catchUp = () -> {
            try {
                catchUp();
            } catch (RuntimeException e) {
                log.error("job catch-up at start-up failed", e);
            }
        };
        TaskScheduler tasks = scheduler.getIfAvailable();
        if (tasks != null) {
            tasks.schedule(catchUp, Instant.now());
        } else {
            catchUp.run();
        }
    }

    /** The names of the jobs this instance runs. */
    public List<String> jobNames() {
        return List.copyOf(jobs.keySet());
    }

    /**
     * For each job that catches up: if its latest due occurrence (after the job became known) was not done, runs it
     * once — however many occurrences were missed. Answers how many ran here.
     */
    public int catchUp() {
        int ran = 0;
        Instant now = clock.instant();
        for (ClusterJob job : jobs.values()) {
            Instant registered = ledger.register(job.name(), job.cron(), now);
            if (!job.catchUp()) {
                continue;
            }
            Optional<Instant> latest = latestOccurrence(job.cron(), now);
            if (latest.isPresent() && latest.get().isAfter(registered)
                    && ledger.status(job.name(), latest.get()).filter(s -> s == JobLedger.Status.DONE).isEmpty()) {
                log.info("job {}: occurrence {} was missed while the platform was down; running it now", job.name(), latest.get());
                if (runOccurrence(job, latest.get(), true)) {
                    ran++;
                }
            }
        }
        return ran;
    }

    /** A cron firing: the occurrence is the latest due time. */
    void fire(ClusterJob job) {
        try {
            Instant now = clock.instant();
            Instant occurrence = latestOccurrence(job.cron(), now.plus(EARLY)).orElse(now);
            runOccurrence(job, occurrence, false);
        } catch (RuntimeException e) {
            log.error("job {} could not run", job.name(), e);
        }
    }

    /** Runs the named job's occurrence unless another instance holds it or it is done; true if it ran here. */
    public boolean runOccurrence(String name, Instant occurrence) {
        ClusterJob job = Optional.ofNullable(jobs.get(name)).orElseThrow(() -> new IllegalArgumentException("no job " + name));
        return runOccurrence(job, occurrence, false);
    }

    private boolean runOccurrence(ClusterJob job, Instant occurrence, boolean catchUp) {
        Optional<ClusterLocks.Lease> lease = locks.tryAcquire("job:" + job.name());
        if (lease.isEmpty()) {
            log.debug("job {}: running on another instance", job.name());
            return false;
        }
        try (ClusterLocks.Lease held = lease.get()) {
            Optional<JobLedger.Status> status = ledger.status(job.name(), occurrence);
            if (status.filter(s -> s == JobLedger.Status.DONE).isPresent()) {
                return false;
            }
            if (status.filter(s -> s == JobLedger.Status.RUNNING).isPresent()) {
                log.warn("job {}: occurrence {} was left running by an instance that stopped; running it again", job.name(), occurrence);
            }
            int attempt = ledger.start(job.name(), occurrence, instance, clock.instant());
            long t0 = System.nanoTime();
            try {
                String summary = job.run(new JobRun(job.name(), occurrence, attempt, catchUp));
                ledger.finish(job.name(), occurrence, JobLedger.Status.DONE, summary, clock.instant());
                log.info("job {} ({}): {} in {} ms", job.name(), occurrence, summary, (System.nanoTime() - t0) / 1_000_000);
            } catch (Exception e) {
                log.error("job {} ({}) failed", job.name(), occurrence, e);
                ledger.finish(job.name(), occurrence, JobLedger.Status.FAILED,
                        e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
            }
            return true;
        }
    }

    /** The latest time the cron expression fires at or before {@code at}, looking back up to about a year. */
    static Optional<Instant> latestOccurrence(String cron, Instant at) {
        CronExpression expression = CronExpression.parse(cron);
        ZonedDateTime end = at.atZone(PlatformConfiguration.ZONE);
        for (Duration back = Duration.ofHours(1); back.compareTo(Duration.ofDays(800)) <= 0; back = back.multipliedBy(4)) {
            ZonedDateTime candidate = null;
            ZonedDateTime next = expression.next(end.minus(back));
            while (next != null && !next.isAfter(end)) {
                candidate = next;
                next = expression.next(next);
            }
            if (candidate != null) {
                return Optional.of(candidate.toInstant());
            }
        }
        return Optional.empty();
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        // several contexts in one JVM (the two-instance test) are told apart by the suffix
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
