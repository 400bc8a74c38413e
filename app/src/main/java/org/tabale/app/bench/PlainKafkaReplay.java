package org.tabale.app.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.tabale.broker.TopicAdmin;
import org.tabale.ingest.parse.CsvFeedReader;
import org.tabale.ingest.parse.Feed;
import org.tabale.ingest.parse.FeedRow;
import org.tabale.ingest.parse.RowMapper;
import org.tabale.ingest.parse.RowOutcome;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventDeletion;
import org.tabale.model.Gazetteer;
import org.tabale.model.Topics;

/**
 * The baseline of the replay measurement: plain Kafka moving the same records. Every input row
 * becomes the record the ingest path would write for it (the {@link ConflictEvent} JSON of an
 * event row, the {@link EventDeletion} JSON of a deletion, key event id), serialised before the
 * clock starts; then a tuned producer ({@code acks=all}, idempotent, lz4, 256 KiB batches,
 * {@code linger.ms=20}) writes them to a topic configured like {@code tabale.events.v1} while a
 * plain consumer (no group, every partition) reads them back to the end. The time runs from the
 * first send to the last record read.
 */
final class PlainKafkaReplay {

    static final String TOPIC = "tabale.bench.plain.v1";
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    /**
     * @param records          records moved
     * @param seconds          first send to last record read
     * @param produceSeconds   first send to the last acknowledgement
     * @param bytes            serialised key and value bytes moved
     * @param cpuSeconds       CPU time of this process (clients and broker) over {@code seconds}
     */
    record Run(long records, double seconds, double produceSeconds, long bytes, double cpuSeconds) {
    }

    private PlainKafkaReplay() {
    }

    static Run run(BenchContext context, Admin admin) throws Exception {
        List<byte[][]> records = records(context.input());
        NewTopic like = Topics.EVENTS.newTopic((short) 1);
        TopicAdmin.ensureTopics(admin, List.of(new NewTopic(TOPIC, like.numPartitions(), like.replicationFactor())
                .configs(like.configs())), Duration.ofSeconds(60));
        long bytes = records.stream().mapToLong(r -> r[0].length + r[1].length).sum();
        int partitions = like.numPartitions();
        CountDownLatch assigned = new CountDownLatch(1);
        CompletableFuture<Long> read = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(context.bootstrapServers())) {
                List<TopicPartition> all = new ArrayList<>();
                for (int p = 0; p < partitions; p++) {
                    all.add(new TopicPartition(TOPIC, p));
                }
                consumer.assign(all);
                consumer.seekToBeginning(all);
                consumer.poll(Duration.ZERO); // connect and find the positions before the clock starts
                assigned.countDown();
                read.complete(readAll(consumer, records.size()));
            } catch (RuntimeException e) {
                read.completeExceptionally(e);
                assigned.countDown();
            }
        }, "tabale-bench-plain-consumer");
        reader.setDaemon(true);
        reader.start();
        assigned.await();
        try (KafkaProducer<byte[], byte[]> producer = producer(context.bootstrapServers())) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            AtomicLong acked = new AtomicLong();
            double cpu = Machine.processCpuSeconds();
            long start = System.nanoTime();
            for (byte[][] record : records) {
                producer.send(new ProducerRecord<>(TOPIC, record[0], record[1]), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
            long produced = System.nanoTime();
            if (failure.get() != null || acked.get() != records.size()) {
                throw new IllegalStateException("the baseline producer lost records: " + acked.get() + " of "
                        + records.size() + " acknowledged", failure.get());
            }
            long consumed = read.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            long end = System.nanoTime();
            return new Run(consumed, (end - start) / 1e9, (produced - start) / 1e9, bytes, Machine.processCpuSeconds() - cpu);
        }
    }

    /** Reads until {@code expected} records have come, or fails at the deadline. */
    private static long readAll(KafkaConsumer<byte[], byte[]> consumer, long expected) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        long count = 0;
        while (count < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the baseline consumer read " + count + " of " + expected + " records in " + DEADLINE);
            }
            count += consumer.poll(Duration.ofMillis(200)).count();
        }
        return count;
    }

    /** Every input row as the key and value bytes the ingest path writes for it, in input order. */
    static List<byte[][]> records(ReplayInput input) {
        RowMapper mapper = Feed.ACLED.mapper(Gazetteer.bundled());
        List<byte[][]> records = new ArrayList<>((int) input.counts().rows());
        for (ReplayInput.Batch batch : input.batches()) {
            String events = new String(batch.events(), StandardCharsets.UTF_8);
            for (FeedRow row : CsvFeedReader.read(events, Feed.ACLED.requiredColumns())) {
                if (!(mapper.map(row) instanceof RowOutcome.Accepted accepted)) {
                    throw new IllegalStateException("the generator wrote a row ingest refuses: " + row.original());
                }
                ConflictEvent event = accepted.event();
                records.add(new byte[][] {key(event.eventId()), Topics.EVENTS.valueSerde().serializer().serialize(TOPIC, event)});
            }
            if (batch.deletions() != null) {
                for (String line : new String(batch.deletions(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isEmpty() && !line.equals(ReplayInput.DELETIONS_HEADER)) {
                        String[] fields = line.split(",");
                        EventDeletion deletion = new EventDeletion(fields[0], Long.parseLong(fields[1]));
                        records.add(new byte[][] {key(deletion.eventId()),
                                Topics.DELETIONS.valueSerde().serializer().serialize(TOPIC, deletion)});
                    }
                }
            }
        }
        return records;
    }

    private static byte[] key(String eventId) {
        return eventId.getBytes(StandardCharsets.UTF_8);
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "tabale-bench-plain-producer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tabale-bench-plain-consumer");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
