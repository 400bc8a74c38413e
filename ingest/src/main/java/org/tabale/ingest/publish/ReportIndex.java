package org.tabale.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabale.model.ClientSettings;
import org.tabale.model.CommunityReport;
import org.tabale.model.Topics;

/**
 * The known report ids, kept by reading {@code tabale.reports.v1} from the beginning and then
 * following it (all partitions, no consumer group), so that reports stored by other ingest
 * instances are known too, after the moment it takes to read them. Holds one id and one
 * fingerprint per report in memory (about 100 bytes each).
 */
public final class ReportIndex implements KnownReports, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportIndex.class);

    private final Map<String, Long> fingerprints = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean failed;
    private boolean started;

    public ReportIndex(ClientSettings settings) {
        Map<String, Object> props = new HashMap<>(settings.common());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tabale-ingest-report-index");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::follow, "tabale-report-index");
        thread.setDaemon(true);
    }

    public synchronized void start() {
        started = true;
        thread.start();
    }

    /** Waits until the topic has been read up to where it ended at start. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean ready() {
        return caughtUp.getCount() == 0;
    }

    /** {@code UP}, {@code STARTING} while reading the topic, {@code DOWN} when the reader stopped on an error. */
    public String state() {
        return failed ? "DOWN" : ready() ? "UP" : "STARTING";
    }

    @Override
    public OptionalLong fingerprint(String reportId) {
        Long value = fingerprints.get(reportId);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    @Override
    public void remember(CommunityReport report) {
        fingerprints.put(report.id(), KnownReports.fingerprintOf(report));
    }

    private void follow() {
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.REPORTS.name(), Duration.ofSeconds(60));
            List<TopicPartition> partitions = infos == null ? List.of()
                    : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                if (!ready() && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    LOG.info("report index read {} report ids from {}", fingerprints.size(), Topics.REPORTS.name());
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException stopping) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            failed = running;
            if (running) {
                LOG.error("report index stopped reading {}: {}", Topics.REPORTS.name(), e.toString());
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String id = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            fingerprints.remove(id);
            return;
        }
        try {
            CommunityReport report = Topics.REPORTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
            fingerprints.put(id, KnownReports.fingerprintOf(report));
        } catch (SerializationException e) {
            // Position only: the bytes are a report, which must not reach a log.
            LOG.warn("report index skipped an unreadable record at {}-{} offset {}", record.topic(), record.partition(),
                    record.offset());
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (!started) {
            consumer.close(Duration.ofSeconds(5));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
