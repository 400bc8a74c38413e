package org.tabale.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabale.ingest.parse.Feed;
import org.tabale.ingest.parse.FeedFormatException;
import org.tabale.model.ClientSettings;
import org.tabale.model.Topics;

/**
 * Validation for integrators who produce to Kafka instead of calling HTTP: consumes
 * {@code tabale.raw.events.v1} (consumer group {@code tabale-ingest-raw}) and passes each record's
 * value through the same {@link EventIngestor} as an HTTP body, so rows are accepted, counted or
 * dead-lettered with the same reasons ({@code source} = {@code kafka:TOPIC/PARTITION@OFFSET}).
 * A record's offset is committed only after its events and dead letters are stored; if the
 * broker does not take them, the record is read again.
 */
public final class RawTopicIngestor implements AutoCloseable {

    /** The consumer group (and client id) of the raw topic's readers. */
    public static final String GROUP_ID = "tabale-ingest-raw";

    private static final Logger LOG = LoggerFactory.getLogger(RawTopicIngestor.class);

    private final EventIngestor ingestor;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread loop;
    private volatile boolean stopping;

    public RawTopicIngestor(ClientSettings client, EventIngestor ingestor) {
        this.ingestor = ingestor;
        Map<String, Object> props = new HashMap<>(client.common());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP_ID);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, Topics.RAW_EVENTS.keySerde().deserializer(),
                Topics.RAW_EVENTS.valueSerde().deserializer());
        this.loop = new Thread(this::run, "tabale-ingest-raw");
        this.loop.setDaemon(true);
    }

    public RawTopicIngestor start() {
        consumer.subscribe(List.of(Topics.RAW_EVENTS.name()));
        loop.start();
        return this;
    }

    public boolean isRunning() {
        return loop.isAlive();
    }

    private void run() {
        try {
            while (!stopping) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    try {
                        handle(record);
                        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                    } catch (EventPublisher.PublishException e) {
                        LOG.warn("broker did not take the rows of {}@{}; reading it again", partition, record.offset());
                        consumer.seek(partition, record.offset());
                        break;
                    }
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                LOG.error("raw topic ingest stopped", e);
            }
        } catch (RuntimeException e) {
            LOG.error("raw topic ingest stopped on an error", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        String source = "kafka:" + record.topic() + "/" + record.partition() + "@" + record.offset();
        byte[] body = record.value() == null ? new byte[0] : record.value();
        String type = header(record, "content-type", "text/csv").toLowerCase(Locale.ROOT);
        String feedName = header(record, "tabale-source", "acled");
        Feed feed = Feed.fromId(feedName).orElse(null);
        if (feed == null) {
            ingestor.refuseWhole(body, "header tabale-source '" + feedName + "' is not a feed: use acled or ucdp", source);
            return;
        }
        EventIngestor.Format format = type.startsWith("application/json") ? EventIngestor.Format.JSON
                : type.startsWith("text/csv") || type.startsWith("application/csv") ? EventIngestor.Format.CSV : null;
        if (format == null) {
            ingestor.refuseWhole(body, "header content-type '" + type + "' is not supported: text/csv or application/json", source);
            return;
        }
        try {
            IngestResult result = ingestor.ingest(body, format, feed, source);
            LOG.debug("{}: accepted {}, duplicates {}, stale {}, rejected {}", source, result.accepted(),
                    result.duplicates(), result.stale(), result.rejected());
        } catch (FeedFormatException | IngestLimits.TooManyRows refused) {
            ingestor.refuseWhole(body, refused.getMessage(), source);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name, String fallback) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? fallback : new String(header.value(), StandardCharsets.UTF_8).trim();
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        loop.join(Duration.ofSeconds(10).toMillis());
    }
}
