package org.tabale.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void shouldProduceAndConsumeWhenStarted() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
             Admin admin = TestClients.admin(broker)) {
            TopicAdmin.ensureTopics(admin, List.of(new NewTopic("events", 3, (short) 1)), TIMEOUT);

            TestClients.produce(broker, "events", List.of("a", "b", "c"));

            assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(TestClients.readValues(broker, "events", 3, TIMEOUT)).containsExactlyInAnyOrder("a", "b", "c");
        }
    }

    @Test
    void shouldKeepTopicsAndRecordsWhenRestartedOnSameDataDir() throws Exception {
        String firstAddress;
        String firstClusterId;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
             Admin admin = TestClients.admin(broker)) {
            TopicAdmin.ensureTopics(admin, List.of(new NewTopic("kept", 1, (short) 1)), TIMEOUT);
            TestClients.produce(broker, "kept", List.of("one", "two"));
            firstAddress = broker.bootstrapServers();
            firstClusterId = admin.describeCluster().clusterId().get();
        }
        int port = Integer.parseInt(firstAddress.substring(firstAddress.lastIndexOf(':') + 1));

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, port);
             Admin admin = TestClients.admin(broker)) {
            assertThat(broker.bootstrapServers()).isEqualTo(firstAddress);
            assertThat(admin.describeCluster().clusterId().get()).isEqualTo(firstClusterId);
            assertThat(TestClients.readValues(broker, "kept", 2, TIMEOUT)).containsExactly("one", "two");
        }
    }

    @Test
    void shouldDeliverOnlyCommittedRecordsWhenTransactionalProducerCommits() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
             Admin admin = TestClients.admin(broker)) {
            TopicAdmin.ensureTopics(admin, List.of(new NewTopic("tx", 1, (short) 1)), TIMEOUT);

            try (KafkaProducer<String, String> producer = TestClients.producer(broker, "tx-test")) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("tx", "k", "aborted"));
                producer.abortTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("tx", "k", "committed"));
                producer.commitTransaction();
            }

            assertThat(TestClients.readValues(broker, "tx", 1, TIMEOUT)).containsExactly("committed");
        }
    }

    @Test
    void shouldApplyOverridesWhenGiven() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0, Map.of("num.partitions", "4"));
             Admin admin = TestClients.admin(broker)) {
            TopicAdmin.ensureTopics(admin,
                    List.of(new NewTopic("defaulted", Optional.empty(), Optional.empty())), TIMEOUT);

            TopicDescription description = admin.describeTopics(List.of("defaulted"))
                    .allTopicNames().get().get("defaulted");
            assertThat(description.partitions()).hasSize(4);
        }
    }

    @Test
    void shouldAuthenticateScramUsersAndRefuseAWrongPasswordWhenStartedWithSaslScram() throws Exception {
        SaslScram scram = new SaslScram("broker", Map.of("broker", "broker-secret", "alice", "alice-secret"));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0, Map.of(), scram)) {
            Map<String, Object> alice = new HashMap<>(scram.clientProperties("alice"));
            alice.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin admin = Admin.create(alice)) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            }

            Map<String, Object> wrong = new HashMap<>(alice);
            wrong.put(SaslConfigs.SASL_JAAS_CONFIG, SaslScram.jaasConfig("alice", "not-her-password"));
            try (Admin admin = Admin.create(wrong)) {
                assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
    }

    @Test
    void shouldRefuseOverrideWhenBrokerOwnsTheProperty() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, 0, Map.of("listeners", "PLAINTEXT://:9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listeners");
    }

    @Test
    void shouldFailWhenPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, taken.getLocalPort()))
                    .isInstanceOf(KafkaException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void shouldFailWhenAnotherBrokerUsesTheDataDir() {
        EmbeddedKafkaBroker running = EmbeddedKafkaBroker.start(dataDir, 0);
        try {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, 0))
                    .isInstanceOf(KafkaException.class)
                    .hasMessageContaining("in use by another broker");
        } finally {
            running.close();
        }
    }

    @Test
    void shouldDoNothingWhenClosedTwice() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
        broker.close();

        broker.close();

        // Starting again on the same directory proves the broker released its lock on it.
        EmbeddedKafkaBroker.start(dataDir, 0).close();
    }
}
