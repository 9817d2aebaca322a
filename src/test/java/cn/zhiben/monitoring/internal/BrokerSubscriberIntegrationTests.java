package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.MonitoringProperties;
import cn.zhiben.monitoring.MonitoringTestSupport;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The external-broker path of decision 0014 without a broker (none runs in CI): what {@link BrokerSubscriber} does with
 * a delivered message once the pipeline has answered — the PUBACK only after the commit, and a new connection (so the
 * broker delivers again) when the write failed.
 */
class BrokerSubscriberIntegrationTests extends MonitoringTestSupport {

    @Autowired
    MonitoringProperties properties;
    @Autowired
    PointRegistry registry;
    @Autowired
    Intake intake;
    @Autowired
    IngestPipeline pipeline;
    @Autowired
    Rejections rejections;

    /** Records what the subscriber would send to the broker instead of sending it. */
    final class Recording extends BrokerSubscriber {
        final List<Integer> acked = new CopyOnWriteArrayList<>();
        final AtomicInteger renewals = new AtomicInteger();

        Recording(IngestPipeline pipeline) {
            super(properties, registry, intake, pipeline, rejections);
        }

        @Override
        void ack(MqttMessage m) {
            acked.add(m.getId());
        }

        @Override
        void redeliver() {
            renewals.incrementAndGet();
        }
    }

    private static MqttMessage message(int id, String json) {
        MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        m.setId(id);
        m.setQos(1);
        return m;
    }

    @Test
    void aDeliveredReadingIsAcknowledgedToTheBrokerOnlyOnceItIsStored() {
        Setup s = setup(PointSpec.of("CO", PointKind.CARBON_MONOXIDE, "*"));
        Recording subscriber = new Recording(pipeline);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(20);

        subscriber.messageArrived("zhiben/v1/" + s.device() + "/readings", message(41, batch(reading(s.code("CO"), 1, t, 3.0))));

        await().atMost(Duration.ofSeconds(20)).until(() -> !subscriber.acked.isEmpty());
        assertThat(stored(s.id("CO"))).isEqualTo(1);
        assertThat(subscriber.acked).containsExactly(41);
        assertThat(subscriber.renewals).hasValue(0);
    }

    @Test
    void aReadingThatCouldNotBeStoredIsNotAcknowledgedAndTheConnectionIsRenewedSoTheBrokerSendsItAgain() {
        Setup s = setup(PointSpec.of("CO", PointKind.CARBON_MONOXIDE, "*"));
        // a pipeline that is not running answers "not stored" to every upload, as a failed batch write does
        Recording subscriber = new Recording(new IngestPipeline(null, properties));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(20);

        subscriber.messageArrived("zhiben/v1/" + s.device() + "/readings", message(42, batch(reading(s.code("CO"), 1, t, 3.0))));

        assertThat(subscriber.renewals).hasValue(1);
        assertThat(subscriber.acked).isEmpty();
        assertThat(stored(s.id("CO"))).isZero();
    }

    @Test
    void aMessageOnATopicOfNoRegisteredDeviceIsAcknowledgedAndCountedNotRedeliveredForever() {
        Recording subscriber = new Recording(pipeline);

        subscriber.messageArrived("zhiben/v1/NO-SUCH-DEVICE-" + System.nanoTime() + "/readings", message(43, "{}"));

        assertThat(subscriber.acked).containsExactly(43);
        assertThat(subscriber.renewals).hasValue(0);
    }
}
