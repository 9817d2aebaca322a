package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.MonitoringProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * From checked readings to durable rows. Each point belongs to one lane (point number modulo lanes), a writer thread
 * that takes whatever is queued — up to maxBatch readings — and writes it in one transaction, so under load batches
 * grow and commits stay few (group commit) while at low load a reading waits for no timer. An upload's completion
 * runs once every lane holding a part of it has committed: only then is it acknowledged (MQTT PUBACK, HTTP 2xx).
 * Above the high-water mark of queued readings the pipeline reports itself overloaded (MQTT stops reading sockets,
 * HTTP answers 503) until the queue falls below the low-water mark.
 */
@Component
public class IngestPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    /** Called once per upload: stored = every reading is durable (new or an earlier duplicate). */
    public interface Completion {
        void completed(boolean stored);
    }

    /** After each commit, for live views (runs on the lane thread: must not block). */
    public interface CommitListener {
        void committed(ReadingWriter.Result result);
    }

    private final ReadingWriter writer;
    private final MonitoringProperties.Ingest config;
    private final List<Lane> lanes = new ArrayList<>();
    private final AtomicLong queued = new AtomicLong();
    private final List<Consumer<Boolean>> overloadListeners = new CopyOnWriteArrayList<>();
    private final List<CommitListener> commitListeners = new CopyOnWriteArrayList<>();
    private volatile boolean overloaded;
    private volatile boolean running;
    private final AtomicLong committedReadings = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    IngestPipeline(ReadingWriter writer, MonitoringProperties properties) {
        this.writer = writer;
        this.config = properties.ingest();
    }

    public void submit(List<Reading> readings, Completion done) {
        if (readings.isEmpty()) {
            done.completed(true);
            return;
        }
        if (!running) {
            done.completed(false);
            return;
        }
        Map<Integer, List<Reading>> byLane = new HashMap<>();
        for (Reading r : readings) {
            byLane.computeIfAbsent(Math.floorMod(r.point().no(), lanes.size()), k -> new ArrayList<>()).add(r);
        }
        Ticket ticket = new Ticket(byLane.size(), done);
        queued.addAndGet(readings.size());
        byLane.forEach((lane, part) -> lanes.get(lane).queue.add(new Part(part, ticket)));
        checkWater();
    }

    public boolean overloaded() {
        return overloaded;
    }

    public long queued() {
        return queued.get();
    }

    public long committedReadings() {
        return committedReadings.get();
    }

    public long commits() {
        return commits.get();
    }

    public void onOverload(Consumer<Boolean> listener) {
        overloadListeners.add(listener);
    }

    public void onCommit(CommitListener listener) {
        commitListeners.add(listener);
    }

    private void checkWater() {
        long q = queued.get();
        boolean change = false;
        synchronized (this) {
            if (!overloaded && q >= config.highWater()) {
                overloaded = true;
                change = true;
            } else if (overloaded && q <= config.lowWater()) {
                overloaded = false;
                change = true;
            }
        }
        if (change) {
            boolean now = overloaded;
            log.info("monitoring ingestion {} ({} readings queued)", now ? "overloaded: pausing intake" : "resumed", q);
            overloadListeners.forEach(l -> l.accept(now));
        }
    }

    private record Part(List<Reading> readings, Ticket ticket) {
    }

    private static final class Ticket {
        private final AtomicInteger remaining;
        private final Completion done;
        private volatile boolean failed;

        Ticket(int parts, Completion done) {
            this.remaining = new AtomicInteger(parts);
            this.done = done;
        }

        void partDone(boolean ok) {
            if (!ok) {
                failed = true;
            }
            if (remaining.decrementAndGet() == 0) {
                try {
                    done.completed(!failed);
                } catch (RuntimeException e) {
                    log.warn("monitoring: completion callback failed", e);
                }
            }
        }
    }

    private final class Lane implements Runnable {
        final int index;
        final LinkedBlockingQueue<Part> queue = new LinkedBlockingQueue<>();
        final Map<Integer, PointState> states = new HashMap<>();
        Thread thread;

        Lane(int index) {
            this.index = index;
        }

        @Override
        public void run() {
            while (running || !queue.isEmpty()) {
                Part first;
                try {
                    first = queue.poll(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (first == null) {
                    continue;
                }
                List<Part> batch = new ArrayList<>();
                batch.add(first);
                int n = first.readings().size();
                Part next;
                while (n < config.maxBatch() && (next = queue.poll()) != null) {
                    batch.add(next);
                    n += next.readings().size();
                }
                List<Reading> all = new ArrayList<>(n);
                batch.forEach(p -> all.addAll(p.readings()));
                ReadingWriter.Result result = null;
                try {
                    result = writer.write(all, states);
                    committedReadings.addAndGet(all.size());
                    commits.incrementAndGet();
                } catch (RuntimeException e) {
                    log.warn("monitoring lane {}: batch of {} readings not stored ({}); senders will retry", index, n, e.getMessage());
                }
                queued.addAndGet(-n);
                boolean ok = result != null;
                for (Part p : batch) {
                    p.ticket().partDone(ok);
                }
                checkWater();
                if (ok) {
                    for (CommitListener l : commitListeners) {
                        try {
                            l.committed(result);
                        } catch (RuntimeException e) {
                            log.debug("commit listener failed", e);
                        }
                    }
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        lanes.clear();
        for (int i = 0; i < Math.max(1, config.lanes()); i++) {
            Lane lane = new Lane(i);
            lanes.add(lane);
            lane.thread = new Thread(lane, "monitoring-lane-" + i);
            lane.thread.setDaemon(true);
            lane.thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        for (Lane l : lanes) {
            try {
                l.thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the MQTT endpoint and stops after it, so nothing is accepted that cannot be written. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
