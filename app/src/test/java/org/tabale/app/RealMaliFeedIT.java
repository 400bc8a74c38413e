package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.alerts.rules.RuleSet;
import org.tabale.app.backtest.Backtest;
import org.tabale.app.backtest.FeedFiles;
import org.tabale.app.http.Tokens;
import org.tabale.ingest.parse.Feed;
import org.tabale.model.Gazetteer;
import org.tabale.model.RegionStats;
import org.tabale.model.Topics;
import org.tabale.model.Totals;
import org.tabale.streams.topology.StatsSettings;
import org.tabale.testkit.KafkaTestCluster;
import org.tabale.testkit.RealKafka;
import org.tabale.testkit.SharedFeeds;

/**
 * The real legacy Mali export (1,339 events, 2017–2019) pushed over HTTP in a shuffled order, then
 * 10% of its rows re-sent revised (other fatalities, newer timestamp) with the rest repeated, then
 * 5% of its events deleted: after each step the API agrees, for every region, date and window of
 * 7 and 30 days, with a recomputation written here from the raw file; and so does what the alert
 * service reads, {@code tabale.region-stats.v1}, for every window.
 *
 * <p>The ITs of this module share one broker and its topics: no other IT may write Mali events
 * dated from December 2016 to February 2019.
 */
@RealKafka
@SharedFeeds.Required
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RealMaliFeedIT {

    private static final String FILE = "acled_mali_2017_2019_legacy/2017-01-01-2019-02-27-Mali.csv";
    private static final DateTimeFormatter ACLED_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final LocalDate FIRST = LocalDate.of(2017, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2019, 2, 22);
    /** The dates of Mali events no other IT of this module writes. */
    private static final LocalDate OWNED_FROM = LocalDate.of(2016, 12, 1);
    private static final LocalDate OWNED_TO = LocalDate.of(2019, 2, 28);
    private static final String INTEGRATOR = "integrator-token-real-mali";
    private static final String ANALYST = "analyst-token-real-mali";
    private static final String OFFICER = "officer-token-real-mali";

    private static TabaleNode node;
    private static KafkaTestCluster cluster;
    private static Http http;
    private static List<String> header;
    private static List<CSVRecord> records;

    @BeforeAll
    static void start(KafkaTestCluster kafka, @TempDir Path dataDir) throws Exception {
        cluster = kafka;
        try (Reader in = Files.newBufferedReader(SharedFeeds.file(FILE), StandardCharsets.UTF_8)) {
            records = CSVFormat.DEFAULT.builder().setHeader().get().parse(in).getRecords();
        }
        header = records.get(0).getParser().getHeaderNames();
        String run = kafka.uniqueName("real-mali");
        TabaleConfig config = TabaleConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "TABALE_DATA_DIR", dataDir.toString(), "TABALE_HTTP_PORT", "0",
                "TABALE_STREAMS_APP_ID", run + "-streams", "TABALE_ALERTS_GROUP_ID", run + "-alerts"));
        node = TabaleNode.start(config, Service.all(), Tokens.parse("integrator:" + INTEGRATOR + ",analyst:" + ANALYST
                        + ",officer:" + OFFICER),
                Clock.systemUTC(), null);
        assertThat(node.streams().awaitRunning(Duration.ofSeconds(60))).isTrue();
        http = new Http(node.httpPort());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void shouldServeExactlyTheRecomputedFiguresThroughRevisionsAndDeletions() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        records.forEach(r -> rows.add(new LinkedHashMap<>(r.toMap())));
        Collections.shuffle(rows, new Random(42));

        JsonNode first = post("/api/v1/events", "text/csv", csv(rows));
        assertThat(first.path("accepted").asLong()).isEqualTo(1339);
        assertThat(first.path("rejected").asLong()).isZero();
        assertAgrees(rows);
        assertAlertsAsTheBacktest();

        List<Map<String, String>> resent = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = new LinkedHashMap<>(rows.get(i));
            if (i % 10 == 0) {
                row.put("fatalities", String.valueOf(Integer.parseInt(row.get("fatalities")) + 1 + i % 3));
                row.put("timestamp", String.valueOf(Long.parseLong(row.get("timestamp")) + 1000));
            }
            resent.add(row);
        }
        Collections.shuffle(resent, new Random(7));
        JsonNode revisions = post("/api/v1/events", "text/csv", csv(resent));
        assertThat(revisions.path("accepted").asLong()).isEqualTo(134);
        assertThat(revisions.path("duplicates").asLong()).isEqualTo(1205);
        assertAgrees(resent);

        StringBuilder deletions = new StringBuilder("[");
        List<Map<String, String>> remaining = new ArrayList<>();
        for (int i = 0; i < resent.size(); i++) {
            Map<String, String> row = resent.get(i);
            if (i % 20 == 3) {
                deletions.append(deletions.length() > 1 ? "," : "").append("{\"event_id_cnty\":\"").append(row.get("event_id_cnty"))
                        .append("\",\"deleted_timestamp\":").append(Long.parseLong(row.get("timestamp")) + 5000).append('}');
            } else {
                remaining.add(row);
            }
        }
        JsonNode deleted = post("/api/v1/events/deletions", "application/json", deletions.append(']').toString());
        assertThat(deleted.path("accepted").asLong()).isEqualTo(resent.size() - remaining.size());
        assertAgrees(remaining);
        assertRegionStatsAgree(remaining);
    }

    private static JsonNode post(String path, String type, String body) {
        Http.Response response = http.post(path, INTEGRATOR, type, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String csv(List<Map<String, String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (Map<String, String> row : rows) {
                printer.printRecord(header.stream().map(row::get).toList());
            }
        }
        return out.toString();
    }

    /** Waits until every region's series for windows 7 and 30 equal the recomputation over {@code live}. */
    private static void assertAgrees(List<Map<String, String>> live) {
        Recomputation expected = recompute(live);
        TreeSet<String> regions = new TreeSet<>(expected.regions());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String region : regions) {
                for (int window : List.of(7, 30)) {
                    JsonNode series = http.get("/api/v1/stats?region=" + region + "&from=" + FIRST + "&to=" + LAST
                            + "&window=" + window, ANALYST).json().path("series");
                    assertThat(series).hasSize((int) (LAST.toEpochDay() - FIRST.toEpochDay() + 1));
                    for (JsonNode point : series) {
                        LocalDate end = LocalDate.parse(point.path("date").asText());
                        assertThat(new long[] {point.path("events").asLong(), point.path("fatalities").asLong(),
                                point.path("violentEvents").asLong(), point.path("civilianEvents").asLong(),
                                point.path("civilianFatalities").asLong()})
                                .as("%s, %d days ending %s", region, window, end)
                                .containsExactly(expected.window(region, end, window));
                    }
                }
            }
        });
    }

    /**
     * The default rules on the file: the alert service raises alerts in every region the back-test
     * names (Mopti, Gao, Kidal, Ségou, Tombouctou), and none in Bamako.
     */
    private static void assertAlertsAsTheBacktest() throws IOException {
        FeedFiles.Read file = FeedFiles.read(List.of(SharedFeeds.file(FILE)), Feed.ACLED, Gazetteer.bundled());
        TreeSet<String> expected = new TreeSet<>();
        new Backtest(RuleSet.bundledDefault(), 0).run(file.events()).episodes().forEach(e -> expected.add(e.regionId()));
        assertThat(expected).contains("MLI.Mopti", "MLI.Gao", "MLI.Kidal").doesNotContain("MLI.Bamako");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            TreeSet<String> alerted = new TreeSet<>();
            for (JsonNode alert : http.get("/api/v1/alerts?region=MLI", OFFICER).json().path("alerts")) {
                if (!alert.path("episode").path("firedAt").isNull() && !alert.path("episode").path("firedAt").isMissingNode()) {
                    alerted.add(alert.path("region").path("id").asText());
                }
            }
            assertThat(alerted).containsAll(expected).doesNotContain("MLI.Bamako");
        });
    }

    /**
     * What the alert service reads: on {@code tabale.region-stats.v1} (four partitions), the latest
     * record of each region on or before any date carries that date's windows, since windows change
     * only on the dates emitted. Checked for every region, date and window within the dates this IT owns.
     */
    private static void assertRegionStatsAgree(List<Map<String, String>> live) {
        Recomputation expected = recompute(live);
        TreeSet<String> regions = new TreeSet<>(expected.regions());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, RegionStats> latest = new HashMap<>();
            for (ConsumerRecord<String, RegionStats> record : cluster.readToEnd(Topics.REGION_STATS.name(),
                    Topics.REGION_STATS.keySerde().deserializer(), Topics.REGION_STATS.valueSerde().deserializer(),
                    Duration.ofSeconds(30))) {
                if (record.key().startsWith("MLI.")) {
                    latest.put(record.key(), record.value());
                }
            }
            for (String region : regions) {
                RegionStats current = null;
                for (LocalDate before = OWNED_FROM.minusDays(1); current == null && before.isAfter(OWNED_FROM.minusYears(4));
                     before = before.minusDays(1)) {
                    current = latest.get(region + "@" + before);
                }
                for (LocalDate end = OWNED_FROM; !end.isAfter(OWNED_TO); end = end.plusDays(1)) {
                    current = latest.getOrDefault(region + "@" + end, current);
                    for (int window : StatsSettings.SERVED_WINDOWS) {
                        if (end.minusDays(window - 1L).isBefore(OWNED_FROM)) {
                            continue; // other ITs may write Mali events before the dates this one owns
                        }
                        Totals t = current == null ? Totals.ZERO : current.windows().get(window);
                        assertThat(new long[] {t.events(), t.fatalities(), t.violentEvents(), t.civilianEvents(),
                                t.civilianFatalities()})
                                .as("region-stats of %s, %d days ending %s", region, window, end)
                                .containsExactly(expected.window(region, end, window));
                    }
                }
            }
        });
    }

    /** The recomputation over the newest version of each row's event (the legacy file has no civilian_targeting column). */
    private static Recomputation recompute(List<Map<String, String>> live) {
        Recomputation.Builder versions = Recomputation.builder();
        for (Map<String, String> r : live) {
            String type = r.get("event_type");
            boolean violent = type.startsWith("Battle") || type.equals("Remote violence") || type.equals("Violence against civilians");
            versions.event(new Recomputation.Event(r.get("event_id_cnty"), "MLI." + r.get("admin1"),
                    LocalDate.parse(r.get("event_date"), ACLED_DATE), violent, type.equals("Violence against civilians"),
                    Integer.parseInt(r.get("fatalities"))), Long.parseLong(r.get("timestamp")));
        }
        return versions.build();
    }
}
