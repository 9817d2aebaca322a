package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.MonitoringProperties;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.PlatformProperties;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The built-in simulator (demo mode): the demo devices connect to the MQTT endpoint like real ones and publish their
 * points every interval with QoS 1, following {@link DemoScenario}. Off in tests (zhiben.monitoring.simulator.enabled).
 * The same MQTT payloads, at any rate, come from {@link LoadGenerator} pointed at any instance.
 */
@Component
class Simulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);
    private final boolean enabled;
    private final MonitoringProperties.Simulator config;
    private final MqttEndpoint endpoint;
    private final PointRegistry registry;
    private final ShutdownOrders shutdowns;
    private final Clock clock;
    private final Map<String, MqttClient> clients = new HashMap<>();
    private ScheduledExecutorService timer;
    private volatile boolean running;

    Simulator(PlatformProperties platform, MonitoringProperties properties, MqttEndpoint endpoint, PointRegistry registry,
              ShutdownOrders shutdowns, Clock clock) {
        this.config = properties.simulator();
        this.enabled = config.enabled() == null ? platform.demo() && properties.demoData() : config.enabled();
        this.endpoint = endpoint;
        this.registry = registry;
        this.shutdowns = shutdowns;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!enabled || endpoint.port() <= 0) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "monitoring-simulator");
            t.setDaemon(true);
            return t;
        });
        // the first tick waits for the demo devices (made by the demo data runner after start-up)
        timer.scheduleWithFixedDelay(this::tick, 15_000, config.interval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Monitoring simulator: demo devices report every {} over MQTT port {}", config.interval(), endpoint.port());
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
            for (DemoScenario.Device d : DemoScenario.DEVICES) {
                StringBuilder json = new StringBuilder("{\"readings\":[");
                boolean first = true;
                UUID enterprise = null;
                for (DemoScenario.Point p : d.points()) {
                    PointInfo info = registry.point(p.code()).orElse(null);
                    if (info == null || p.behaviour() == DemoScenario.Behaviour.SILENT) {
                        continue;
                    }
                    enterprise = info.enterpriseId();
                    boolean shutdown = p.kind().electricity() && !shutdowns.inForce(info.enterpriseId(), today).isEmpty();
                    double v = DemoScenario.value(p, now, shutdown);
                    json.append(first ? "" : ",").append("{\"point\":\"").append(p.code()).append("\",\"seq\":")
                            .append(now.toEpochMilli()).append(",\"ts\":").append(now.toEpochMilli()).append(",\"value\":")
                            .append(v).append('}');
                    first = false;
                }
                if (enterprise == null) {
                    continue;
                }
                json.append("]}");
                MqttClient c = client(d.code());
                MqttMessage m = new MqttMessage(json.toString().getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                c.publish("zhiben/v1/" + d.code() + "/readings", m);
            }
        } catch (MqttException | RuntimeException e) {
            log.debug("monitoring simulator: {}", e.toString());
        }
    }

    private MqttClient client(String device) throws MqttException {
        MqttClient c = clients.get(device);
        if (c != null && c.isConnected()) {
            return c;
        }
        if (c != null) {
            try {
                c.close(true);
            } catch (MqttException ignored) {
                // replaced below
            }
        }
        c = new MqttClient("tcp://127.0.0.1:" + endpoint.port(), "sim-" + device, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(device);
        o.setPassword(DemoScenario.DEMO_SECRET.toCharArray());
        o.setCleanSession(true);
        o.setConnectionTimeout(10);
        c.connect(o);
        clients.put(device, c);
        return c;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
        for (MqttClient c : clients.values()) {
            try {
                c.disconnectForcibly(500, 500);
                c.close(true);
            } catch (MqttException ignored) {
                // shutting down
            }
        }
        clients.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 500;
    }
}
