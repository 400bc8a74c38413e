package org.tabale.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The broker carries what exactly-once Streams needs: transactions and the transaction state log. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExactlyOnceStreamsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;
    @TempDir
    Path stateDir;

    @Test
    void shouldCommitStreamsOutputWhenExactlyOnceV2() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
             Admin admin = TestClients.admin(broker)) {
            TopicAdmin.ensureTopics(admin, List.of(new NewTopic("in", 2, (short) 1), new NewTopic("out", 2, (short) 1)),
                    TIMEOUT);
            TestClients.produce(broker, "in", List.of("a", "b", "c"));

            try (KafkaStreams streams = new KafkaStreams(upperCase(), streamsConfig(broker))) {
                CountDownLatch running = new CountDownLatch(1);
                streams.setStateListener((now, before) -> {
                    if (now == KafkaStreams.State.RUNNING || !now.isRunningOrRebalancing()) {
                        running.countDown();
                    }
                });
                streams.start();

                assertThat(running.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("Streams reached a final state").isTrue();
                assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);

                assertThat(TestClients.readValues(broker, "out", 3, TIMEOUT)).containsExactlyInAnyOrder("A", "B", "C");
            }
        }
    }

    private static org.apache.kafka.streams.Topology upperCase() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()).withName("read-in"))
                .mapValues(value -> value.toUpperCase(Locale.ROOT), Named.as("upper-case"))
                .to("out", Produced.with(Serdes.String(), Serdes.String()).withName("write-out"));
        return builder.build();
    }

    private Properties streamsConfig(EmbeddedKafkaBroker broker) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return props;
    }
}
