package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.app.http.Tokens;
import org.tabale.testkit.OwnKafka;

/**
 * Sink outage: while alerts are raised, the webhook receiver refuses them for a stretch: 500, then
 * its port closed (connection refused), then 429 with {@code Retry-After: 3}. The outbox keeps
 * the deliveries pending and retries them, visible in {@code /metrics} (pending notifications,
 * retried attempts) and in the notifications API, waits at least what the receiver asked after
 * a 429, and once the receiver takes requests again every message arrives, once by
 * {@code webhook-id}; none failed.
 *
 * <p>2,000 events by default, 20,000 with {@code -Dfaults=long}. South Sudan is this IT's
 * country. Bounded by the default test timeout (5 minutes; 60 with {@code -Dfaults=long}).
 */
class SinkOutageFaultIT {

    private static final String INTEGRATOR = "integrator-token-sink-outage";
    private static final String OFFICER = "officer-token-sink-outage";
    private static final List<String> REGIONS = List.of("Jonglei", "Unity", "Upper Nile", "Warrap", "Lakes", "Central Equatoria",
            "Eastern Equatoria", "Western Equatoria", "Northern Bahr el Ghazal", "Western Bahr el Ghazal");
    private static final int RETRY_AFTER_SECONDS = 3;

    @Test
    void shouldDeliverEveryAlertOnceAfterTheReceiverRefusedThemForAStretch(@TempDir Path dir) throws Exception {
        FaultFeed feed = FaultFeed.generate(55, FaultSize.pick(2_000, 20_000), "South Sudan",
                REGIONS.subList(0, FaultSize.pick(4, REGIONS.size())), "SSD9", LocalDate.of(2017, 12, 31), 1000);
        Duration phase = Duration.ofMinutes(FaultSize.pick(2, 10));
        long began = System.nanoTime();
        try (OwnKafka kafka = OwnKafka.start(dir.resolve("kafka")); WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "TABALE_DATA_DIR", dir.resolve("app").toString(), "TABALE_HTTP_PORT", "0",
                    "TABALE_STREAMS_APP_ID", kafka.uniqueName("outage-streams"), "TABALE_ALERTS_GROUP_ID", kafka.uniqueName("outage-alerts"),
                    "TABALE_WEBHOOK_URL", receiver.url(), "TABALE_WEBHOOK_ALLOW_PRIVATE", "true",
                    "TABALE_ALERT_MAX_PUSH_AGE_DAYS", "100000", "TABALE_RATE_LIMIT", "1000000"));
            receiver.refuse(500);
            try (TabaleNode node = TabaleNode.start(TabaleConfig.fromEnv(env), Service.all(),
                    Tokens.parse("integrator:" + INTEGRATOR + ",officer:" + OFFICER), Clock.systemUTC(), null);
                 Replayer replayer = new Replayer(node.httpPort(), INTEGRATOR, feed.batches(), phase).start()) {
                Http http = new Http(node.httpPort());
                await().atMost(phase).until(replayer::finished);

                // 500: deliveries pending and retried, in the API and in /metrics.
                await().atMost(phase).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertThat(receiver.refusedByStatus().getOrDefault(500, 0)).isGreaterThanOrEqualTo(3);
                    assertThat(http.get("/api/v1/notifications?status=pending", OFFICER).json().path("notifications"))
                            .anySatisfy(d -> assertThat(d.path("lastError").asText()).contains("500"));
                    assertThat(Metrics.sum(http, "tabale_outbox_pending")).isPositive();
                    assertThat(Metrics.sum(http, "tabale_notifications_total", "channel=\"webhook\"", "outcome=\"retried\"")).isPositive();
                });
                double pendingAtWorst = Metrics.sum(http, "tabale_outbox_pending");

                // Connection refused: the receiver's port is closed.
                receiver.down();
                await().atMost(phase).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(http.get("/api/v1/notifications?status=pending", OFFICER).json().path("notifications"))
                                .anySatisfy(d -> assertThat(d.path("lastError").asText()).contains("unreachable")));

                // 429 with Retry-After.
                receiver.retryAfter(RETRY_AFTER_SECONDS);
                receiver.refuse(429);
                receiver.up();
                await().atMost(phase).pollInterval(Duration.ofMillis(500))
                        .until(() -> receiver.refusedByStatus().getOrDefault(429, 0) >= 3);
                pendingAtWorst = Math.max(pendingAtWorst, Metrics.sum(http, "tabale_outbox_pending"));
                double retried = Metrics.sum(http, "tabale_notifications_total", "channel=\"webhook\"", "outcome=\"retried\"");
                long outageSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);

                // Back: every message arrives, once by webhook-id; the outbox empties.
                receiver.accept();
                long back = System.nanoTime();
                AlertDeliveries[] deliveries = new AlertDeliveries[1];
                await().atMost(phase).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    deliveries[0] = AlertDeliveries.assertEachOnce(http, OFFICER, receiver, feed.regionIds());
                    assertThat(Metrics.sum(http, "tabale_outbox_pending")).isZero();
                });
                long drainedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
                assertThat(deliveries[0].alerts()).as("alerts raised in South Sudan").isPositive();
                assertThat(receiver.acceptedById()).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
                assertThat(Metrics.sum(http, "tabale_notifications_total", "channel=\"webhook\"", "outcome=\"delivered\""))
                        .isEqualTo(deliveries[0].webhookIds());

                // After a 429, the next attempt of that message came no sooner than Retry-After (less the latencies' jitter).
                List<Long> gaps = gapsAfter429(receiver.attempts());
                assertThat(gaps).isNotEmpty().allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(RETRY_AFTER_SECONDS * 1000L - 500));
                System.out.printf("FAULT sink-outage size=%s events=%d rows=%d live=%d refused=%s outage-s=%d pending-at-worst=%.0f "
                                + "retried=%.0f alerts=%d messages=%d webhook-ids=%d redeliveries=%d drained-after-ms=%d "
                                + "min-gap-after-429-ms=%d total-s=%d%n", FaultSize.name(), feed.events(), feed.rows(),
                        feed.expected().liveEvents(), receiver.refusedByStatus(), outageSeconds, pendingAtWorst, retried,
                        deliveries[0].alerts(), deliveries[0].messages(), deliveries[0].webhookIds(), deliveries[0].redeliveries(),
                        drainedAfterMs, gaps.stream().mapToLong(Long::longValue).min().orElse(-1),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
            }
        }
    }

    /** For each request refused with 429, the milliseconds until the next request of the same webhook-id. */
    private static List<Long> gapsAfter429(List<WebhookReceiver.Attempt> attempts) {
        Map<String, WebhookReceiver.Attempt> last = new HashMap<>();
        List<Long> gaps = new ArrayList<>();
        for (WebhookReceiver.Attempt attempt : attempts) {
            WebhookReceiver.Attempt before = last.put(attempt.webhookId(), attempt);
            if (before != null && before.status() == 429) {
                gaps.add(Duration.between(before.at(), attempt.at()).toMillis());
            }
        }
        return gaps;
    }
}
