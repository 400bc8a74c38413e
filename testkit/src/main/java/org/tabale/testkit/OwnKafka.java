package org.tabale.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.tabale.broker.EmbeddedKafkaBroker;

/**
 * A broker of one test's own, which the test may {@link #stop()} and {@link #start()} again: the
 * embedded KRaft broker, on the same port and the same log directory every time, so clients
 * reconnect to it and find every topic, record, committed offset and transaction as a real broker
 * restart leaves them. For fault tests; tests that only need a broker share {@link RealKafka}'s.
 *
 * <p>The helpers of {@link KafkaTestCluster} work while the broker runs.
 */
public final class OwnKafka implements KafkaTestCluster, AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final SharedKafkaCluster helpers;
    private EmbeddedKafkaBroker broker;
    private int starts = 1;

    private OwnKafka(Path dataDir, EmbeddedKafkaBroker broker) {
        this.dataDir = dataDir;
        this.broker = broker;
        String bootstrap = broker.bootstrapServers();
        this.port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        this.helpers = new SharedKafkaCluster(bootstrap, "embedded-kraft-own", this::stop);
    }

    /** Starts a broker with its logs under {@code dataDir}, on a free port it keeps across restarts. */
    public static OwnKafka start(Path dataDir) {
        return new OwnKafka(dataDir, EmbeddedKafkaBroker.start(dataDir, 0));
    }

    /** Shuts the broker down cleanly (as an operator's restart does) and waits until it has stopped. */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the broker again on its port and log directory; blocks until it accepts requests. */
    public synchronized void start() {
        if (broker == null) {
            broker = EmbeddedKafkaBroker.start(dataDir, port);
            starts++;
        }
    }

    public synchronized boolean isRunning() {
        return broker != null;
    }

    /** How many times the broker was started, the first included. */
    public synchronized int starts() {
        return starts;
    }

    @Override
    public String bootstrapServers() {
        return helpers.bootstrapServers();
    }

    @Override
    public String kind() {
        return helpers.kind();
    }

    @Override
    public String uniqueName(String prefix) {
        return helpers.uniqueName(prefix);
    }

    @Override
    public void createTopics(int partitions, String... names) {
        helpers.createTopics(partitions, names);
    }

    @Override
    public Admin admin() {
        return helpers.admin();
    }

    @Override
    public <K, V> List<ConsumerRecord<K, V>> consume(String topic, Deserializer<K> keyDeserializer,
                                                     Deserializer<V> valueDeserializer, int atLeast, Duration deadline) {
        return helpers.consume(topic, keyDeserializer, valueDeserializer, atLeast, deadline);
    }

    @Override
    public <K, V> List<ConsumerRecord<K, V>> readToEnd(String topic, Deserializer<K> keyDeserializer,
                                                       Deserializer<V> valueDeserializer, Duration deadline) {
        return helpers.readToEnd(topic, keyDeserializer, valueDeserializer, deadline);
    }

    /** Closes the admin client, then stops the broker; its log directory stays where the caller put it. */
    @Override
    public void close() {
        helpers.close();
    }
}
