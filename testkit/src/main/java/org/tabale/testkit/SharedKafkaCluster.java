package org.tabale.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import org.tabale.broker.TopicAdmin;

/**
 * The {@link KafkaTestCluster} of the JVM: a running broker (whatever started it) with the
 * helpers of the interface. Closing it closes the admin client, then stops the broker.
 */
final class SharedKafkaCluster implements KafkaTestCluster, AutoCloseable {

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Pattern LEGAL_PREFIX = Pattern.compile("[A-Za-z0-9._-]+");

    private final String bootstrapServers;
    private final String kind;
    private final Runnable stopBroker;
    private final AtomicInteger sequence = new AtomicInteger();
    private Admin admin;

    SharedKafkaCluster(String bootstrapServers, String kind, Runnable stopBroker) {
        this.bootstrapServers = bootstrapServers;
        this.kind = kind;
        this.stopBroker = stopBroker;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String uniqueName(String prefix) {
        if (prefix == null || !LEGAL_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix must be letters, digits, '.', '_' or '-': " + prefix);
        }
        return prefix + "-" + sequence.incrementAndGet() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
    }

    @Override
    public void createTopics(int partitions, String... names) {
        List<NewTopic> topics = Arrays.stream(names)
                .map(name -> new NewTopic(name, partitions, (short) 1)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))
                .collect(Collectors.toList());
        TopicAdmin.ensureTopics(admin(), topics, TOPIC_TIMEOUT);
    }

    @Override
    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }
        return admin;
    }

    @Override
    public <K, V> List<ConsumerRecord<K, V>> consume(String topic, Deserializer<K> keyDeserializer,
                                                     Deserializer<V> valueDeserializer, int atLeast, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(readerConfig(), keyDeserializer, valueDeserializer)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, end, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            while (records.size() < atLeast) {
                if (System.nanoTime() - end >= 0) {
                    fail("Read " + records.size() + " of at least " + atLeast + " records from " + topic
                            + " within " + deadline);
                }
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }

    @Override
    public <K, V> List<ConsumerRecord<K, V>> readToEnd(String topic, Deserializer<K> keyDeserializer,
                                                       Deserializer<V> valueDeserializer, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(readerConfig(), keyDeserializer, valueDeserializer)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, end, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, deadline);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() - end >= 0) {
                    fail("Could not read " + topic + " to its end offsets " + ends + " within " + deadline);
                }
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (admin != null) {
                admin.close();
            }
        } finally {
            stopBroker.run();
        }
    }

    private Map<String, Object> readerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, uniqueName("testkit-reader"));
    }

    /** The topic's partitions, waiting (until the deadline) for a topic that is still being created. */
    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic, long end,
                                                     Duration deadline) {
        while (true) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, Duration.ofNanos(Math.max(0, end - System.nanoTime())));
            } catch (TimeoutException e) {
                infos = List.of();
            }
            if (!infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toList());
            }
            if (System.nanoTime() - end >= 0) {
                fail("Topic " + topic + " not found within " + deadline);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }
}
