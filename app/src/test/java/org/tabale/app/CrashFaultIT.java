package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * Crash: the packaged app, a child process on a broker of the test's own, takes a synthetic feed
 * (revisions, deletions, monadic repeats, events years late) over HTTP and is killed with SIGKILL
 * three times at random moments of the replay, and started again each time on the same data
 * directory; the replay sends again what was not answered. At the end every region, date and
 * window, in the API and on {@code tabale.region-stats.v1}, equals the batch recomputation, and the
 * webhook receiver got every message of every alert of the run once by {@code webhook-id}.
 *
 * <p>4,000 events by default, 200,000 with {@code -Dfaults=long}; the kill moments come from
 * {@code -Dfaults.seed} when given, else from the clock (printed, to replay a failure). Chad is this
 * IT's country. Bounded by the default test timeout (5 minutes; 60 with {@code -Dfaults=long}).
 */
class CrashFaultIT {

    private static final String INTEGRATOR = "integrator-token-crash";
    private static final String ANALYST = "analyst-token-crash";
    private static final String OFFICER = "officer-token-crash";
    private static final List<String> REGIONS = List.of("Batha", "Kanem", "Lac", "Ouaddai", "Salamat", "Tibesti", "Borkou",
            "Chari-Baguirmi", "Guera", "Hadjer-Lamis", "Logone Occidental", "Logone Oriental", "Mandoul", "Moyen-Chari", "Sila",
            "Tandjile", "Wadi Fira", "Mayo-Kebbi Est");
    private static final int KILLS = 3;

    @Test
    void shouldServeTheRecomputedFiguresAndPageOnceWhenKilledThreeTimes(@TempDir Path dir) throws Exception {
        FaultFeed feed = FaultFeed.generate(8, FaultSize.pick(4_000, 200_000), "Chad",
                REGIONS.subList(0, FaultSize.pick(6, REGIONS.size())), "TCD9", LocalDate.of(2018, 12, 31), FaultSize.pick(100, 1000));
        Duration startLimit = Duration.ofSeconds(FaultSize.pick(120, 300));
        long seed = Long.getLong("faults.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Double> moments = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            moments.add(0.1 + 0.8 * random.nextDouble());
        }
        moments.sort(null);
        long began = System.nanoTime();
        try (OwnKafka kafka = OwnKafka.start(dir.resolve("kafka")); WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "TABALE_DATA_DIR", dir.resolve("app").toString(), "TABALE_HTTP_PORT", String.valueOf(ChildApp.freePort()),
                    "TABALE_TOKENS", "integrator:" + INTEGRATOR + ",analyst:" + ANALYST + ",officer:" + OFFICER,
                    "TABALE_STREAMS_APP_ID", kafka.uniqueName("crash-streams"), "TABALE_ALERTS_GROUP_ID", kafka.uniqueName("crash-alerts"),
                    "TABALE_WEBHOOK_URL", receiver.url(), "TABALE_WEBHOOK_ALLOW_PRIVATE", "true",
                    "TABALE_ALERT_MAX_PUSH_AGE_DAYS", "100000", "TABALE_RATE_LIMIT", "1000000"));
            try (ChildApp app = new ChildApp(env, "crash-fault-it.log").start(startLimit);
                 Replayer replayer = new Replayer(app.port(), INTEGRATOR, feed.batches(), Duration.ofMinutes(FaultSize.pick(4, 40)),
                         Duration.ofMillis(FaultSize.pick(200, 0))).start()) {
                List<String> kills = new ArrayList<>();
                for (double moment : moments) {
                    int at = (int) Math.ceil(moment * replayer.total());
                    await().atMost(Duration.ofMinutes(FaultSize.pick(3, 30))).until(() -> replayer.finished() || replayer.done() >= at);
                    // The moment itself: a random fraction of a second after that request was answered.
                    TimeUnit.MILLISECONDS.sleep(random.nextInt(1500));
                    kills.add(replayer.done() + "/" + replayer.total());
                    app.kill();
                    app.start(startLimit);
                }
                await().atMost(Duration.ofMinutes(FaultSize.pick(3, 30))).until(replayer::finished);
                long replayed = System.nanoTime();

                Http http = app.http();
                long[] points = new long[2];
                await().atMost(Duration.ofMinutes(FaultSize.pick(3, 30))).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                        points[0] = StatsAgreement.assertServed(http, ANALYST, feed.expected(), feed.regionIds(), feed.first(),
                                feed.last().plusDays(400)));
                await().atMost(Duration.ofMinutes(FaultSize.pick(2, 10))).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                        points[1] = StatsAgreement.assertPublished(kafka, feed.expected(), feed.regionIds(), feed.first(),
                                feed.last().plusDays(400)));
                AlertDeliveries[] deliveries = new AlertDeliveries[1];
                await().atMost(Duration.ofMinutes(FaultSize.pick(2, 10))).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        deliveries[0] = AlertDeliveries.assertEachOnce(http, OFFICER, receiver, feed.regionIds()));
                assertThat(deliveries[0].alerts()).as("alerts raised in Chad").isPositive();
                assertThat(replayer.rejected()).isZero();
                System.out.printf("FAULT crash size=%s seed=%d events=%d rows=%d requests=%d live=%d kills-at=%s retries=%s "
                                + "accepted=%d duplicates=%d stale=%d points-api=%d points-topic=%d alerts=%d messages=%d "
                                + "webhook-ids=%d redeliveries=%d replay-s=%d total-s=%d%n", FaultSize.name(), seed, feed.events(),
                        feed.rows(), replayer.total(), feed.expected().liveEvents(), kills, replayer.retries(), replayer.accepted(),
                        replayer.duplicates(), replayer.stale(), points[0], points[1], deliveries[0].alerts(), deliveries[0].messages(),
                        deliveries[0].webhookIds(), deliveries[0].redeliveries(), TimeUnit.NANOSECONDS.toSeconds(replayed - began),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
            }
        }
    }
}
