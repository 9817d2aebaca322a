package cn.zhiben.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * zhiben.monitoring.* — defaults and the reason for each are in docs/monitoring.md.
 *
 * @param demoData  demo mode: demo devices and points at a few demo enterprises (first start only)
 */
@ConfigurationProperties("zhiben.monitoring")
public record MonitoringProperties(
        @DefaultValue Mqtt mqtt,
        @DefaultValue Broker broker,
        @DefaultValue Ingest ingest,
        @DefaultValue Retention retention,
        @DefaultValue Escalation escalation,
        @DefaultValue Electricity electricity,
        @DefaultValue Simulator simulator,
        @DefaultValue("true") boolean demoData) {

    /**
     * The built-in MQTT ingestion endpoint (devices connect with their device code and secret).
     *
     * @param port 0 = a free port (tests); the chosen port is logged and available from the endpoint bean
     */
    public record Mqtt(@DefaultValue("true") boolean enabled, @DefaultValue("0.0.0.0") String host,
                       @DefaultValue("1883") int port, @DefaultValue("256KB") DataSize maxMessageSize) {
    }

    /**
     * An external broker (EMQX, Mosquitto, …): subscribed with a shared subscription, acknowledged only after the write.
     *
     * @param url   e.g. tcp://broker:1883; empty = not used
     * @param group the shared-subscription group; every instance of the platform joins the same one
     */
    public record Broker(String url, String username, String password, @DefaultValue("zhiben") String group,
                         @DefaultValue("zhiben/v1/+/readings") String topic, String clientId) {
    }

    /**
     * @param lanes          writer threads; a point always goes to the same lane, so its readings stay in order
     * @param maxBatch       most readings one transaction writes (group commit)
     * @param highWater      queued readings at which MQTT connections stop being read and HTTP answers 503
     * @param lowWater       queued readings at which reading resumes
     * @param maxFuture      how far a reading's time may lie ahead of the server clock
     */
    /**
     * @param stateRefresh a lane that has not seen a point for this long reloads the point's rule state (latest value,
     *                     flat-line start, active conditions) from the database before judging its next reading, so a
     *                     point that moved from another instance is judged from where that instance left it (our
     *                     inference: a minute is longer than the usual reporting interval of 10–30 s, so points that
     *                     stream steadily to one instance never reload)
     */
    public record Ingest(@DefaultValue("2") int lanes, @DefaultValue("5000") int maxBatch,
                         @DefaultValue("200000") int highWater, @DefaultValue("50000") int lowWater,
                         @DefaultValue("5m") Duration maxFuture, @DefaultValue("60s") Duration stateRefresh) {
    }

    /**
     * @param raw              raw readings (partitions dropped after); AQ 6201-2019 asks ≥ 7 days for key points [P]
     * @param aggregates       5-minute aggregates; AQ 6201-2019 asks ≥ 1 year [P]
     * @param alarms           closed alarms and their timelines; ≥ 1 year like the aggregates
     * @param rejects          kept samples of rejected readings
     * @param partitionsAhead  daily partitions created ahead of today
     */
    public record Retention(@DefaultValue("30d") Duration raw, @DefaultValue("400d") Duration aggregates,
                            @DefaultValue("1095d") Duration alarms, @DefaultValue("30d") Duration rejects,
                            @DefaultValue("3") int partitionsAhead) {
    }

    /** Response time per level before an alarm not responded to is escalated (INFERENCE, docs/monitoring.md). */
    public record Escalation(@DefaultValue("15m") Duration red, @DefaultValue("30m") Duration orange,
                             @DefaultValue("60m") Duration yellow, @DefaultValue("240m") Duration blue) {

        public Duration of(AlarmLevel level) {
            return switch (level) {
                case RED -> red;
                case ORANGE -> orange;
                case YELLOW -> yellow;
                case BLUE -> blue;
            };
        }
    }

    /**
     * @param baselineDays days of history the idle baseline is learned from
     * @param percentile   the low percentile of the 5-minute load taken as the idle load
     * @param minDays      fewer days with data: no baseline, no electricity alarm (the page says so)
     */
    public record Electricity(@DefaultValue("30") int baselineDays, @DefaultValue("0.1") double percentile,
                              @DefaultValue("3") int minDays) {
    }

    /**
     * The built-in simulator that feeds the demo devices (demo mode only).
     *
     * @param enabled  null = on in demo mode
     * @param interval how often each simulated sensor reports
     */
    public record Simulator(Boolean enabled, @DefaultValue("10s") Duration interval) {
    }
}
