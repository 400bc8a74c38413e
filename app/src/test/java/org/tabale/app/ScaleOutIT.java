package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.app.http.Tokens;
import org.tabale.testkit.KafkaTestCluster;
import org.tabale.testkit.RealKafka;

/**
 * Two instances of one Streams application on one broker share the four partitions; a query to
 * either gives the whole answer (each fetches the other's part); when one stops, the other takes
 * its partitions over and still answers right.
 */
@RealKafka
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ScaleOutIT {

    private static final String INTEGRATOR = "integrator-token-scale-out";
    private static final String ANALYST = "analyst-token-scale-out";
    private static final List<String> REGIONS = List.of("MLI.Mopti", "MLI.Gao", "MLI.Kidal", "MLI.Segou", "MLI.Tombouctou");

    @Test
    void shouldAnswerTheSameFromEitherInstanceAndAfterOneStops(KafkaTestCluster kafka, @TempDir Path a, @TempDir Path b)
            throws Exception {
        String appId = kafka.uniqueName("scale-out");
        Tokens tokens = Tokens.parse("integrator:" + INTEGRATOR + ",analyst:" + ANALYST);
        TabaleNode first = node(kafka, appId, a, EnumSet.allOf(Service.class), tokens);
        TabaleNode[] second = {node(kafka, appId, b, EnumSet.of(Service.STREAMS), tokens)};
        try {
            StringBuilder csv = new StringBuilder("event_id_cnty,event_date,event_type,country,admin1,fatalities,timestamp\n");
            for (int i = 0; i < 60; i++) {
                csv.append("MLI7700").append(i).append(",2016-03-").append(String.format("%02d", 1 + i % 28))
                        .append(",Battles,Mali,").append(REGIONS.get(i % REGIONS.size()).substring(4)).append(',').append(i % 7)
                        .append(",100\n");
            }
            Http ingest = new Http(first.httpPort());
            assertThat(ingest.post("/api/v1/events", INTEGRATOR, "text/csv", csv.toString()).json().path("accepted").asLong())
                    .isEqualTo(60);

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(first.streams().peers()).hasSize(1);
                assertThat(second[0].streams().peers()).hasSize(1);
                for (String region : REGIONS) {
                    JsonNode fromFirst = series(first, region);
                    assertThat(totalFatalities(fromFirst)).as(region).isEqualTo(expectedFatalities(region));
                    assertThat(series(second[0], region)).as(region).isEqualTo(fromFirst);
                }
            });

            second[0].close();
            second[0] = null;
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (String region : REGIONS) {
                    assertThat(totalFatalities(series(first, region))).as(region).isEqualTo(expectedFatalities(region));
                }
            });
        } finally {
            if (second[0] != null) {
                second[0].close();
            }
            first.close();
        }
    }

    private static TabaleNode node(KafkaTestCluster kafka, String appId, Path dir, EnumSet<Service> services, Tokens tokens)
            throws IOException, InterruptedException {
        int port = freePort();
        TabaleNode node = TabaleNode.start(TabaleConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "TABALE_DATA_DIR", dir.toString(), "TABALE_HTTP_PORT", String.valueOf(port),
                "TABALE_ADVERTISED_URL", "localhost:" + port, "TABALE_STREAMS_APP_ID", appId,
                "TABALE_ALERTS_GROUP_ID", appId + "-alerts")), services, tokens, Clock.systemUTC(), null);
        return node;
    }

    private static JsonNode series(TabaleNode node, String region) {
        Http.Response response = new Http(node.httpPort())
                .get("/api/v1/stats?region=" + region + "&from=2016-03-01&to=2016-04-30&window=30", ANALYST);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("series");
    }

    private static long totalFatalities(JsonNode series) {
        // The 30-day window ending 2016-03-30 covers every day the test wrote (March 1 to 28).
        for (JsonNode point : series) {
            if (point.path("date").asText().equals("2016-03-30")) {
                return point.path("fatalities").asLong();
            }
        }
        throw new AssertionError("no 2016-03-30 in " + series);
    }

    private static long expectedFatalities(String region) {
        long sum = 0;
        for (int i = 0; i < 60; i++) {
            if (REGIONS.get(i % REGIONS.size()).equals(region)) {
                sum += i % 7;
            }
        }
        return sum;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
