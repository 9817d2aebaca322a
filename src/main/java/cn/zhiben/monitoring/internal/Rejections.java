package cn.zhiben.monitoring.internal;

import cn.zhiben.platform.PlatformConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts rejected readings by day, channel and reason and keeps a sample of them for inspection, without ever
 * blocking ingestion: counting is in memory and written every few seconds; samples are capped per reason and minute
 * (a device sending garbage at full speed must not fill the disk).
 */
@Component
public class Rejections {

    public enum Channel { MQTT, HTTP, BROKER }

    private static final int SAMPLES_PER_MINUTE = 60;
    private static final int MAX_PAYLOAD = 2000;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<MeterRegistry> meters;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> sampledThisMinute = new ConcurrentHashMap<>();
    private volatile long minute;

    Rejections(JdbcClient jdbc, Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    record Sample(Instant at, Channel channel, RejectReason reason, String device, String point, String detail, String payload) {
    }

    public void reject(Channel channel, RejectReason reason, String deviceCode, String pointCode, String detail, String payload) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, PlatformConfiguration.ZONE);
        counts.computeIfAbsent(day + "|" + channel + "|" + reason, k -> new LongAdder()).increment();
        MeterRegistry m = meters.getIfAvailable();
        if (m != null) {
            m.counter("zhiben.monitoring.rejected", "channel", channel.name(), "reason", reason.name()).increment();
        }
        long thisMinute = now.getEpochSecond() / 60;
        if (thisMinute != minute) {
            minute = thisMinute;
            sampledThisMinute.clear();
        }
        if (sampledThisMinute.computeIfAbsent(reason.name(), k -> new AtomicInteger()).incrementAndGet() <= SAMPLES_PER_MINUTE) {
            samples.add(new Sample(now, channel, reason, deviceCode, pointCode, detail == null ? reason.label() : detail,
                    payload == null ? null : payload.length() > MAX_PAYLOAD ? payload.substring(0, MAX_PAYLOAD) + "…" : payload));
        }
    }

    /** Writes what was counted and sampled since the last flush. */
    @Scheduled(fixedDelayString = "${zhiben.monitoring.reject-flush:5s}")
    public synchronized void flush() {
        List<Map.Entry<String, Long>> taken = new ArrayList<>();
        for (var e : counts.entrySet()) {
            long n = e.getValue().sumThenReset();
            if (n > 0) {
                taken.add(Map.entry(e.getKey(), n));
            }
        }
        for (var e : taken) {
            String[] k = e.getKey().split("\\|");
            jdbc.sql("""
                    insert into mon_reject_count (day, channel, reason, count) values (:d, :c, :r, :n)
                    on conflict (day, channel, reason) do update set count = mon_reject_count.count + excluded.count""")
                    .param("d", LocalDate.parse(k[0])).param("c", k[1]).param("r", k[2]).param("n", e.getValue()).update();
        }
        Sample s;
        while ((s = samples.poll()) != null) {
            jdbc.sql("""
                    insert into mon_reject (at, channel, reason, device_code, point_code, detail, payload)
                    values (:at, :c, :r, :d, :p, :det, :pl)""")
                    .param("at", Timestamp.from(s.at())).param("c", s.channel().name()).param("r", s.reason().name())
                    .param("d", s.device()).param("p", s.point()).param("det", s.detail()).param("pl", s.payload()).update();
        }
    }
}
