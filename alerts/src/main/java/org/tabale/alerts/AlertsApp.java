package org.tabale.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.lifecycle.AlertTracker;
import org.tabale.alerts.notify.WebhookNotifier;
import org.tabale.model.ClientSettings;
import org.tabale.model.RegionStats;
import org.tabale.model.Topics;

/**
 * Composition root of the alert service. Consumes {@code tabale.region-stats.v1}, evaluates the
 * rules, notifies the webhook and the registered listeners, and commits its position only after
 * the alerts of a batch were handled.
 */
public final class AlertsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsApp.class);

    private final KafkaConsumer<String, RegionStats> consumer;
    private final AlertTracker tracker;
    private final WebhookNotifier webhook;
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();
    private final List<Alert> history = new CopyOnWriteArrayList<>();
    private final Counter raised;
    private final Thread loop;
    private volatile boolean stopping;

    public AlertsApp(ClientSettings client, AlertsSettings settings, Clock clock, MeterRegistry meters) {
        Map<String, Object> props = new HashMap<>(client.common());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, Topics.REGION_STATS.keySerde().deserializer(),
                Topics.REGION_STATS.valueSerde().deserializer());
        this.tracker = new AlertTracker(settings.rules(), clock);
        this.webhook = settings.webhookUrl() == null ? null
                : new WebhookNotifier(settings.webhookUrl(), 5, Duration.ofMillis(200), meters);
        this.raised = Counter.builder("tabale.alerts.raised").description("Alert episodes started").register(meters);
        this.loop = new Thread(this::run, "tabale-alerts");
    }

    /** Called with every alert that fires or resolves, after the webhook was tried. */
    public void addListener(Consumer<Alert> listener) {
        listeners.add(listener);
    }

    public void start() {
        consumer.subscribe(List.of(Topics.REGION_STATS.name()));
        loop.start();
    }

    /** Whether the consuming loop is alive (it stops on an unexpected error, which health reports). */
    public boolean isRunning() {
        return loop.isAlive();
    }

    /** Alerts raised since start, oldest first. */
    public List<Alert> history() {
        return List.copyOf(history);
    }

    private void run() {
        try {
            while (!stopping) {
                ConsumerRecords<String, RegionStats> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, RegionStats> record : records) {
                    if (record.value() != null) {
                        for (Alert alert : tracker.onStats(record.value())) {
                            handle(alert);
                        }
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("alert service stopped on an error", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(Alert alert) throws InterruptedException {
        if (alert.state() == Alert.State.firing) {
            raised.increment();
        }
        history.add(alert);
        if (webhook != null) {
            webhook.send(alert);
        }
        for (Consumer<Alert> listener : listeners) {
            listener.accept(alert);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        loop.join(Duration.ofSeconds(10).toMillis());
    }
}
