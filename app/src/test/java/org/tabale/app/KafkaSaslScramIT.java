package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.app.http.Tokens;
import org.tabale.broker.EmbeddedKafkaBroker;
import org.tabale.broker.SaslScram;
import org.tabale.model.JsonSerde;
import org.tabale.model.Topics;

/**
 * The app on a secured cluster: its own embedded KRaft broker (not the shared one) whose client
 * listener takes SASL/SCRAM-SHA-512 only, with the StandardAuthorizer and exactly the ACLs of
 * docs/SECURITY-KAFKA.md. Every service runs as {@code User:tabale} from the KAFKA_* variables: an
 * event posted over HTTP is counted by Streams, one produced straight to the raw topic by an
 * integrator principal too, the alert service records its alert, and every component stays up. A
 * wrong password, or a principal without the ACLs, stops the node at start.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KafkaSaslScramIT {

    private static final SaslScram SCRAM = new SaslScram("admin", Map.of(
            "admin", "admin-secret-1", "tabale", "tabale-secret-1", "integrator", "integrator-secret-1"));
    private static final String INTEGRATOR = "integrator-token-0001";
    private static final String ANALYST = "analyst-token-000001";
    private static final String OFFICER = "officer-token-000001";
    private static final Tokens TOKENS = Tokens.parse("integrator:" + INTEGRATOR + ",analyst:" + ANALYST + ",officer:" + OFFICER);
    private static final String HEADER = "event_id_cnty,event_date,event_type,sub_event_type,civilian_targeting,country,admin1,"
            + "fatalities,timestamp\n";

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startSecuredBroker(@TempDir Path dir) throws Exception {
        broker = EmbeddedKafkaBroker.start(dir, 0, Map.of(
                "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                // ANONYMOUS: the broker registers with its controller over the plaintext controller listener.
                "super.users", "User:admin;User:ANONYMOUS"), SCRAM);
        List<AclBinding> acls = AclDoc.bindings();
        try (Admin admin = Admin.create(broker.clientProperties())) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            // The broker authorizes from its own copy of the metadata: wait until it holds every ACL.
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(acls));
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldCountEventsAndRecordAlertsWhenEveryServiceAuthenticatesWithScram(@TempDir Path dataDir) throws Exception {
        try (TabaleNode node = TabaleNode.start(TabaleConfig.fromEnv(env(dataDir, SCRAM.jaasConfig("tabale"))),
                Service.all(), TOKENS, Clock.systemUTC(), null)) {
            assertThat(node.streams().awaitRunning(Duration.ofSeconds(60))).isTrue();
            Http http = new Http(node.httpPort());

            Http.Response posted = http.post("/api/v1/events", INTEGRATOR, "text/csv", HEADER
                    + "MLI90001,2019-03-23,Violence against civilians,Attack,Civilian targeting,Mali,Mopti,157,1553500000\n"
                    + "MLI90002,2019-03-25,Battles,Armed clash,,Mali,Mopti,4,1553600000\n");
            assertThat(posted.status()).isEqualTo(200);
            assertThat(posted.json().path("accepted").asLong()).isEqualTo(2);
            produceAsIntegrator(HEADER + "MLI95001,2021-02-05,Battles,Armed clash,,Mali,Kayes,3,1612500000\n");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode day = stats(http, "MLI.Mopti", "2019-03-29");
                assertThat(day.path("events").asLong()).isEqualTo(2);
                assertThat(day.path("fatalities").asLong()).isEqualTo(161);
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(stats(http, "MLI.Kayes", "2021-02-05").path("fatalities").asLong()).isEqualTo(3));
            Set<String> alertIds = new HashSet<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode alerts = http.get("/api/v1/alerts?region=MLI.Mopti", OFFICER).json().path("alerts");
                assertThat(alerts).isNotEmpty();
                alerts.forEach(alert -> alertIds.add(alert.path("id").asText()));
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(keysOn(Topics.ALERTS.name())).as("alerts recorded by the alert service").containsAll(alertIds));
            JsonNode health = http.get("/health", null).json();
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(JsonSerde.MAPPER.convertValue(health.path("components"), Map.class)).isEqualTo(Map.of(
                    "http", "UP", "streams", "RUNNING", "alerts", "UP", "rawIngest", "UP", "reports", "UP"));
        }
    }

    @Test
    void shouldRefuseToStartWhenThePasswordIsWrong(@TempDir Path dataDir) {
        TabaleConfig config = TabaleConfig.fromEnv(env(dataDir, SaslScram.jaasConfig("tabale", "not-the-password")));

        assertThatThrownBy(() -> TabaleNode.start(config, Service.all(), TOKENS, Clock.systemUTC(), null).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused to authenticate this node")
                .hasMessageContaining(broker.bootstrapServers())
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void shouldRefuseToStartWhenThePrincipalHasNotTheAclsOfTheServices(@TempDir Path dataDir) {
        TabaleConfig config = TabaleConfig.fromEnv(env(dataDir, SCRAM.jaasConfig("integrator")));

        assertThatThrownBy(() -> TabaleNode.start(config, Service.all(), TOKENS, Clock.systemUTC(), null).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("docs/SECURITY-KAFKA.md")
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    private static Map<String, String> env(Path dataDir, String jaasConfig) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", jaasConfig,
                "TABALE_DATA_DIR", dataDir.toString(),
                "TABALE_HTTP_PORT", "0");
    }

    private static JsonNode stats(Http http, String region, String date) {
        Http.Response response = http.get("/api/v1/stats?region=" + region + "&from=" + date + "&to=" + date + "&window=7", ANALYST);
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("series").get(0);
    }

    /** An integrator's own principal, which may only write the raw topic, produces a CSV submission. */
    private static void produceAsIntegrator(String csv) throws Exception {
        Map<String, Object> props = new HashMap<>(SCRAM.clientProperties("integrator"));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW_EVENTS.name(), "kayes", csv.getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** The keys on a one-partition topic, read to its end as the broker's super user. */
    private static List<String> keysOn(String topic) {
        List<String> keys = new ArrayList<>();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(broker.clientProperties(), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }
}
