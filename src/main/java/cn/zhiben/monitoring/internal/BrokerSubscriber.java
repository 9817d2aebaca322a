package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.MonitoringProperties;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ingestion from an external broker (EMQX, Mosquitto; zhiben.monitoring.broker.url): a persistent session subscribed
 * with a shared subscription ($share/&lt;group&gt;/zhiben/v1/+/readings, so several instances of the platform share the
 * stream) and manual acknowledgements — the PUBACK to the broker is sent only after the readings are committed, so a
 * crash means the broker delivers again. A write that fails leaves its message unacknowledged and renews the
 * connection: only a new connection makes the broker send an unacknowledged message again (MQTT 3.1.1 §4.4), as
 * {@link MqttEndpoint} closes the device's connection in the same case. The device is named by the topic; the broker authenticates devices (its ACL
 * must let a device publish only to its own topic).
 */
@Component
class BrokerSubscriber implements SmartLifecycle, MqttCallbackExtended {

    private static final Logger log = LoggerFactory.getLogger(BrokerSubscriber.class);
    private final MonitoringProperties.Broker config;
    private final PointRegistry registry;
    private final Intake intake;
    private final IngestPipeline pipeline;
    private final Rejections rejections;
    private volatile MqttClient client;
    private volatile boolean running;
    /** One renewal at a time: a failed batch fails many messages at once. */
    private final AtomicBoolean renewing = new AtomicBoolean();

    BrokerSubscriber(MonitoringProperties properties, PointRegistry registry, Intake intake, IngestPipeline pipeline,
                     Rejections rejections) {
        this.config = properties.broker();
        this.registry = registry;
        this.intake = intake;
        this.pipeline = pipeline;
        this.rejections = rejections;
    }

    String filter() {
        return "$share/" + config.group() + "/" + config.topic();
    }

    @Override
    public synchronized void start() {
        running = true;
        if (config.url() == null || config.url().isBlank()) {
            return;
        }
        try {
            String id = config.clientId() != null ? config.clientId() : "zhiben-" + UUID.randomUUID().toString().substring(0, 8);
            client = new MqttClient(config.url(), id, new MemoryPersistence());
            client.setManualAcks(true);
            client.setCallback(this);
            MqttConnectOptions o = new MqttConnectOptions();
            // a persistent session: unacknowledged messages are kept by the broker across our restarts
            o.setCleanSession(false);
            o.setAutomaticReconnect(true);
            o.setMaxInflight(1000);
            if (config.username() != null) {
                o.setUserName(config.username());
                o.setPassword(config.password() == null ? new char[0] : config.password().toCharArray());
            }
            client.connect(o);
            client.subscribe(filter(), 1);
            log.info("Monitoring: subscribed to {} on {} (acknowledged after the write)", filter(), config.url());
        } catch (MqttException e) {
            throw new IllegalStateException("外部 MQTT 服务器 " + config.url() + " 无法连接或订阅", e);
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        if (reconnect) {
            try {
                client.subscribe(filter(), 1);
            } catch (MqttException e) {
                log.warn("monitoring: re-subscription to {} failed: {}", filter(), e.toString());
            }
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        String[] parts = topic.split("/");
        String deviceCode = parts.length == 4 ? parts[2] : null;
        DeviceInfo device = registry.device(deviceCode).filter(DeviceInfo::enabled).orElse(null);
        if (device == null) {
            rejections.reject(Rejections.Channel.BROKER, RejectReason.FOREIGN_TOPIC, deviceCode, null,
                    "主题 " + topic + " 不对应已登记的设备", new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            ack(message);
            return;
        }
        Intake.Checked c = intake.accept(Rejections.Channel.BROKER, device, message.getPayload());
        pipeline.submit(c.valid(), stored -> {
            if (stored) {
                ack(message);
            } else {
                redeliver();
            }
        });
    }

    /**
     * Not stored: no PUBACK, and a new connection so that the broker (persistent session) sends the message again.
     * Without it the message would wait, holding one of the broker's in-flight slots for this client, until a restart.
     * Runs off the ingestion lane (disconnecting waits for the network).
     */
    void redeliver() {
        if (!renewing.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                MqttClient c = client;
                if (c != null && c.isConnected()) {
                    log.warn("monitoring: readings from {} not stored; reconnecting so the broker delivers them again", config.url());
                    c.disconnectForcibly(0, 5000);
                    c.reconnect();
                }
            } catch (MqttException e) {
                log.warn("monitoring: renewing the connection to {} failed: {}", config.url(), e.toString());
            } finally {
                renewing.set(false);
            }
        }, "monitoring-broker-renew");
        t.setDaemon(true);
        t.start();
    }

    void ack(MqttMessage m) {
        try {
            client.messageArrivedComplete(m.getId(), m.getQos());
        } catch (MqttException e) {
            log.debug("monitoring: ack to broker failed: {}", e.toString());
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        log.warn("monitoring: connection to {} lost ({}); reconnecting", config.url(), cause.toString());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // this client only subscribes
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (client != null) {
            try {
                client.disconnect(5000);
                client.close();
            } catch (MqttException ignored) {
                // shutting down
            }
            client = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
