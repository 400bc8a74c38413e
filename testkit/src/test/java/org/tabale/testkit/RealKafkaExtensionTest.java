package org.tabale.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;

@RealKafka
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealKafkaExtensionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static KafkaTestCluster fromBeforeAll;

    @BeforeAll
    static void resolveInLifecycleMethod(KafkaTestCluster cluster) {
        fromBeforeAll = cluster;
    }

    @Test
    void shouldRoundTripRecordWhenTopicCreated(KafkaTestCluster cluster) throws Exception {
        String topic = cluster.uniqueName("round-trip");
        cluster.createTopics(2, topic);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "region-7", "{\"fatalities\":3}")).get();
        }
        List<ConsumerRecord<String, String>> records =
                cluster.consume(topic, new StringDeserializer(), new StringDeserializer(), 1, DEADLINE);

        assertThat(records).extracting(ConsumerRecord::topic, ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple(topic, "region-7", "{\"fatalities\":3}"));
    }

    @Test
    void shouldCreateTopicsWithUnlimitedRetention(KafkaTestCluster cluster) throws Exception {
        String first = cluster.uniqueName("kept");
        String second = cluster.uniqueName("kept");

        cluster.createTopics(3, first, second);

        Map<String, TopicDescription> topics = cluster.admin().describeTopics(List.of(first, second)).allTopicNames().get();
        assertThat(topics.get(first).partitions()).hasSize(3);
        assertThat(topics.get(second).partitions()).hasSize(3);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, first);
        Config config = cluster.admin().describeConfigs(List.of(resource)).all().get().get(resource);
        assertThat(config.get("retention.ms").value()).isEqualTo("-1");
    }

    @Test
    void shouldGiveDistinctNamesWhenAskedWithSamePrefix(KafkaTestCluster cluster) {
        assertThat(cluster.uniqueName("app")).startsWith("app-").isNotEqualTo(cluster.uniqueName("app"));
    }

    @Test
    void shouldRefusePrefixThatIsNoLegalTopicName(KafkaTestCluster cluster) {
        assertThatThrownBy(() -> cluster.uniqueName("events/v1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFailAtDeadlineWhenTooFewRecordsArrive(KafkaTestCluster cluster) {
        String topic = cluster.uniqueName("empty");
        cluster.createTopics(1, topic);

        assertThatThrownBy(() -> cluster.consume(topic, new StringDeserializer(), new StringDeserializer(), 1,
                Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("0 of at least 1");
    }

    @Test
    void shouldChooseBrokerKindByDockerAvailability(KafkaTestCluster cluster) {
        String expected = DockerClientFactory.instance().isDockerAvailable() ? "testcontainers" : "embedded-kraft";

        assertThat(cluster.kind()).isEqualTo(expected);
        assertThat(cluster.bootstrapServers()).isNotBlank();
    }

    @Test
    void shouldShareOneClusterAcrossTestClasses(KafkaTestCluster cluster) {
        assertThat(cluster).isSameAs(fromBeforeAll);
        assertThat(ClustersSeen.add(cluster)).containsExactly(cluster);
    }
}
