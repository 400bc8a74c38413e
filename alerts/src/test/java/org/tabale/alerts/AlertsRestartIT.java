package org.tabale.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.lifecycle.AlertLifecycle;
import org.tabale.alerts.lifecycle.Change;
import org.tabale.alerts.lifecycle.Observation;
import org.tabale.alerts.lifecycle.Silence;
import org.tabale.alerts.notify.Delivery;
import org.tabale.alerts.notify.Notification;
import org.tabale.alerts.route.Router;
import org.tabale.alerts.rules.Severity;
import org.tabale.broker.TopicAdmin;
import org.tabale.model.ClientSettings;
import org.tabale.model.JsonSerde;
import org.tabale.model.Metric;
import org.tabale.model.Topics;
import org.tabale.testkit.KafkaTestCluster;
import org.tabale.testkit.RealKafka;

/**
 * The alert service writes an alert change, the pending deliveries of its message and its stats
 * position in one transaction, under a transactional id that survives restarts: a process killed
 * in the middle of one leaves nothing of it to a restarted service (which aborts it at once, before
 * reading back), and nothing it wrote after it is lost to the read-back. Transactions committed
 * (here, a silence) are read back.
 */
@RealKafka
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AlertsRestartIT {

    private static final Alert.RegionRef TILLABERI = new Alert.RegionRef("NER.Tillaberi", "Niger", "Tillaberi");

    @Test
    void shouldReadBackNothingOfATransactionAKilledProcessLeftOpenAndEverythingAfterIt(KafkaTestCluster kafka) throws Exception {
        String group = kafka.uniqueName("alerts-restart");
        Map<String, String> env = Map.of("TABALE_ALERTS_GROUP_ID", group, "TABALE_INSTANCE_ID", "instance-1",
                "TABALE_WEBHOOK_URL", "http://127.0.0.1:9/hook", "TABALE_WEBHOOK_ALLOW_PRIVATE", "true",
                "TABALE_ALERT_MAX_PUSH_AGE_DAYS", "100000");
        AlertsSettings settings = AlertsSettings.fromEnv(env, 0);
        ClientSettings client = ClientSettings.fromEnv(Map.of(), kafka.bootstrapServers());
        try (var admin = org.apache.kafka.clients.admin.Admin.create(client.common())) {
            List<NewTopic> topics = new ArrayList<>();
            for (var topic : List.of(Topics.ALERTS, Topics.SILENCES, Topics.NOTIFICATIONS, Topics.REGION_STATS)) {
                topics.add(topic.newTopic((short) 1));
            }
            TopicAdmin.ensureTopics(admin, topics, Duration.ofSeconds(60));
        }
        // Given a message of a fired alert, as the lifecycle gives it.
        AlertLifecycle lifecycle = new AlertLifecycle(settings.lifecycle(), a -> 1);
        Instant now = Instant.now();
        List<Change> changes = new ArrayList<>(lifecycle.observe(seen(LocalDate.of(2013, 5, 10)), now));
        changes.addAll(lifecycle.observe(seen(LocalDate.of(2013, 5, 11)), now));
        Change fired = changes.get(changes.size() - 1);
        Notification notification = AlertsApp.notifications(List.of(fired), new Router(settings.responders())).get(0);
        Delivery pending = new Delivery(notification.id(), notification.notice(), notification.responder(), "webhook",
                notification.language(), Delivery.Status.pending, 0, null, now, now, now.plus(Duration.ofHours(1)), null);
        Delivery delivered = new Delivery("other-message-of-another-run", notification.notice(), notification.responder(),
                "webhook", notification.language(), Delivery.Status.delivered, 1, null, now, null, now.plus(Duration.ofHours(1)), now);

        // And a process that died in the middle of writing it, under this instance's transactional id,
        Map<String, Object> props = new HashMap<>(client.common());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-instance-1-alerts");
        KafkaProducer<String, String> dead = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        dead.initTransactions();
        dead.beginTransaction();
        dead.send(new ProducerRecord<>(Topics.ALERTS.name(), fired.alert().id(), JsonSerde.MAPPER.writeValueAsString(fired.alert())));
        dead.send(new ProducerRecord<>(Topics.NOTIFICATIONS.name(), pending.id(), JsonSerde.MAPPER.writeValueAsString(pending)));
        dead.flush();
        // and its outbox, which recorded another delivery after that.
        try (KafkaProducer<String, String> log = new KafkaProducer<>(new HashMap<>(client.common()), new StringSerializer(),
                new StringSerializer())) {
            log.send(new ProducerRecord<>(Topics.NOTIFICATIONS.name(), delivered.id(), JsonSerde.MAPPER.writeValueAsString(delivered)))
                    .get(30, TimeUnit.SECONDS);
        }

        // When the service starts again on that instance id,
        AlertsApp restarted = new AlertsApp(client, settings, Clock.systemUTC(), new SimpleMeterRegistry());
        try {
            restarted.start();

            // then nothing of the open transaction is read back, and the delivery recorded after it is.
            assertThat(restarted.history()).isEmpty();
            assertThat(restarted.deliveries(Delivery.Status.pending)).isEmpty();
            assertThat(restarted.deliveries(Delivery.Status.delivered)).extracting(Delivery::id).containsExactly(delivered.id());

            // And what it commits (a silence, in a transaction of its own) is read back by the next start.
            restarted.silence(new Silence("s-1", "NER.Tillaberi", null, null, now, now.plus(Duration.ofHours(2)),
                    "officer Maiga", "known operation", false));
        } finally {
            restarted.close();
            dead.close(Duration.ZERO);
        }
        AlertsApp again = new AlertsApp(client, settings, Clock.systemUTC(), new SimpleMeterRegistry());
        try {
            again.start();
            assertThat(again.silences()).extracting(Silence::id).containsExactly("s-1");
        } finally {
            again.close();
        }
    }

    private static Observation seen(LocalDate date) {
        return new Observation("civilian-fatalities-7d", Metric.CIVILIAN_FATALITIES, 7, TILLABERI, date, true, 40, 10, 2.0,
                Severity.SEVERE, Alert.Basis.EVENT_DATA, List.of("NER1"));
    }
}
