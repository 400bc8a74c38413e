package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabale.app.http.Tokens;
import org.tabale.model.DeadLetter;
import org.tabale.model.JsonSerde;
import org.tabale.model.Topics;
import org.tabale.testkit.KafkaTestCluster;
import org.tabale.testkit.RealKafka;

/**
 * A corpus of bad rows and bodies, each sent over HTTP to the ingest service on a real broker:
 * each is refused with a precise reason, in the answer and in {@code tabale.dlq.v1}; the good
 * row sent beside a bad one is still accepted.
 */
@RealKafka
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BadInputCorpusIT {

    private static final String TOKEN = "integrator-token-bad-input";
    private static final String HEADER = "event_id_cnty,event_date,event_type,country,admin1,latitude,longitude,notes,fatalities,timestamp\n";

    private static TabaleNode node;
    private static KafkaTestCluster cluster;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(KafkaTestCluster kafka, @TempDir Path dataDir) {
        cluster = kafka;
        TabaleConfig config = TabaleConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "TABALE_DATA_DIR", dataDir.toString(), "TABALE_HTTP_PORT", "0", "TABALE_MAX_ROWS", "50",
                "TABALE_MAX_BODY_BYTES", String.valueOf(1024 * 1024), "TABALE_MAX_FIELD_CHARS", "5000"));
        node = TabaleNode.start(config, EnumSet.of(Service.INGEST), Tokens.parse("integrator:" + TOKEN), Clock.systemUTC(), null);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** A good row, then a bad one, each marked with the case number in its notes. */
    private static String rows(int n, String bad) {
        return HEADER + "MLIGOOD" + n + ",2019-03-01,Battles,Mali,Gao,16.2,-0.04,good case-" + n + ",1,100\n" + bad + "\n";
    }

    static Stream<Arguments> badRows() {
        String huge = "x".repeat(6000);
        return Stream.of(
                Arguments.of(1, "MLIBAD1,2019-13-45,Battles,Mali,Gao,,,case-1,1,100", "event_date '2019-13-45'"),
                Arguments.of(2, "MLIBAD2,31/02/2019,Battles,Mali,Gao,,,case-2,1,100", "event_date '31/02/2019'"),
                Arguments.of(3, "MLIBAD3,2019-03-01,Battles,Mali,Gao,,,case-3,-3,100", "fatalities '-3'"),
                Arguments.of(4, "MLIBAD4,2019-03-01,Battles,Mali,Gao,,,case-4,many,100", "fatalities 'many'"),
                Arguments.of(5, "MLIBAD5,2019-03-01,Battles,Mali,Gao,,,case-5,2.5,100", "fatalities '2.5'"),
                Arguments.of(6, "MLIBAD6,2019-03-01,Skirmish,Mali,Gao,,,case-6,1,100", "event_type 'Skirmish'"),
                Arguments.of(7, ",2019-03-01,Battles,Mali,Gao,,,case-7,1,100", "event_id_cnty is missing"),
                Arguments.of(8, "MLIBAD8,2019-03-01,Battles,,Gao,,,case-8,1,100", "country is missing"),
                Arguments.of(9, "MLIBAD9,,Battles,Mali,Gao,,,case-9,1,100", "event_date"),
                Arguments.of(10, "MLIBAD10,2019-03-01,Battles,Mali,Gao,95,1,case-10,1,100", "coordinates"),
                Arguments.of(11, "MLIBAD11,2019-03-01,Battles,Mali,Gao,16,east,case-11,1,100", "coordinates"),
                Arguments.of(12, "MLIBAD12,2019-03-01,Battles,Mali,Gao,,,case-12,1,yesterday", "timestamp 'yesterday'"),
                Arguments.of(13, "MLIBAD13,2019-03-01,Battles,Mali,Gao,,,case-13 " + huge + ",1,100", "field notes is 6"),
                Arguments.of(14, "MLIBAD14,2019-03-01,Battles,Mali,Gao,,,case-14,,100", "fatalities is missing"),
                Arguments.of(15, "MLIBAD15,2019-03-01,Battles,Mali,Gao,,,case-15", "fatalities is missing"),
                Arguments.of(16, "MLIBAD16,2019-03-01,Battles,Mali,Gao,,,case-16,99999999999,100", "fatalities '99999999999'"),
                Arguments.of(17, "MLIBAD17,1 Smarch 2019,Battles,Mali,Gao,,,case-17,1,100", "event_date '1 Smarch 2019'"));
    }

    @ParameterizedTest(name = "bad row {0}: {2}")
    @MethodSource("badRows")
    void shouldRefuseABadRowWithItsReasonAndAcceptTheGoodOne(int n, String bad, String reason) throws Exception {
        HttpResponse<String> response = post("/api/v1/events", "text/csv", rows(n, bad).getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonSerde.MAPPER.readTree(response.body());
        assertThat(body.path("accepted").asLong()).isEqualTo(1);
        assertThat(body.path("rejected").asLong()).isEqualTo(1);
        assertThat(body.path("errors").get(0).path("row").asLong()).isEqualTo(2);
        assertThat(body.path("errors").get(0).path("reason").asText()).contains(reason);
        assertThat(deadLetters("case-" + n)).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).contains(reason);
            assertThat(letter.row()).isEqualTo(2);
            assertThat(letter.source()).isEqualTo("http:/api/v1/events");
        });
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of(101, "text/csv", "{\"case\": \"case-101\", \"json\": \"where CSV is declared\"}", 400, "header lacks"),
                Arguments.of(102, "text/csv", "", 400, "empty"),
                Arguments.of(103, "text/csv", HEADER + "MLI1,2019-03-01,Battles,Mali,Gao,,,\"case-103 never closed,1,100\n", 400, "not valid CSV"),
                Arguments.of(104, "application/json", "[{\"event_id_cnty\": \"case-104\", \"event_date\": ", 400, "not valid JSON"),
                Arguments.of(105, "application/json", HEADER + "case-105", 400, "not valid JSON"),
                Arguments.of(106, "application/json", "{\"status\": 200, \"case\": \"case-106\"}", 400, "or an object with a \"data\""),
                Arguments.of(107, "text/csv", "case-107\nonly,a,header,line", 400, "header lacks"),
                Arguments.of(108, "application/xml", "<case>case-108</case>", 415, "Content-Type 'application/xml'"));
    }

    @ParameterizedTest(name = "bad body {0}: {4}")
    @MethodSource("badBodies")
    void shouldRefuseABadBodyWithItsReasonAndDeadLetterIt(int n, String type, String body, int status, String reason) throws Exception {
        HttpResponse<String> response = post("/api/v1/events", type, body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(JsonSerde.MAPPER.readTree(response.body()).path("error").asText()).contains(reason);
        if (!body.isEmpty()) {
            assertThat(deadLetters("case-" + n)).singleElement().satisfies(letter -> {
                assertThat(letter.reason()).contains(reason);
                assertThat(letter.row()).isEqualTo(-1);
            });
        }
    }

    @ParameterizedTest(name = "bad body {0}")
    @MethodSource("oddBodies")
    void shouldRefuseWhatCannotBeReadAtAll(int n, byte[] body, int status, String reason) throws Exception {
        HttpResponse<String> response = post("/api/v1/events", "text/csv", body);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(JsonSerde.MAPPER.readTree(response.body()).path("error").asText()).contains(reason);
        assertThat(deadLetters("case-" + n)).hasSize(1);
    }

    static Stream<Arguments> oddBodies() {
        byte[] neitherEncoding = {'c', 'a', 's', 'e', '-', '2', '0', '1', ',', (byte) 0xC3, (byte) 0x28, (byte) 0x81, '\n'};
        StringBuilder tooMany = new StringBuilder(HEADER);
        for (int i = 0; i < 51; i++) {
            tooMany.append("MLIMANY").append(i).append(",2019-03-01,Battles,Mali,Gao,,,case-202,1,100\n");
        }
        return Stream.of(
                Arguments.of(201, neitherEncoding, 400, "neither UTF-8 nor Windows-1252"),
                Arguments.of(202, tooMany.toString().getBytes(StandardCharsets.UTF_8), 413, "51 data rows exceed the limit of 50"));
    }

    private static HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<DeadLetter> deadLetters(String marker) {
        List<ConsumerRecord<String, DeadLetter>> all = cluster.readToEnd(Topics.DLQ.name(),
                Topics.DLQ.keySerde().deserializer(), Topics.DLQ.valueSerde().deserializer(), java.time.Duration.ofSeconds(60));
        return all.stream().map(ConsumerRecord::value)
                .filter(l -> l.original() != null && l.original().matches("(?s).*\\b" + marker + "\\b.*")).toList();
    }
}
