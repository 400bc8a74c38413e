package org.tabale.testkit;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A real Kafka broker for integration tests, shared by every test of the JVM, with the few
 * helpers such tests keep rewriting: unique names, topic creation that waits for leaders, a
 * shared admin client, and a read-from-the-beginning consumer with a deadline.
 */
public interface KafkaTestCluster {

    /** Where clients connect, e.g. {@code 127.0.0.1:40123}. */
    String bootstrapServers();

    /** Which broker this is: {@code "embedded-kraft"} or {@code "testcontainers"}. */
    String kind();

    /**
     * A name no other call in this JVM gets, for a topic, a group or a Streams application id:
     * {@code prefix}, a sequence number and a random suffix ({@code events-3-9f2c1a}).
     *
     * @param prefix letters, digits, {@code .}, {@code _} and {@code -} only
     */
    String uniqueName(String prefix);

    /**
     * Creates the topics (replication factor 1, {@code retention.ms=-1} so that records with old
     * event timestamps are never deleted) unless they exist, and waits until every partition has a
     * leader, so that producing right away is safe.
     */
    void createTopics(int partitions, String... names);

    /** An admin client owned by the cluster: use it freely, never close it. */
    Admin admin();

    /**
     * Reads {@code topic} from the beginning of every partition, committed records only
     * ({@code read_committed}) and without a consumer group, until at least {@code atLeast}
     * records have arrived; fails the test when {@code deadline} passes first. Records come in
     * order within a partition only. The consumer closes the deserializers when it is done.
     */
    <K, V> List<ConsumerRecord<K, V>> consume(String topic, Deserializer<K> keyDeserializer,
                                              Deserializer<V> valueDeserializer, int atLeast, Duration deadline);

    /**
     * Reads a topic from the beginning to the end offsets it has when called ({@code read_committed},
     * no consumer group): everything written before the call, whatever its size, within the deadline.
     */
    <K, V> List<ConsumerRecord<K, V>> readToEnd(String topic, Deserializer<K> keyDeserializer,
                                                Deserializer<V> valueDeserializer, Duration deadline);
}
