package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.tabale.app.http.Tokens;
import org.tabale.model.CommunityReport;
import org.tabale.model.Topics;
import org.tabale.testkit.KafkaTestCluster;
import org.tabale.testkit.RealKafka;

/**
 * DESIGN.md's "informants are protected", end to end on a real broker: reports with distinctive
 * names, phone numbers in several formats and accounts go in as JSON and as a Ushahidi export,
 * some of them refused; then every topic of the broker (internal ones included, every record
 * from the beginning, keys, values and headers), every API answer of the run, every log line of
 * the process and the metrics are searched for any of them.
 */
@RealKafka
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InformantProtectionIT {

    private static final String INTEGRATOR = "integrator-token-0042";
    private static final String OFFICER = "officer-token-0000042";
    private static final String ANALYST = "analyst-token-0000042";

    /** Everything that identifies the invented informants, as written and as digits only. */
    private static final List<String> IDENTITIES = List.of(
            "Zoubeyra", "Kwamimbo", "Ilvaneta", "Xelinkoro", "Xélinkoro", "Obrizzo", "Tchavrokou", "Drameko",
            "Vezzoulibaly", "kwamimbo_z", "xelinkoro_watch", "tchavro77", "kwamimbo.z@protonmail.example",
            "vezzou.d@mail.example", "protonmail.example", "mail.example",
            "+223 79 31 86 42", "79 31 86 42", "22379318642", "79318642",
            "0022365917384", "22365917384", "65917384",
            "(+226) 70.48.26.19", "70.48.26.19", "22670482619", "70482619",
            "76-58-39-27", "76583927", "22376583927",
            "+223 66 20 47 51", "66 20 47 51", "22366204751", "66204751");

    private static final String JSON_REPORTS = """
            [{"id": "sms:+223 79 31 86 42:0007", "date": "2024-05-12",
              "place": {"country": "Mali", "admin1": "Mopti", "admin2": "Bankass", "location": "Ogossagou",
                        "latitude": 14.4567891, "longitude": -3.9876543},
              "category": ["attack", "civilians"], "title": "Attack reported by Zoubeyra Kwamimbo",
              "description": "Zoubeyra Kwamimbo (79 31 86 42) says armed men came at dawn. Her brother can be reached on 0022365917384 or kwamimbo.z@protonmail.example.",
              "dead": 4, "injured": 7, "civiliansTargeted": true,
              "reporter": {"name": "Zoubeyra Kwamimbo", "phone": "+223 79 31 86 42", "account": "@kwamimbo_z"}},
             {"id": "sms-0008", "date": "2024-05-13",
              "place": {"country": "BFA", "admin1": "Sahel", "latitude": 14.0321987, "longitude": -0.0456789},
              "category": "displacement", "description": "Families fled toward Dori. Contact @xelinkoro_watch or (+226) 70.48.26.19.",
              "reporter": {"name": "Ilvaneta Xélinkoro", "phone": "(+226) 70.48.26.19", "account": "@xelinkoro_watch"}},
             {"id": "sms-0009", "date": "2024-05-13", "place": {"country": "Mali"}, "category": "attack",
              "description": "Obrizzo Tchavrokou heard shots", "informant_phone": "76-58-39-27",
              "reporter": {"name": "Obrizzo Tchavrokou", "phone": "76-58-39-27", "account": "tchavro77"}},
             {"id": "sms-0010", "date": "2024-05-14", "place": {"country": "Mali", "admin1": "Gao"}, "title": "t",
              "reporter": "Obrizzo Tchavrokou 76583927"},
             "Drameko Vezzoulibaly +223 66 20 47 51"]
            """;

    private static final String USHAHIDI = """
            #,INCIDENT TITLE,INCIDENT DATE,LOCATION,DESCRIPTION,CATEGORY,LATITUDE,LONGITUDE,FIRST NAME,LAST NAME,EMAIL,PHONE,APPROVED,VERIFIED
            "501","Tirs &agrave; Kidal","2024-05-11 21:40:00","Kidal, Mali","Drameko Vezzoulibaly a entendu des tirs.
            Joindre au +223 66 20 47 51 ou vezzou.d@mail.example","Armed Attack, ","18.4411123","1.4077789","Drameko","Vezzoulibaly","vezzou.d@mail.example","+223 66 20 47 51",YES,YES
            "502","Pillage","hier soir","Gao, Mali","Signalé par Zoubeyra Kwamimbo, 79318642","Looting, ","","","Zoubeyra","Kwamimbo","","79318642",YES,NO
            """;

    private static final Collector LOGS = new Collector();
    private static final List<String> ANSWERS = new ArrayList<>();
    private static Level previousLevel;
    private static TabaleNode node;
    private static Http http;
    private static Path dataDir;

    /** Collects every formatted log line (with its exceptions) of the process while the test runs. */
    static final class Collector extends AppenderBase<ILoggingEvent> {
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }
    }

    @BeforeAll
    static void start(KafkaTestCluster kafka, @TempDir Path dir) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LOGS.setContext(context);
        LOGS.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(LOGS);
        Logger tabale = context.getLogger("org.tabale");
        previousLevel = tabale.getLevel();
        tabale.setLevel(Level.DEBUG);
        dataDir = dir;
        // No TABALE_PSEUDONYM_KEY: the node keeps a generated key under its data directory.
        TabaleConfig config = TabaleConfig.fromEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "TABALE_DATA_DIR", dir.toString(),
                "TABALE_HTTP_PORT", "0"));
        Tokens tokens = Tokens.parse("integrator:" + INTEGRATOR + ",officer:" + OFFICER + ",analyst:" + ANALYST);
        node = TabaleNode.start(config, EnumSet.of(Service.INGEST), tokens, Clock.systemUTC(), null);
        http = new Http(node.httpPort());
        await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(call(http.get("/health", null)).json()
                .path("components").path("reports").asText()));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(LOGS);
        context.getLogger("org.tabale").setLevel(previousLevel);
    }

    private static synchronized Http.Response call(Http.Response response) {
        ANSWERS.add(response.status() + " " + response.contentType() + " " + response.body());
        return response;
    }

    @Test
    void shouldLetNoIdentityReachATopicAnAnswerALogOrAMetric(KafkaTestCluster kafka) throws Exception {
        // when: reports go in, some refused, one re-sent, one verified, a few bad requests
        JsonNode json = call(http.post("/api/v1/reports?source=mopti-radio", INTEGRATOR, "application/json",
                JSON_REPORTS)).json();
        JsonNode resent = call(http.post("/api/v1/reports?source=mopti-radio", INTEGRATOR, "application/json",
                JSON_REPORTS)).json();
        JsonNode ushahidi = call(http.post("/api/v1/reports?source=ushahidi-mali&country=MLI", INTEGRATOR, "text/csv",
                USHAHIDI)).json();
        Http.Response malformed = call(http.post("/api/v1/reports", INTEGRATOR, "application/json",
                "[{\"reporter\": {\"name\": Zoubeyra Kwamimbo, \"phone\": 79318642}}]"));
        Http.Response notAnExport = call(http.post("/api/v1/reports", INTEGRATOR, "text/csv",
                "Zoubeyra Kwamimbo,+223 79 31 86 42,kwamimbo.z@protonmail.example\n1,2,3\n"));
        String reportId = json.path("reports").get(0).path("id").asText();
        String path = "/api/v1/reports/" + reportId + "/verification";
        Http.Response verified = call(http.post(path, OFFICER, "application/json",
                "{\"state\": \"verified\", \"note\": \"called back on +223 79 31 86 42 and 0022365917384: confirmed\"}"));
        Http.Response badState = call(http.post(path, OFFICER, "application/json",
                "{\"state\": \"Kwamimbo 79318642\"}"));
        Http.Response forbidden = call(http.post(path, INTEGRATOR, "application/json", "{\"state\": \"rejected\"}"));
        Http.Response unknown = call(http.post("/api/v1/reports/Zoubeyra-79318642/verification", OFFICER,
                "application/json", "{\"state\": \"rejected\"}"));
        call(http.get("/health", null));
        String metrics = call(http.get("/metrics", null)).body();

        // then the answers say what happened
        assertThat(json.path("accepted").asLong()).isEqualTo(2);
        assertThat(json.path("rejected").asLong()).isEqualTo(3);
        assertThat(json.path("errors")).extracting(e -> e.path("row").asLong()).containsExactly(3L, 4L, 5L);
        assertThat(resent.path("duplicates").asLong()).isEqualTo(2);
        assertThat(resent.path("accepted").asLong()).isZero();
        assertThat(ushahidi.path("accepted").asLong()).isEqualTo(1);
        assertThat(ushahidi.path("rejected").asLong()).isEqualTo(1);
        assertThat(ushahidi.path("reports").get(0).path("regionId").asText()).isEqualTo("MLI.Kidal");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(notAnExport.status()).isEqualTo(400);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().path("note").asText()).isEqualTo("called back on [phone] and [phone]: confirmed");
        assertThat(verified.json().path("role").asText()).isEqualTo("officer");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(metrics).contains("tabale_reports_rows_total", "tabale_reports_verifications_total");

        // and the broker holds the reports, pseudonymous, the dead letters and the decision
        String topics = everyTopic(kafka);
        assertThat(topics).contains(reportId).contains("\"reporter\":\"inf-").contains("sms:[phone]:0007")
                .contains("\"verification\":\"verified\"").contains("Signal\u00e9 par [reporter], [phone]")
                .contains("[reporter] ([phone]) says armed men")
                .contains("called back on [phone]");
        assertThat(LOGS.lines).anySatisfy(line -> assertThat(line).contains("created a pseudonym key"));
        assertThat(dataDir.resolve("pseudonym.key")).exists();

        // the search itself finds an identity where there is one
        assertThat(leaks(JSON_REPORTS + USHAHIDI)).contains("Kwamimbo", "Xelinkoro", "Xélinkoro", "tchavro77",
                "kwamimbo.z@protonmail.example", "(+226) 70.48.26.19", "76583927", "+223 66 20 47 51");

        // and nowhere is there any
        assertThat(leaks(topics)).as("topics").isEmpty();
        assertThat(leaks(String.join("\n", ANSWERS))).as("API answers").isEmpty();
        assertThat(leaks(String.join("\n", LOGS.lines))).as("log lines").isEmpty();
        assertThat(leaks(metrics)).as("metrics").isEmpty();
    }

    @Test
    void shouldKeepFullPrecisionOnTheRestrictedTopicAndServeATenthOfADegree(KafkaTestCluster kafka) throws Exception {
        String body = "{\"id\": \"precision-1\", \"date\": \"2024-05-15\", \"place\": {\"country\": \"Mali\","
                + " \"admin1\": \"Tombouctou\", \"latitude\": 16.7734567, \"longitude\": -3.0074321}, \"category\": \"attack\"}";

        JsonNode answer = call(http.post("/api/v1/reports?source=precision", INTEGRATOR, "application/json", body)).json();

        JsonNode served = answer.path("reports").get(0);
        assertThat(served.path("latitude").asDouble()).isEqualTo(16.8);
        assertThat(served.path("longitude").asDouble()).isEqualTo(-3.0);
        assertThat(answer.toString()).doesNotContain("16.7734567").doesNotContain("3.0074321");
        CommunityReport stored = read(kafka, Topics.REPORTS.name()).stream()
                .filter(r -> served.path("id").asText().equals(new String(r.key(), StandardCharsets.UTF_8)))
                .map(r -> Topics.REPORTS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .findFirst().orElseThrow();
        assertThat(stored.latitude()).isEqualTo(16.7734567);
        assertThat(stored.longitude()).isEqualTo(-3.0074321);
        assertThat(stored.regionId()).isEqualTo("MLI.Tombouctou");
    }

    /** The identities found in {@code text}, compared with case and accents folded. */
    private static List<String> leaks(String text) {
        String folded = fold(text);
        return IDENTITIES.stream().filter(identity -> folded.contains(fold(identity))).toList();
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** Every record of every topic on the broker, internal ones included: keys, values and headers as text. */
    private static String everyTopic(KafkaTestCluster kafka) throws Exception {
        Set<String> names = kafka.admin().listTopics(new ListTopicsOptions().listInternal(true)).names()
                .get(30, TimeUnit.SECONDS);
        assertThat(names).contains(Topics.REPORTS.name(), Topics.REPORT_VERIFICATIONS.name(), Topics.DLQ.name());
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            for (ConsumerRecord<byte[], byte[]> record : read(kafka, name)) {
                text.append(name).append(' ').append(string(record.key())).append(' ').append(string(record.value()));
                for (Header header : record.headers()) {
                    text.append(' ').append(header.key()).append('=').append(string(header.value()));
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** A topic from the beginning up to its end now, aborted transactions included. */
    private static List<ConsumerRecord<byte[], byte[]>> read(KafkaTestCluster kafka, String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                assertThat(System.nanoTime()).as("reading %s before the deadline", topic).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String string(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
