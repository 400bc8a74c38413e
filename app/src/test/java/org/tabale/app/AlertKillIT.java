package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.testkit.KafkaTestCluster;
import org.tabale.testkit.RealKafka;

/**
 * The packaged app as a child process on the test broker, killed with SIGKILL while its webhook
 * receiver is down and deliveries are being retried, then started again: once the receiver is
 * back it gets every message, and every message under one {@code webhook-id} only, so a receiver
 * that drops repeats by {@code webhook-id} pages once per message. Burkina Faso's Est region in
 * 2011 is this IT's: no other IT of this module writes it.
 */
@RealKafka
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AlertKillIT {

    private static final Path JAR = Path.of("target", "tabale.jar");
    private static final String INTEGRATOR = "integrator-token-kill-it";
    private static final String OFFICER = "officer-token-kill-it";

    @Test
    void shouldNotPageTwiceWhenKilledMidDelivery(KafkaTestCluster kafka, @TempDir Path dataDir) throws Exception {
        assertThat(JAR).as("run 'mvn package' first: the IT drives the packaged jar").exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String run = kafka.uniqueName("kill-it");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "TABALE_DATA_DIR", dataDir.toString(), "TABALE_HTTP_PORT", String.valueOf(port),
                    "TABALE_TOKENS", "integrator:" + INTEGRATOR + ",officer:" + OFFICER,
                    "TABALE_STREAMS_APP_ID", run + "-streams", "TABALE_ALERTS_GROUP_ID", run + "-alerts",
                    "TABALE_WEBHOOK_URL", receiver.url(), "TABALE_WEBHOOK_ALLOW_PRIVATE", "true",
                    "TABALE_ALERT_MAX_PUSH_AGE_DAYS", "100000"));
            receiver.refuse(503);
            Process app = start(env);
            Http http = new Http(port);
            awaitHealthy(http, app);
            Http.Response posted = http.post("/api/v1/events", INTEGRATOR, "text/csv",
                    "event_id_cnty,event_date,event_type,civilian_targeting,country,admin1,fatalities,timestamp\n"
                            + "BFA70001,2011-04-02,Violence against civilians,Civilian targeting,Burkina Faso,Est,35,1400000000\n"
                            + "BFA70002,2011-04-03,Violence against civilians,Civilian targeting,Burkina Faso,Est,12,1400000000\n");
            assertThat(posted.status()).as(posted.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(90)).until(() -> receiver.refused() >= 3);

            app.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            receiver.accept();
            Process again = start(env);
            try {
                awaitHealthy(http, again);
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    JsonNode alerts = http.get("/api/v1/alerts?region=BFA.Est", OFFICER).json().path("alerts");
                    assertThat(alerts).isNotEmpty();
                    assertThat(http.get("/api/v1/notifications?status=pending", OFFICER).json().path("notifications")).isEmpty();
                    assertThat(receiver.received()).anySatisfy(a -> assertThat(a.path("region").path("id").asText())
                            .isEqualTo("BFA.Est"));
                });
                // Every message about Est that the outbox marks delivered arrived, and each under one webhook-id only
                // (the topic holds other ITs' regions too). Messages go on arriving after the first (the windows step
                // down later, and resolutions follow): compare once the two sides agree.
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    Set<String> est = estAlerts(http);
                    assertThat(http.get("/api/v1/notifications?status=pending", OFFICER).json().path("notifications")).isEmpty();
                    JsonNode delivered = http.get("/api/v1/notifications?status=delivered", OFFICER).json().path("notifications");
                    Set<String> deliveredEst = new TreeSet<>();
                    delivered.forEach(d -> {
                        if (est.contains(d.path("alert").asText())) {
                            deliveredEst.add(d.path("id").asText());
                        }
                    });
                    assertThat(deliveredEst).isEqualTo(idsByMessage(receiver, est).values().stream().flatMap(Set::stream)
                            .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
                });
                assertThat(idsByMessage(receiver, estAlerts(http))).isNotEmpty()
                        .allSatisfy((message, ids) -> assertThat(ids).as(message).hasSize(1));
            } finally {
                again.toHandle().destroy();
                again.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private static Set<String> estAlerts(Http http) throws Exception {
        Set<String> est = new TreeSet<>();
        http.get("/api/v1/alerts?region=BFA.Est", OFFICER).json().path("alerts").forEach(a -> est.add(a.path("id").asText()));
        return est;
    }

    /** The webhook-ids each message about the given alerts arrived under. */
    private static Map<String, Set<String>> idsByMessage(WebhookReceiver receiver, Set<String> alerts) {
        Map<String, Set<String>> idsByMessage = new HashMap<>();
        for (JsonNode alert : receiver.received()) {
            if (alerts.contains(alert.path("alertId").asText())) {
                idsByMessage.computeIfAbsent(alert.path("messageId").asText(), k -> new TreeSet<>())
                        .add(alert.path("webhookId").asText());
            }
        }
        return idsByMessage;
    }

    private static Process start(Map<String, String> env) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString(), "run")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "alert-kill-it.log").toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitHealthy(Http http, Process app) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).failFast(() -> !app.isAlive())
                .ignoreExceptions().until(() -> http.get("/health", null).status() == 200);
    }
}
