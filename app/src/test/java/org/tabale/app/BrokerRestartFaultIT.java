package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.testkit.OwnKafka;

/**
 * Broker restart: the packaged app, a child process, takes a synthetic feed over HTTP while the
 * test stops its broker (a clean shutdown, as an operator's rolling restart does) and starts it
 * again on the same port and log directory, five times in the course of the replay (at a random
 * moment after each sixth of its requests), each time down for a few seconds. Nothing is lost and
 * nothing counted twice: at the end every region, date and window, in the API and on
 * {@code tabale.region-stats.v1}, equals the batch recomputation;
 * every row is accounted for once (accepted, duplicate or stale); the app is healthy again (no
 * service gave up); and the webhook receiver got every alert message once by {@code webhook-id}.
 *
 * <p>2,500 events by default, 100,000 with {@code -Dfaults=long}; the moments come from
 * {@code -Dfaults.seed} when given, else from the clock (printed). Cameroon is this IT's country.
 * Bounded by the default test timeout (5 minutes; 60 with {@code -Dfaults=long}).
 */
class BrokerRestartFaultIT {

    private static final String INTEGRATOR = "integrator-token-broker-restart";
    private static final String ANALYST = "analyst-token-broker-restart";
    private static final String OFFICER = "officer-token-broker-restart";
    private static final List<String> REGIONS = List.of("Extreme-Nord", "Nord-Ouest", "Sud-Ouest", "Adamaoua", "Nord", "Est",
            "Centre", "Littoral", "Ouest", "Sud");
    private static final int RESTARTS = 5;

    @Test
    void shouldLoseNothingAndCountNothingTwiceWhenTheBrokerRestartsFiveTimes(@TempDir Path dir) throws Exception {
        FaultFeed feed = FaultFeed.generate(34, FaultSize.pick(2_500, 100_000), "Cameroon",
                REGIONS.subList(0, FaultSize.pick(5, REGIONS.size())), "CMR9", LocalDate.of(2019, 12, 31), FaultSize.pick(75, 1000));
        Duration converge = Duration.ofMinutes(FaultSize.pick(3, 30));
        long seed = Long.getLong("faults.seed", System.nanoTime());
        Random random = new Random(seed);
        long began = System.nanoTime();
        try (OwnKafka kafka = OwnKafka.start(dir.resolve("kafka")); WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "TABALE_DATA_DIR", dir.resolve("app").toString(), "TABALE_HTTP_PORT", String.valueOf(ChildApp.freePort()),
                    "TABALE_TOKENS", "integrator:" + INTEGRATOR + ",analyst:" + ANALYST + ",officer:" + OFFICER,
                    "TABALE_STREAMS_APP_ID", kafka.uniqueName("restart-streams"),
                    "TABALE_ALERTS_GROUP_ID", kafka.uniqueName("restart-alerts"),
                    "TABALE_WEBHOOK_URL", receiver.url(), "TABALE_WEBHOOK_ALLOW_PRIVATE", "true",
                    "TABALE_ALERT_MAX_PUSH_AGE_DAYS", "100000", "TABALE_RATE_LIMIT", "1000000"));
            try (ChildApp app = new ChildApp(env, "broker-restart-fault-it.log").start(Duration.ofSeconds(FaultSize.pick(120, 300)));
                 Replayer replayer = new Replayer(app.port(), INTEGRATOR, feed.batches(), converge,
                         Duration.ofMillis(FaultSize.pick(150, 0))).start()) {
                List<String> restarts = new ArrayList<>();
                for (int r = 1; r <= RESTARTS; r++) {
                    int at = replayer.total() * r / (RESTARTS + 1);
                    await().atMost(converge).until(() -> replayer.finished() || replayer.done() >= at);
                    // A random moment after that request, then a random few seconds down: the fault's timing.
                    TimeUnit.MILLISECONDS.sleep(random.nextInt(1000));
                    String when = replayer.done() + "/" + replayer.total();
                    kafka.stop();
                    long down = System.nanoTime();
                    TimeUnit.MILLISECONDS.sleep(1000 + random.nextInt(2000));
                    kafka.start();
                    restarts.add(when + " down " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down) + " ms");
                    assertThat(app.isAlive()).as("the app outlives a broker restart").isTrue();
                }
                await().atMost(converge).until(replayer::finished);
                long replayed = System.nanoTime();

                Http http = app.http();
                await().atMost(Duration.ofMinutes(FaultSize.pick(2, 5))).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Http.Response health = http.get("/health", null);
                    assertThat(health.status()).as(health.body()).isEqualTo(200);
                    JsonNode components = health.json().path("components");
                    assertThat(components.path("streams").asText()).isEqualTo("RUNNING");
                    assertThat(List.of(components.path("alerts").asText(), components.path("rawIngest").asText()))
                            .containsOnly("UP");
                });
                long[] points = new long[2];
                await().atMost(converge).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> points[0] =
                        StatsAgreement.assertServed(http, ANALYST, feed.expected(), feed.regionIds(), feed.first(), feed.last().plusDays(400)));
                await().atMost(converge).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> points[1] =
                        StatsAgreement.assertPublished(kafka, feed.expected(), feed.regionIds(), feed.first(), feed.last().plusDays(400)));
                AlertDeliveries[] deliveries = new AlertDeliveries[1];
                await().atMost(Duration.ofMinutes(FaultSize.pick(2, 10))).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        deliveries[0] = AlertDeliveries.assertEachOnce(http, OFFICER, receiver, feed.regionIds()));
                assertThat(deliveries[0].alerts()).as("alerts raised in Cameroon").isPositive();
                // Every event row answered once: a request the broker did not take was refused whole and sent again.
                long eventRows = feed.batches().stream().filter(b -> !b.deletions()).mapToLong(FaultFeed.Batch::rows).sum();
                long deletionRows = feed.rows() - eventRows;
                assertThat(replayer.accepted() + replayer.duplicates() + replayer.stale()).isEqualTo(eventRows + deletionRows);
                assertThat(replayer.rejected()).isZero();
                System.out.printf("FAULT broker-restart size=%s seed=%d events=%d rows=%d requests=%d live=%d restarts=%s retries=%s "
                                + "accepted=%d duplicates=%d stale=%d points-api=%d points-topic=%d alerts=%d messages=%d "
                                + "webhook-ids=%d redeliveries=%d replay-s=%d total-s=%d%n", FaultSize.name(), seed, feed.events(),
                        feed.rows(), replayer.total(), feed.expected().liveEvents(), restarts, replayer.retries(), replayer.accepted(),
                        replayer.duplicates(), replayer.stale(), points[0], points[1], deliveries[0].alerts(), deliveries[0].messages(),
                        deliveries[0].webhookIds(), deliveries[0].redeliveries(), TimeUnit.NANOSECONDS.toSeconds(replayed - began),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
            }
        }
    }
}
