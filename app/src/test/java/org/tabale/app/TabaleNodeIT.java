package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.nio.charset.StandardCharsets;
import org.tabale.model.DeadLetter;
import org.tabale.model.Topics;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.app.http.Tokens;
import org.tabale.testkit.KafkaTestCluster;
import org.tabale.testkit.RealKafka;
import picocli.CommandLine;

/**
 * The thin slice end to end on a real broker: CSV over HTTP → events topic → streams → region
 * stats → alert → webhook; the analyst query; the error answers; health and metrics.
 */
@RealKafka
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TabaleNodeIT {

    private static final String INTEGRATOR = "integrator-token-0001";
    private static final String ANALYST = "analyst-token-000001";
    private static final String OFFICER = "officer-token-000001";
    private static final String CSV = """
            event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,civilian_targeting,iso,country,admin1,fatalities,timestamp
            MLI90001,2019-03-23,2019,Violence against civilians,Attack,Dan Na Ambassagou,Civilians (Mali),Civilian targeting,466,Mali,Mopti,157,1553500000
            MLI90001,2019-03-23,2019,Violence against civilians,Attack,Civilians (Mali),Dan Na Ambassagou,Civilian targeting,466,Mali,Mopti,157,1553500000
            MLI90002,2019-03-25,2019,Battles,Armed clash,Military Forces of Mali,JNIM,,466,Mali,Mopti,4,1553600000
            MLI90003,2019-03-24,2019,Protests,Peaceful protest,Protesters (Mali),,,466,Mali,Segou,0,1553600000
            ,2019-03-24,2019,Battles,Armed clash,A,B,,466,Mali,Mopti,1,1553600000
            """;

    private static TabaleNode node;
    private static WebhookReceiver webhook;
    private static Http http;

    @BeforeAll
    static void start(KafkaTestCluster kafka, @TempDir Path dataDir) throws InterruptedException {
        webhook = new WebhookReceiver();
        String run = kafka.uniqueName("node-it");
        TabaleConfig config = TabaleConfig.fromEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "TABALE_DATA_DIR", dataDir.toString(),
                "TABALE_HTTP_PORT", "0",
                "TABALE_MAX_BODY_BYTES", "4096",
                "TABALE_STREAMS_APP_ID", run + "-streams",
                "TABALE_ALERTS_GROUP_ID", run + "-alerts",
                "TABALE_WEBHOOK_URL", webhook.url(),
                "TABALE_WEBHOOK_ALLOW_PRIVATE", "true",
                "TABALE_ALERT_MAX_PUSH_AGE_DAYS", "100000"));
        Tokens tokens = Tokens.parse("integrator:" + INTEGRATOR + ",analyst:" + ANALYST + ",officer:" + OFFICER);
        node = TabaleNode.start(config, Service.all(), tokens, Clock.systemUTC(), null);
        assertThat(node.streams().awaitRunning(Duration.ofSeconds(60))).isTrue();
        http = new Http(node.httpPort());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void shouldTakeCsvOverHttpAndCallTheWebhookWithTheAlert() {
        Http.Response response = http.post("/api/v1/events", INTEGRATOR, "text/csv", CSV);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("accepted").asLong()).isEqualTo(3);
        assertThat(body.path("duplicates").asLong()).isEqualTo(1);
        assertThat(body.path("rejected").asLong()).isEqualTo(1);
        assertThat(body.path("errors").get(0).path("row").asLong()).isEqualTo(5);
        assertThat(body.path("errors").get(0).path("reason").asText()).contains("event_id_cnty");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(webhook.received())
                .anySatisfy(alert -> {
                    assertThat(alert.path("region").path("id").asText()).isEqualTo("MLI.Mopti");
                    assertThat(alert.path("metric").asText()).isEqualTo("civilianFatalities");
                    assertThat(alert.path("value").asLong()).isEqualTo(157);
                    assertThat(alert.path("state").asText()).isEqualTo("firing");
                }));
        // The default rules see this massacre three ways (7-day count, 30-day surge, 30-day record): one alert each.
        // One alert for the episode however many records confirm it (March 2019 is long past: it also resolves at once).
        assertThat(webhook.received()).filteredOn(alert -> alert.path("region").path("id").asText().equals("MLI.Mopti")
                        && alert.path("rule").asText().equals("civilian-fatalities-7d") && alert.path("kind").asText().equals("new"))
                .as("one alert for the episode, however many windows confirm it").hasSize(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Response stats = http.get("/api/v1/stats?region=Mali/Mopti&from=2019-03-23&to=2019-03-31&window=7", ANALYST);
            assertThat(stats.status()).isEqualTo(200);
            JsonNode march29 = stats.json().path("series").get(6);
            assertThat(march29.path("date").asText()).isEqualTo("2019-03-29");
            assertThat(march29.path("events").asLong()).isEqualTo(2);
            assertThat(march29.path("fatalities").asLong()).isEqualTo(161);
            assertThat(march29.path("violentEvents").asLong()).isEqualTo(2);
            assertThat(march29.path("civilianEvents").asLong()).isEqualTo(1);
            assertThat(march29.path("civilianFatalities").asLong()).isEqualTo(157);
            assertThat(march29.path("per100k").path("civilianFatalities").asDouble()).isEqualTo(6.2557);
        });
        Http.Response officerView = http.get("/api/v1/alerts?region=MLI.Mopti", OFFICER);
        assertThat(officerView.json().path("alerts"))
                .filteredOn(alert -> alert.path("rule").asText().equals("civilian-fatalities-7d")).hasSize(1);
    }

    @Test
    void shouldReplayADirectoryOfCsvInBatchesAndJsonThroughTheIngestApi(@TempDir Path files) throws Exception {
        StringBuilder csv = new StringBuilder("EVENT_ID_CNTY,EVENT_DATE,EVENT_TYPE,COUNTRY,ADMIN1,NOTES,FATALITIES\r\n");
        for (int i = 1; i <= 12; i++) {
            csv.append("MLI9510").append(i).append(",0").append(i % 9 + 1).append("/02/2021,Violence against civilians,Mali,Kayes,")
                    .append("\"Villagers\u2019 report, day ").append(i).append("\",").append(i).append("\r\n");
        }
        Files.write(files.resolve("kayes.csv"), csv.toString().getBytes(Charset.forName("windows-1252")));
        Files.writeString(files.resolve("more.json"), "{\"status\":200,\"data\":[{\"event_id_cnty\":\"MLI95200\","
                + "\"event_date\":\"2021-02-05\",\"event_type\":\"Battles\",\"country\":\"Mali\",\"admin1\":\"Kayes\","
                + "\"fatalities\":\"2\",\"timestamp\":\"100\"}]}");
        Files.writeString(files.resolve("notes.txt"), "not a feed: skipped when replaying a directory");

        int code = new CommandLine(new Main()).execute("replay", "--url",
                "http://127.0.0.1:" + node.httpPort(), "--token", INTEGRATOR, "--batch", "5", files.toString());

        assertThat(code).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode day = http.get("/api/v1/stats?region=MLI.Kayes&from=2021-02-09&to=2021-02-09&window=30", ANALYST)
                    .json().path("series").get(0);
            assertThat(day.path("events").asLong()).isEqualTo(13);
            assertThat(day.path("fatalities").asLong()).isEqualTo(80);
        });
    }

    @Test
    void shouldCountRepeatsAndOlderVersionsAgainstWhatIsStoredAndApplyRevisionsAndDeletions() {
        String header = "event_id_cnty,event_date,event_type,country,admin1,fatalities,timestamp\n";
        String first = header + "MLI97001,2019-05-02,Battles,Mali,Sikasso,3,1000\nMLI97002,2019-05-03,Battles,Mali,Sikasso,4,1000\n";
        assertThat(http.post("/api/v1/events", INTEGRATOR, "text/csv", first).json().path("accepted").asLong()).isEqualTo(2);

        JsonNode again = http.post("/api/v1/events", INTEGRATOR, "text/csv", first).json();
        assertThat(again.path("accepted").asLong()).isZero();
        assertThat(again.path("duplicates").asLong()).isEqualTo(2);
        JsonNode older = http.post("/api/v1/events", INTEGRATOR, "text/csv",
                header + "MLI97001,2019-05-02,Battles,Mali,Sikasso,30,999\n").json();
        assertThat(older.path("stale").asLong()).isEqualTo(1);
        JsonNode revised = http.post("/api/v1/events", INTEGRATOR, "text/csv",
                header + "MLI97001,2019-05-02,Battles,Mali,Sikasso,10,2000\n").json();
        assertThat(revised.path("accepted").asLong()).isEqualTo(1);
        JsonNode deleted = http.post("/api/v1/events/deletions", INTEGRATOR, "application/json",
                "[{\"event_id_cnty\":\"MLI97002\",\"deleted_timestamp\":\"3000\"}]").json();
        assertThat(deleted.path("accepted").asLong()).isEqualTo(1);
        JsonNode lateOld = http.post("/api/v1/events", INTEGRATOR, "text/csv",
                header + "MLI97002,2019-05-03,Battles,Mali,Sikasso,4,1500\n").json();
        assertThat(lateOld.path("stale").asLong()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode day = http.get("/api/v1/stats?region=MLI.Sikasso&from=2019-05-08&to=2019-05-08&window=7", ANALYST)
                    .json().path("series").get(0);
            assertThat(day.path("events").asLong()).isEqualTo(1);
            assertThat(day.path("fatalities").asLong()).isEqualTo(10);
        });
    }

    @Test
    void shouldDeadLetterABodyRefusedAsAWhole(KafkaTestCluster kafka) {
        String body = "this is not, a feed\nat all";
        assertThat(http.post("/api/v1/events", INTEGRATOR, "text/csv", body).status()).isEqualTo(400);

        List<ConsumerRecord<String, DeadLetter>> letters = kafka.readToEnd(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(),
                Topics.DLQ.valueSerde().deserializer(), Duration.ofSeconds(30));
        assertThat(letters).extracting(ConsumerRecord::value).anySatisfy(letter -> {
            assertThat(letter.original()).isEqualTo(body);
            assertThat(letter.row()).isEqualTo(-1);
            assertThat(letter.reason()).contains("header lacks");
        });
    }

    @Test
    void shouldValidateSubmissionsProducedStraightToTheRawTopic(KafkaTestCluster kafka) throws Exception {
        String csv = "event_id_cnty,event_date,event_type,country,admin1,fatalities,timestamp\n"
                + "MLI98001,2019-07-01,Battles,Mali,Tombouctou,6,100\n"
                + "MLI98002,2019-07-01,Picnic,Mali,Tombouctou,6,100\n";
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW_EVENTS.name(), "sync-job", csv.getBytes(StandardCharsets.UTF_8))).get();
            ProducerRecord<String, byte[]> json = new ProducerRecord<>(Topics.RAW_EVENTS.name(), "sync-job",
                    "[{\"event_id_cnty\": \"raw-json-case\"".getBytes(StandardCharsets.UTF_8));
            json.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(json).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode day = http.get("/api/v1/stats?region=MLI.Tombouctou&from=2019-07-01&to=2019-07-01", ANALYST)
                    .json().path("series").get(0);
            assertThat(day.path("fatalities").asLong()).isEqualTo(6);
            List<DeadLetter> letters = kafka.readToEnd(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(),
                    Topics.DLQ.valueSerde().deserializer(), Duration.ofSeconds(30)).stream()
                    .map(ConsumerRecord::value).filter(l -> l.source().startsWith("kafka:" + Topics.RAW_EVENTS.name())).toList();
            assertThat(letters).anySatisfy(l -> {
                assertThat(l.eventId()).isEqualTo("MLI98002");
                assertThat(l.reason()).contains("event_type 'Picnic'");
                assertThat(l.row()).isEqualTo(2);
            });
            assertThat(letters).anySatisfy(l -> {
                assertThat(l.row()).isEqualTo(-1);
                assertThat(l.reason()).contains("not valid JSON");
                assertThat(l.original()).contains("raw-json-case");
            });
        });
    }

    @Test
    void shouldListARegionOutsideTheGazetteerAsUnknown() {
        String csv = "event_id_cnty,event_date,event_type,country,admin1,fatalities,timestamp\n"
                + "MLI98101,2019-08-01,Battles,Mali,Nouvelle Région,2,100\n";
        assertThat(http.post("/api/v1/events", INTEGRATOR, "text/csv", csv).json().path("accepted").asLong()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                http.get("/api/v1/regions", ANALYST).json().path("regions")).anySatisfy(region -> {
                    assertThat(region.path("id").asText()).isEqualTo("MLI.Nouvelle Region");
                    assertThat(region.path("admin1").asText()).isEqualTo("Nouvelle Région");
                    assertThat(region.path("known").asBoolean()).isFalse();
                    assertThat(region.path("latestDate").asText()).isEqualTo("2019-08-01");
                }));
        assertThat(http.get("/api/v1/regions", ANALYST).json().path("regions"))
                .anySatisfy(region -> assertThat(region.path("id").asText()).isEqualTo("MLI.Mopti"));
    }

    @Test
    void shouldRankEveryRegionOnADateAsJsonCsvAndGeoJson() {
        String csv = "event_id_cnty,event_date,event_type,country,admin1,fatalities,timestamp\n"
                + "MLI98201,2015-06-10,Battles,Mali,Gao,9,100\nBFA98202,2015-06-12,Battles,Burkina Faso,Sahel,4,100\n";
        assertThat(http.post("/api/v1/events", INTEGRATOR, "text/csv", csv).json().path("accepted").asLong()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode snapshot = http.get("/api/v1/stats/snapshot?date=2015-06-15&window=7&sort=fatalities", ANALYST).json();
            JsonNode regions = snapshot.path("regions");
            assertThat(regions.get(0).path("id").asText()).isEqualTo("MLI.Gao");
            assertThat(regions.get(0).path("rank").asInt()).isEqualTo(1);
            assertThat(regions.get(0).path("fatalities").asLong()).isEqualTo(9);
            assertThat(regions.get(1).path("id").asText()).isEqualTo("BFA.Sahel");
            assertThat(regions.size()).isGreaterThanOrEqualTo(30);
        });
        Http.Response table = http.get("/api/v1/stats/snapshot?date=2015-06-15&window=7&sort=fatalities&limit=2&format=csv", ANALYST);
        assertThat(table.body().lines()).hasSize(3);
        assertThat(table.body().lines().skip(1).findFirst().orElseThrow()).startsWith("1,MLI.Gao,Mali,Gao,true,668410,2015-06-15,7,1,9,");
        JsonNode geo = http.get("/api/v1/stats/snapshot?date=2015-06-15&window=7&format=geojson", ANALYST).json();
        assertThat(geo.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geo.path("features")).hasSize(30);
        assertThat(geo.path("features")).anySatisfy(feature -> {
            assertThat(feature.path("id").asText()).isEqualTo("MLI.Gao");
            assertThat(feature.path("properties").path("fatalities").asLong()).isEqualTo(9);
            assertThat(feature.path("geometry").path("type").asText()).isEqualTo("MultiPolygon");
        });
        assertThat(http.get("/api/v1/stats/snapshot?sort=deaths", ANALYST).json().path("detail").path("parameter").asText())
                .isEqualTo("sort");
    }

    @Test
    void shouldServeStatsAsCsvForAnAlias() {
        Http.Response csv = http.get("/api/v1/stats?region=MLI/Segou&from=2019-03-24&to=2019-03-24&format=csv", ANALYST);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("region_id,country,admin1,window,date,events");
        assertThat(csv.body().lines().skip(1).findFirst().orElseThrow()).startsWith("MLI.Segou,Mali,Ségou,7,2019-03-24,");
    }

    @Test
    void shouldAnswer400WithAReasonForABodyThatIsNotCsv() {
        Http.Response response = http.post("/api/v1/events", INTEGRATOR, "text/csv", "{\"hello\": \"world\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).contains("header lacks").contains("event_date");
        assertThat(http.get("/health", null).status()).isEqualTo(200);
    }

    @Test
    void shouldTakeUcdpRowsWithSourceUcdpAndServeTheirRegion() {
        // given GED rows (deaths below every default alert threshold)
        String ged = """
                id,type_of_violence,country,country_id,adm_1,adm_2,latitude,longitude,date_start,date_end,best
                900401,3,Myanmar (Burma),775,Rakhine State,Invented District,20.1001,92.9002,2017-08-26,2017-08-26,2
                900402,1,Myanmar (Burma),775,Rakhine state,Invented District,20.2001,92.8002,2017-08-27,2017-08-27,1
                900403,5,Myanmar (Burma),775,Rakhine State,Invented District,20.2001,92.8002,2017-08-27,2017-08-27,1
                """;

        // when
        Http.Response response = http.post("/api/v1/events?source=ucdp", INTEGRATOR, "text/csv", ged);

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("accepted").asLong()).isEqualTo(2);
        assertThat(response.json().path("errors").get(0).path("eventId").asText()).isEqualTo("UCDP-900403");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode day = http.get("/api/v1/stats?region=Myanmar/Rakhine&from=2017-08-27&to=2017-08-27", ANALYST)
                    .json().path("series").get(0);
            assertThat(day.path("events").asLong()).isEqualTo(2);
            assertThat(day.path("fatalities").asLong()).isEqualTo(3);
            assertThat(day.path("civilianFatalities").asLong()).isEqualTo(2);
        });
    }

    @Test
    void shouldAnswer400NamingWhyForHdxHapiAggregatesAndForAnUnknownSource() {
        String hapi = """
                location_code,has_hrp,in_gho,admin1_code,admin1_name,admin_level,event_type,events,fatalities,reference_period_start,reference_period_end
                MLI,Y,Y,ML05,Mopti,1,civilian_targeting,1,2,2024-01-01,2024-01-31
                """;

        Http.Response aggregates = http.post("/api/v1/events", INTEGRATOR, "text/csv", hapi);
        assertThat(aggregates.status()).isEqualTo(400);
        assertThat(aggregates.json().path("error").asText()).isEqualTo("HDX HAPI conflict_event rows are monthly"
                + " aggregates without event ids; send event-level ACLED or UCDP rows");
        Http.Response unknown = http.post("/api/v1/events?source=gdelt", INTEGRATOR, "text/csv", CSV);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").asText()).contains("source=acled or source=ucdp");
        assertThat(unknown.json().path("detail").path("parameter").asText()).isEqualTo("source");
    }

    @Test
    void shouldAnswer401WithoutTokenAnd403ForAnotherRole() {
        assertThat(http.post("/api/v1/events", null, "text/csv", CSV).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/events", "not-a-token-at-all", "text/csv", CSV).status()).isEqualTo(401);
        Http.Response forbidden = http.post("/api/v1/events", ANALYST, "text/csv", CSV);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().path("error").asText()).contains("analyst");
        assertThat(http.get("/api/v1/stats?region=MLI.Mopti", INTEGRATOR).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/alerts", ANALYST).status()).isEqualTo(403);
    }

    @Test
    void shouldAnswer400NamingTheParameterAnd404ForAnUnknownRegion() {
        Http.Response badWindow = http.get("/api/v1/stats?region=MLI.Mopti&window=8", ANALYST);
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.json().path("detail").path("parameter").asText()).isEqualTo("window");
        Http.Response badDate = http.get("/api/v1/stats?region=MLI.Mopti&from=yesterday", ANALYST);
        assertThat(badDate.json().path("detail").path("parameter").asText()).isEqualTo("from");
        assertThat(http.get("/api/v1/stats?region=Atlantis/Nowhere", ANALYST).status()).isEqualTo(404);
    }

    @Test
    void shouldAnswer413NamingTheLimitAnd415ForAnotherMediaType() {
        Http.Response tooBig = http.post("/api/v1/events", INTEGRATOR, "text/csv", "x".repeat(5000));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().path("error").asText()).contains("4096");
        assertThat(http.post("/api/v1/events", INTEGRATOR, "application/xml", "<a/>").status()).isEqualTo(415);
    }

    @Test
    void shouldExposeHealthAndPrometheusMetricsWithoutToken() {
        JsonNode health = http.get("/health", null).json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("streams").asText()).isEqualTo("RUNNING");

        String metrics = http.get("/metrics", null).body();
        assertThat(metrics).contains("tabale_ingest_rows_total", "jvm_memory_used_bytes", "kafka_stream");
    }
}
