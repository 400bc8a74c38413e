package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.app.http.Tokens;
import org.tabale.testkit.KafkaTestCluster;
import org.tabale.testkit.RealKafka;

/**
 * The alert service end to end on a real broker, a real webhook receiver and a real SMTP server
 * (GreenMail): a receiver that is down (500, then 429 with Retry-After) while the app is stopped and
 * started again mid-delivery still gets every message once it is back, each exactly once by
 * {@code webhook-id}; the responder's e-mail arrives in French; an officer acknowledges through the
 * API; a silence keeps a region's alert from paging; every CAP document validates against the OASIS
 * schema. Niger is this IT's: no other IT of this module writes Niger events.
 */
@RealKafka
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AlertServiceIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String INTEGRATOR = "integrator-token-alerts-it";
    private static final String OFFICER = "officer-token-alerts-it";
    private static final String HEADER = "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,"
            + "civilian_targeting,iso,country,admin1,fatalities,timestamp\n";

    private static TabaleNode node;

    private static String attack(String id, String date, String admin1, int fatalities) {
        return id + "," + date + ",2013,Violence against civilians,Attack,Armed group,Civilians (Niger),Civilian targeting,562,"
                + "Niger," + admin1 + "," + fatalities + ",1400000000\n";
    }

    private static TabaleNode start(KafkaTestCluster kafka, Path dataDir, Map<String, String> env) {
        return TabaleNode.start(TabaleConfig.fromEnv(env), Service.all(),
                Tokens.parse("integrator:" + INTEGRATOR + ",officer:" + OFFICER), Clock.systemUTC(), null);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void shouldDeliverEveryAlertOnceThroughAnOutageAndARestart(KafkaTestCluster kafka, @TempDir Path dataDir) throws Exception {
        Path responders = dataDir.resolve("responders.yml");
        Files.writeString(responders, """
                responders:
                  - name: niger-ewo
                    regions: [NER]
                    language: fr
                    channels:
                      email: alerte-niger@example.org
                """);
        String run = kafka.uniqueName("alerts-it");
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "TABALE_DATA_DIR", dataDir.resolve("data").toString(), "TABALE_HTTP_PORT", "0",
                "TABALE_STREAMS_APP_ID", run + "-streams", "TABALE_ALERTS_GROUP_ID", run + "-alerts",
                "TABALE_RESPONDERS", responders.toString(), "TABALE_WEBHOOK_ALLOW_PRIVATE", "true",
                "TABALE_ALERT_MAX_PUSH_AGE_DAYS", "100000"));
        env.putAll(Map.of("TABALE_SMTP_HOST", "127.0.0.1", "TABALE_SMTP_PORT", String.valueOf(SMTP.getSmtp().getPort()),
                "TABALE_SMTP_FROM", "alertes@tabale.example.org", "TABALE_SMTP_SECURITY", "none",
                "TABALE_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            env.put("TABALE_WEBHOOK_URL", receiver.url());
            receiver.refuse(500);
            node = start(kafka, dataDir, env);
            Http http = new Http(node.httpPort());

            assertThat(http.post("/api/v1/events", INTEGRATOR, "text/csv", HEADER + attack("NER80001", "2013-05-10", "Tillaberi", 40)
                    + attack("NER80002", "2013-05-11", "Tillaberi", 20)).status()).isEqualTo(200);

            // The receiver is down: Tillaberi's deliveries wait, retried, visible in the API and the metrics.
            // (The topic also holds other ITs' regions, which this service alerts on too: filter by alert.)
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                Set<String> tillaberi = new HashSet<>();
                http.get("/api/v1/alerts?region=NER.Tillaberi", OFFICER).json().path("alerts")
                        .forEach(a -> tillaberi.add(a.path("id").asText()));
                JsonNode pending = http.get("/api/v1/notifications?status=pending", OFFICER).json().path("notifications");
                assertThat(pending).filteredOn(d -> tillaberi.contains(d.path("alert").asText())).anySatisfy(d -> {
                    assertThat(d.path("channel").asText()).isEqualTo("webhook");
                    assertThat(d.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
                    assertThat(d.path("lastError").asText()).contains("500");
                });
                assertThat(http.get("/metrics", null).body()).contains("tabale_notifications_total{channel=\"webhook\",outcome=\"retried\"");
            });

            // Stopped and started again in the middle of its retries.
            node.close();
            receiver.refuse(429);
            node = start(kafka, dataDir, env);
            Http restarted = new Http(node.httpPort());
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.refused() > 2);
            receiver.accept();

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode delivered = restarted.get("/api/v1/notifications?status=delivered", OFFICER).json().path("notifications");
                assertThat(delivered).filteredOn(d -> d.path("channel").asText().equals("webhook")).isNotEmpty();
                assertThat(restarted.get("/api/v1/notifications?status=pending", OFFICER).json().path("notifications")).isEmpty();
                assertThat(receiver.received()).anySatisfy(alert -> {
                    assertThat(alert.path("region").path("id").asText()).isEqualTo("NER.Tillaberi");
                    assertThat(alert.path("rule").asText()).isEqualTo("civilian-fatalities-7d");
                    assertThat(alert.path("value").asLong()).isEqualTo(60);
                    assertThat(alert.path("signature").asText()).startsWith("v1,");
                });
            });

            // A silence on Agadez, then Agadez's own massacre, then a sentinel alert in Diffa.
            JsonNode silence = restarted.post("/api/v1/silences", OFFICER, "application/json",
                    "{\"region\":\"NER.Agadez\",\"hours\":2,\"createdBy\":\"officer Maiga\",\"comment\":\"known operation\"}").json();
            assertThat(silence.path("id").asText()).isNotBlank();
            restarted.post("/api/v1/events", INTEGRATOR, "text/csv", HEADER + attack("NER80003", "2013-05-12", "Agadez", 25)
                    + attack("NER80004", "2013-05-13", "Agadez", 5));
            restarted.post("/api/v1/events", INTEGRATOR, "text/csv", HEADER + attack("NER80005", "2013-05-14", "Diffa", 30)
                    + attack("NER80006", "2013-05-15", "Diffa", 2));
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(receiver.received())
                    .anySatisfy(alert -> assertThat(alert.path("region").path("id").asText()).isEqualTo("NER.Diffa")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    restarted.get("/api/v1/alerts?region=NER.Agadez", OFFICER).json().path("alerts"))
                    .isNotEmpty().allSatisfy(a -> assertThat(a.path("state").asText()).isEqualTo("silenced")));

            // Every message taken exactly once by webhook-id, through the outage and the restart; none for Agadez.
            assertThat(receiver.acceptedById()).isNotEmpty().allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
            assertThat(receiver.received()).noneSatisfy(a -> assertThat(a.path("region").path("id").asText()).isEqualTo("NER.Agadez"));

            // The responder's e-mail, in French.
            await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.getReceivedMessages().length > 0);
            MimeMessage mail = SMTP.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("alerte-niger@example.org");
            var text = (jakarta.mail.internet.MimeBodyPart) ((jakarta.mail.Multipart) mail.getContent()).getBodyPart(0);
            assertThat(text.getContentLanguage()).containsExactly("fr");
            assertThat(mail.getSubject()).contains("Tillab");

            // A massacre two days ago (the 2013 ones resolved once their windows emptied); an officer acknowledges it.
            String recent = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2).toString();
            restarted.post("/api/v1/events", INTEGRATOR, "text/csv", HEADER + attack("NER80007", recent, "Zinder", 35));
            String id = await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode firing = restarted.get("/api/v1/alerts?region=NER.Zinder&state=firing", OFFICER).json().path("alerts");
                return firing.isEmpty() ? null : firing.get(0).path("id").asText();
            }, java.util.Objects::nonNull);
            Http.Response ack = restarted.post("/api/v1/alerts/" + id + "/ack", OFFICER, "application/json",
                    "{\"by\":\"Aïssata Maiga\",\"comment\":\"team on its way\"}");
            assertThat(ack.status()).as(ack.body()).isEqualTo(200);
            JsonNode detail = restarted.get("/api/v1/alerts/" + id, OFFICER).json();
            assertThat(detail.path("alert").path("state").asText()).isEqualTo("acknowledged");
            assertThat(detail.path("alert").path("episode").path("actions")).anySatisfy(a -> {
                assertThat(a.path("what").asText()).isEqualTo("acknowledged");
                assertThat(a.path("actor").asText()).isEqualTo("officer: Aïssata Maiga");
            });
            assertThat(restarted.post("/api/v1/alerts/nope/ack", OFFICER, "application/json", "{}").status()).isEqualTo(404);

            // CAP 1.2 for every alert, and the Atom feed, valid against the OASIS schema.
            var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(getClass().getResource("/cap/CAP-v1.2.xsd"));
            for (JsonNode alert : restarted.get("/api/v1/alerts", OFFICER).json().path("alerts")) {
                Http.Response cap = restarted.get("/api/v1/alerts/" + alert.path("id").asText() + "/cap", OFFICER);
                assertThat(cap.status()).isEqualTo(200);
                assertThat(cap.contentType()).startsWith("application/cap+xml");
                schema.newValidator().validate(new StreamSource(new StringReader(cap.body())));
            }
            Http.Response feed = restarted.get("/api/v1/alerts/feed?lang=fr", OFFICER);
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.body()).contains("<feed", "urn:oasis:names:tc:emergency:cap:1.2");
            assertThat(List.of(restarted.get("/api/v1/alerts", "analyst-wrong").status())).containsExactly(401);
        }
    }
}
