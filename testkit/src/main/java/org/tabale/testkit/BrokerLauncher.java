package org.tabale.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabale.broker.EmbeddedKafkaBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts the broker behind {@link SharedKafkaCluster}: an {@code apache/kafka} container when a
 * Docker engine is available, else the embedded KRaft broker in a fresh directory under
 * {@code target/}, deleted when the cluster closes. Both are configured alike: no automatic topic
 * creation, replication factor 1 for internal topics, no initial rebalance delay.
 */
final class BrokerLauncher {

    static final String EMBEDDED = "embedded-kraft";
    static final String TESTCONTAINERS = "testcontainers";
    static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.1.0");

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLauncher.class);

    private BrokerLauncher() {
    }

    static SharedKafkaCluster launch() {
        return DockerClientFactory.instance().isDockerAvailable() ? container() : embedded();
    }

    private static SharedKafkaCluster container() {
        KafkaContainer container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        container.start();
        LOG.info("Kafka for tests: {} container on {}", IMAGE, container.getBootstrapServers());
        return new SharedKafkaCluster(container.getBootstrapServers(), TESTCONTAINERS, container::stop);
    }

    private static SharedKafkaCluster embedded() {
        Path dataDir = createDataDir();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
        LOG.info("Kafka for tests: no Docker engine, embedded KRaft broker on {}", broker.bootstrapServers());
        return new SharedKafkaCluster(broker.bootstrapServers(), EMBEDDED, () -> {
            broker.close();
            deleteRecursively(dataDir);
        });
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "embedded-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a broker directory under target/", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Only disk space is at stake, and "mvn clean" removes target/ anyway: do not fail the run.
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
