package org.tabale.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabale.alerts.cap.AtomFeed;
import org.tabale.alerts.cap.CapSettings;
import org.tabale.alerts.cap.CapWriter;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.lifecycle.AlertLifecycle;
import org.tabale.alerts.lifecycle.AlertNotice;
import org.tabale.alerts.lifecycle.Change;
import org.tabale.alerts.lifecycle.Observation;
import org.tabale.alerts.lifecycle.Silence;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.message.Messages;
import org.tabale.alerts.notify.AlertmanagerPayload;
import org.tabale.alerts.notify.Channel;
import org.tabale.alerts.notify.Channels;
import org.tabale.alerts.notify.Delivery;
import org.tabale.alerts.notify.EmailChannel;
import org.tabale.alerts.notify.Notification;
import org.tabale.alerts.notify.Outbox;
import org.tabale.alerts.notify.SmsGatewayChannel;
import org.tabale.alerts.notify.TargetGuard;
import org.tabale.alerts.notify.WebhookChannel;
import org.tabale.alerts.route.Responder;
import org.tabale.alerts.route.Router;
import org.tabale.alerts.rules.Evaluations;
import org.tabale.model.Boundaries;
import org.tabale.model.ClientSettings;
import org.tabale.model.Gazetteer;
import org.tabale.model.JsonSerde;
import org.tabale.model.RegionStats;
import org.tabale.model.Topic;
import org.tabale.model.Topics;

/**
 * Composition root of the alert service. At start it reads back its records (alerts, silences, the
 * notification log), then consumes {@code tabale.region-stats.v1}: each record goes through the
 * rules to the {@link AlertLifecycle}; every change of an alert is recorded on
 * {@code tabale.alerts.v1} and its messages go to the responders the {@link Router} picks, through
 * the {@link Outbox}. The changes of a batch, the pending deliveries of their messages and the
 * consumer's position after the batch are written in one transaction, before the outbox sends
 * anything; notification ids are stable; so a kill, a restart, a retry or a replay pages nobody
 * twice and loses no message.
 */
