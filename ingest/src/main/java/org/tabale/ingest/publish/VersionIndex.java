package org.tabale.ingest.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabale.model.ClientSettings;
import org.tabale.model.Topics;

/**
 * The standing version of every event id, read from {@code tabale.events.v1} and
 * {@code tabale.deletions.v1} (every partition, no consumer group) and kept up to date while the
 * process runs, plus what this process itself just stored. Ingest answers only once the topics
 * are read to their end ({@link #awaitCaughtUp}). About 100 bytes per event id.
 *
 * <p>Several ingest instances each read everything; a version another instance stored a moment
 * ago may be counted as new rather than as a repeat. That changes the counts in an answer, never
 * the statistics, which rank versions themselves.
 */
public final class VersionIndex implements StoredVersions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VersionIndex.class);

    private final Map<String, Long> ranks = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean stopping;

    public VersionIndex(ClientSettings client) {
        Map<String, Object> props = new HashMap<>(client.common());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tabale-ingest-versions");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.reader = new Thread(this::read, "tabale-ingest-versions");
        this.reader.setDaemon(true);
    }

    public VersionIndex start() {
        reader.start();
        return this;
    }

    /** Blocks until every record present at start has been read. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public long standing(String eventId) {
        return ranks.getOrDefault(eventId, -1L);
    }

    @Override
    public void stored(String eventId, long rank) {
        ranks.merge(eventId, rank, Math::max);
    }

    public int size() {
        return ranks.size();
    }

    private void read() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.EVENTS.name(), Topics.DELETIONS.name())) {
                consumer.partitionsFor(topic, Duration.ofMinutes(1))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofMinutes(1));
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    index(record);
                }
                if (caughtUp.getCount() > 0 && ends.entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    LOG.info("version index caught up: {} event ids", ranks.size());
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                LOG.error("version index stopped", e);
            }
        } catch (RuntimeException e) {
            LOG.error("version index stopped; answers will count repeats as new until restart", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void index(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        try {
            if (record.topic().equals(Topics.EVENTS.name())) {
                long timestamp = TimestampScan.find(record.value(), TimestampScan.EVENT);
                if (timestamp < 0) {
                    timestamp = Topics.EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value()).timestamp();
                }
                stored(record.key(), StoredVersions.rank(timestamp, false));
            } else {
                long timestamp = TimestampScan.find(record.value(), TimestampScan.DELETION);
                if (timestamp < 0) {
                    timestamp = Topics.DELETIONS.valueSerde().deserializer().deserialize(record.topic(), record.value())
                            .deletedTimestamp();
                }
                stored(record.key(), StoredVersions.rank(timestamp, true));
            }
        } catch (RuntimeException unreadable) {
            // Not ours to judge here: the statistics dead-letter unreadable records.
            LOG.debug("skipping an unreadable record at {}-{}@{}", record.topic(), record.partition(), record.offset());
        }
    }

    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
    }
}
