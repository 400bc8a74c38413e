package org.tabale.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TopicAdminTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(dataDir, 0);
        admin = TestClients.admin(broker);
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void shouldCreateTopicsWithALeaderForEveryPartition() throws Exception {
        TopicAdmin.ensureTopics(admin, List.of(new NewTopic("a", 3, (short) 1), new NewTopic("b", 2, (short) 1)),
                TIMEOUT);

        Map<String, TopicDescription> topics = admin.describeTopics(List.of("a", "b")).allTopicNames().get();
        assertThat(topics.get("a").partitions()).hasSize(3).allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        assertThat(topics.get("b").partitions()).hasSize(2).allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    @Test
    void shouldKeepExistingTopicWhenAskedAgain() throws Exception {
        TopicAdmin.ensureTopics(admin, List.of(new NewTopic("existing", 2, (short) 1)), TIMEOUT);

        TopicAdmin.ensureTopics(admin, List.of(new NewTopic("existing", 5, (short) 1), new NewTopic("fresh", 1, (short) 1)),
                TIMEOUT);

        Map<String, TopicDescription> topics = admin.describeTopics(List.of("existing", "fresh")).allTopicNames().get();
        assertThat(topics.get("existing").partitions()).hasSize(2);
        assertThat(topics.get("fresh").partitions()).hasSize(1);
    }

    @Test
    void shouldFailWhenTopicCannotBeCreated() {
        assertThatThrownBy(() -> TopicAdmin.ensureTopics(admin, List.of(new NewTopic("triple", 1, (short) 3)), TIMEOUT))
                .isInstanceOf(InvalidReplicationFactorException.class);
    }

    @Test
    void shouldFailWithTimeoutWhenDeadlineHasPassed() {
        assertThatThrownBy(() -> TopicAdmin.ensureTopics(admin, List.of(new NewTopic("late", 1, (short) 1)), Duration.ZERO))
                .isInstanceOf(TimeoutException.class);
    }

    @Test
    void shouldDoNothingWhenNoTopicIsListed() {
        assertThatCode(() -> TopicAdmin.ensureTopics(admin, List.of(), Duration.ZERO)).doesNotThrowAnyException();
    }
}