public final class AlertsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsApp.class);
    private static final List<Language> CAP_LANGUAGES = List.of(Language.FR, Language.EN);

    private final AlertsSettings settings;
    private final Clock clock;
    private final KafkaConsumer<String, RegionStats> consumer;
    /** Writes alert changes, their messages' deliveries, silences and the stats position, each batch in one transaction. */
    private final KafkaProducer<String, String> producer;
    /** Writes the outbox's later states of a delivery (retried, delivered, failed). */
    private final KafkaProducer<String, String> log;
    /** Held while changes are computed and written, so that the records of an alert are written in the order it changed. */
    private final Object writes = new Object();
    private final Map<String, Object> clientProps;
    private final AlertLifecycle lifecycle;
    private final Router router;
    private final Outbox outbox;
    private final CapWriter cap;
    private final AtomFeed feed;
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final Counter raised;
    private final Thread loop;
    private volatile boolean stopping;

    public AlertsApp(ClientSettings client, AlertsSettings settings, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        this.clientProps = new HashMap<>(client.common());
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        settings.instanceId().ifPresent(id -> props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, Topics.REGION_STATS.keySerde().deserializer(),
                Topics.REGION_STATS.valueSerde().deserializer());
        Map<String, Object> producerProps = new HashMap<>(clientProps);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.log = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
        // The same transactional id across restarts (the instance id), so that a restart fences the
        // process that died and aborts the transaction it left open.
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.groupId() + "-"
                + settings.instanceId().orElseGet(() -> java.util.UUID.randomUUID().toString()));
        // A transaction takes milliseconds; one a process left open under another id holds readers back this long at most.
        producerProps.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
        this.router = new Router(settings.responders());
        this.lifecycle = new AlertLifecycle(settings.lifecycle(), router::lastTier);
        Gazetteer gazetteer = Gazetteer.bundled();
        Messages messages = new Messages(settings.publicUrl());
        CapSettings capSettings = CapSettings.actual("tabale@" + Optional.ofNullable(settings.publicUrl().getHost()).orElse("localhost"),
                "Tabalé", settings.publicUrl());
        this.cap = new CapWriter(capSettings, messages, gazetteer, Boundaries.bundled(gazetteer));
        this.feed = new AtomFeed(capSettings, cap, messages);
        List<Channel> channels = new ArrayList<>();
        channels.add(new WebhookChannel(new AlertmanagerPayload(settings.publicUrl(), messages),
                settings.allowPrivateTargets() ? TargetGuard.allowingPrivate() : TargetGuard.publicOnly(), clock,
                Duration.ofSeconds(10)));
        settings.mail().ifPresent(mail -> channels.add(new EmailChannel(mail, messages, Optional.of(cap), clock)));
        settings.sms().ifPresent(sms -> channels.add(new SmsGatewayChannel(sms, messages, clock)));
        Map<String, Responder> byName = new HashMap<>();
        settings.responders().forEach(r -> byName.put(r.name(), r));
        this.outbox = new Outbox(new Channels(channels), name -> Optional.ofNullable(byName.get(name)), this::record, clock,
                settings.deliveryDeadline(), Duration.ofSeconds(1), Duration.ofMinutes(10), meters);
        this.raised = Counter.builder("tabale.alerts.raised").description("Alert episodes that fired").register(meters);
        this.loop = new Thread(this::run, "tabale-alerts");
    }

    /** Called with every alert when it fires (pushed or not: the demo prints them). */
    public void addListener(Consumer<Alert> listener) {
        listeners.add(listener);
    }

    public void start() {
        // Before reading back: this fences the process that ran before (same transactional id) and aborts
        // what it left open, so the read goes past it.
        producer.initTransactions();
        restore();
        consumer.subscribe(List.of(Topics.REGION_STATS.name()));
        outbox.start();
        loop.start();
    }

    /** Whether the consuming loop is alive (it stops on an unexpected error, which health reports). */
    public boolean isRunning() {
        return loop.isAlive();
    }

    /** Every alert known, in the order they were raised. */
    public List<Alert> history() {
        return lifecycle.alerts();
    }

    public Optional<Alert> alert(String id) {
        return lifecycle.alert(id);
    }

    public List<Silence> silences() {
        return lifecycle.silences();
    }

    /** How the messages of an alert were delivered. */
    public List<Delivery> deliveries(String alertId) {
        return outbox.deliveries(alertId);
    }

    public List<Delivery> deliveries(Delivery.Status status) {
        return outbox.deliveries(status);
    }

    /** An officer acknowledges an alert. */
    public Alert acknowledge(String id, String by, String comment) {
        synchronized (writes) {
            return apply(List.of(lifecycle.acknowledge(id, by, comment, clock.instant())), List.of(), null).get(0);
        }
    }

    /** An officer resolves an alert; its responders are told. */
    public Alert resolve(String id, String by, String comment) {
        synchronized (writes) {
            return apply(List.of(lifecycle.resolve(id, by, comment, clock.instant())), List.of(), null).get(0);
        }
    }

    /** A new silence: recorded, applied at once. */
    public Silence silence(Silence silence) {
        synchronized (writes) {
            apply(lifecycle.silence(silence, clock.instant()), List.of(record(Topics.SILENCES, silence.id(), silence)), null);
        }
        return silence;
    }

    /** An officer ends a silence early. */
    public Silence expire(String silenceId, String by) {
        synchronized (writes) {
            List<Change> changes = lifecycle.expire(silenceId, by, clock.instant());
            Silence expired = lifecycle.silences().stream().filter(s -> s.id().equals(silenceId)).findFirst().orElseThrow();
            apply(changes, List.of(record(Topics.SILENCES, expired.id(), expired)), null);
            return expired;
        }
    }

    /** The CAP 1.2 document of an alert's latest message (its first, for an alert nobody was told of). */
    public String cap(Alert alert) {
        return cap.write(notice(alert), CAP_LANGUAGES);
    }

    /** The Atom feed of every alert that fired, newest first, in a language. */
    public String feed(Language language) {
        List<AlertNotice> latest = lifecycle.alerts().stream()
                .filter(a -> a.episode() != null && a.episode().firedAt() != null)
                .sorted((a, b) -> b.episode().firedAt().compareTo(a.episode().firedAt()))
                .limit(200).map(this::notice).toList();
        return feed.write(latest, language, CAP_LANGUAGES, clock.instant());
    }

    private AlertNotice notice(Alert alert) {
        return AlertLifecycle.latestNotice(alert).orElseGet(() -> AlertNotice.first(alert,
                alert.episode() != null && alert.episode().firedAt() != null ? alert.episode().firedAt() : alert.raisedAt()));
    }

    private void run() {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        try {
            while (!stopping) {
                ConsumerRecords<String, RegionStats> records = consumer.poll(Duration.ofMillis(500));
                synchronized (writes) {
                    List<Change> changes = new ArrayList<>();
                    Instant now = clock.instant();
                    for (ConsumerRecord<String, RegionStats> record : records) {
                        if (record.value() != null) {
                            for (Observation observation : Evaluations.of(settings.rules(), record.value())) {
                                changes.addAll(lifecycle.observe(observation, now));
                            }
                        }
                    }
                    changes.addAll(lifecycle.tick(now));
                    // The position of every partition this poll moved: past its records and past the
                    // commit marker of the transaction that wrote them (a poll may read only a marker).
                    Map<TopicPartition, OffsetAndMetadata> moved = moved(committed, records.partitions());
                    if (!moved.isEmpty()) {
                        apply(changes, List.of(), new Position(moved, consumer.groupMetadata()));
                        committed.putAll(moved);
                    } else if (!changes.isEmpty()) {
                        apply(changes, List.of(), null);
                    }
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("alert service stopped on an error", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Where the consumer stands after a batch: what its transaction commits with the batch's changes. */
    private record Position(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
    }

    /**
     * The consumer's position on each partition that gave records to this poll, or whose position is
     * past the offset last committed for it: the position, not "last record + 1", which would stop
     * short of the exactly-once commit marker after the records, so the group would never show a
     * lag of zero.
     */
    private Map<TopicPartition, OffsetAndMetadata> moved(Map<TopicPartition, OffsetAndMetadata> committed,
                                                         java.util.Set<TopicPartition> read) {
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            OffsetAndMetadata last = committed.get(partition);
            long position = consumer.position(partition);
            if (read.contains(partition) || last != null && position > last.offset()) {
                moved.put(partition, new OffsetAndMetadata(position));
            }
        }
        return moved;
    }

    /**
     * Writes in one transaction every change, the pending delivery of each new notification of
     * their messages, {@code more} records (silences) and, for a batch of stats, the consumer's
     * position after it; then hands the deliveries to the outbox, which sends nothing before. A
     * process killed anywhere in between leaves all of it or none: after a restart the changes
     * are derived again from the same stats records, or restored with their deliveries. Recording
     * the alert first lost its message in between; queueing the message first sent messages of
     * alerts that the restarted service derived otherwise (a replay's batches differ, and ticks
     * fall between them). Call it holding {@link #writes}.
     */
    private List<Alert> apply(List<Change> changes, List<ProducerRecord<String, String>> more, Position position) {
        List<Delivery> fresh = outbox.fresh(notifications(changes, router));
        producer.beginTransaction();
        try {
            for (Change change : changes) {
                producer.send(record(Topics.ALERTS, change.alert().id(), change.alert()));
            }
            for (Delivery delivery : fresh) {
                producer.send(record(Topics.NOTIFICATIONS, delivery.id(), delivery));
            }
            more.forEach(producer::send);
            if (position != null) {
                producer.sendOffsetsToTransaction(position.offsets(), position.group());
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw new IllegalStateException("alert records not written: another process took this one's place", e);
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw new IllegalStateException("could not record alert changes on " + Topics.ALERTS.name(), e);
        }
        outbox.queue(fresh);
        List<Alert> alerts = new ArrayList<>();
        for (Change change : changes) {
            Alert alert = change.alert();
            alerts.add(alert);
            if (alert.episode() != null && alert.episode().firedAt() != null && announced.add(alert.id())) {
                raised.increment();
                listeners.forEach(l -> l.accept(alert));
            }
        }
        return alerts;
    }

    /** The notifications of the changes' messages: each to the responders of every tier it goes to. */
    static List<Notification> notifications(List<Change> changes, Router router) {
        List<Notification> notifications = new ArrayList<>();
        for (Change change : changes) {
            if (change.notice() != null) {
                for (int tier = change.fromTier(); tier <= change.toTier(); tier++) {
                    for (Responder responder : router.route(change.alert(), tier)) {
                        notifications.addAll(Notification.of(change.notice(), responder));
                    }
                }
            }
        }
        return notifications;
    }

    /** The outbox's log: a delivery's state is stored before the outbox goes on. */
    private void record(Delivery delivery) {
        try {
            log.send(record(Topics.NOTIFICATIONS, delivery.id(), delivery)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording notification " + delivery.id(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not record notification " + delivery.id(), e.getCause());
        }
    }

    private static ProducerRecord<String, String> record(Topic<String, String> topic, String key, Object value) {
        return new ProducerRecord<>(topic.name(), key, json(value));
    }

    private static String json(Object value) {
        try {
            return JsonSerde.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads the alert, silence and notification records back, to the end, before consuming stats. */
    private void restore() {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        int alerts = 0;
        int silences = 0;
        int deliveries = 0;
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic<String, String> topic : List.of(Topics.ALERTS, Topics.SILENCES, Topics.NOTIFICATIONS)) {
                reader.partitionsFor(topic.name(), Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            // To the end of the log, not to its last stable offset: the transaction a killed process left
            // open ends (aborted when this one's producer started) a moment later, and what its outbox
            // recorded after it must be read too.
            Map<TopicPartition, Long> end;
            Map<String, Object> uncommitted = new HashMap<>(props);
            uncommitted.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
            try (KafkaConsumer<String, String> ends = new KafkaConsumer<>(uncommitted, new StringDeserializer(),
                    new StringDeserializer())) {
                end = ends.endOffsets(partitions, Duration.ofSeconds(30));
            }
            while (partitions.stream().anyMatch(p -> reader.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        continue;
                    }
                    try {
                        if (record.topic().equals(Topics.ALERTS.name())) {
                            Alert alert = JsonSerde.MAPPER.readValue(record.value(), Alert.class);
                            lifecycle.restore(alert);
                            if (alert.episode() != null && alert.episode().firedAt() != null) {
                                announced.add(alert.id());
                            }
                            alerts++;
                        } else if (record.topic().equals(Topics.SILENCES.name())) {
                            lifecycle.restore(JsonSerde.MAPPER.readValue(record.value(), Silence.class));
                            silences++;
                        } else {
                            outbox.restore(JsonSerde.MAPPER.readValue(record.value(), Delivery.class));
                            deliveries++;
                        }
                    } catch (JsonProcessingException e) {
                        LOG.error("unreadable record {}@{} on {} skipped: {}", record.partition(), record.offset(),
                                record.topic(), e.getOriginalMessage());
                    }
                }
            }
        }
        LOG.info("alert service restored {} alert records, {} silence records, {} notification records", alerts, silences,
                deliveries);
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        loop.join(Duration.ofSeconds(10).toMillis());
        outbox.close();
        producer.close(Duration.ofSeconds(5));
        log.close(Duration.ofSeconds(5));
    }
}
