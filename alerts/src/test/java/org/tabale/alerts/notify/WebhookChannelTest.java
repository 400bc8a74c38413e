package org.tabale.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tabale.alerts.lifecycle.AlertNotice;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.message.Messages;
import org.tabale.alerts.route.Contact;
import org.tabale.alerts.route.RegionSelector;
import org.tabale.alerts.route.Responder;
import org.tabale.alerts.support.Alerts;
import org.tabale.model.JsonSerde;

class WebhookChannelTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Instant NOW = Instant.parse("2019-03-24T06:00:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final URI BASE = URI.create("https://tabale.example.org");

    private final Receiver receiver = new Receiver();
    private final WebhookChannel loopbackAllowed = channel(TargetGuard.allowingPrivate());

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static WebhookChannel channel(TargetGuard guard) {
        return new WebhookChannel(new AlertmanagerPayload(BASE, new Messages(BASE)), guard, CLOCK, Duration.ofSeconds(5));
    }

    private Notification notification(AlertNotice notice, URI url) {
        Responder responder = new Responder("mopti-ewo", List.of(RegionSelector.parse("MLI.Mopti")), null, Language.FR,
                new Responder.Channels(new Contact.Webhook(url, SECRET), null, null), 1);
        return Notification.of(notice, responder).get(0);
    }

    @Test
    void shouldPostAnAlertmanagerV4PayloadSignedPerStandardWebhooks() throws Exception {
        Notification notification = notification(Alerts.first(Alerts.mopti()), receiver.uri("/hook"));

        DeliveryResult result = loopbackAllowed.deliver(notification);

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(receiver.requests).hasSize(1);
        Receiver.Request request = receiver.requests.get(0);
        String id = request.headers().getFirst("webhook-id");
        assertThat(id).isEqualTo(notification.id()).startsWith("0123456789abcdef.0-");
        assertThat(request.headers().getFirst("webhook-timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(request.headers().getFirst("webhook-signature")).startsWith("v1,");
        byte[] key = new Contact.Webhook(receiver.uri("/hook"), SECRET).key();
        assertThat(WebhookSignature.verify(key, id, NOW.getEpochSecond(), request.body().getBytes(StandardCharsets.UTF_8),
                request.headers().getFirst("webhook-signature"))).isTrue();

        JsonNode body = JsonSerde.MAPPER.readTree(request.body());
        assertThat(body.path("version").asText()).isEqualTo("4");
        assertThat(body.path("status").asText()).isEqualTo("firing");
        assertThat(body.path("receiver").asText()).isEqualTo("mopti-ewo");
        assertThat(body.path("groupKey").asText()).isEqualTo("{}:{alertname=\"civilian-fatalities-7d\", region=\"MLI.Mopti\"}");
        assertThat(body.path("externalURL").asText()).isEqualTo("https://tabale.example.org");
        JsonNode alert = body.path("alerts").path(0);
        assertThat(JsonSerde.MAPPER.convertValue(alert.path("labels"), Map.class)).isEqualTo(Map.of(
                "alertname", "civilian-fatalities-7d", "region", "MLI.Mopti", "country", "MLI", "admin1", "Mopti",
                "metric", "civilianFatalities", "window", "7", "severity", "severe", "source", "event_data",
                "certainty", "observed"));
        assertThat(alert.path("annotations").path("summary").asText()).isEqualTo("Alerte sévère : hausse des civils tués à Mopti (Mali)");
        assertThat(alert.path("annotations").path("cap").asText())
                .isEqualTo("https://tabale.example.org/api/v1/alerts/0123456789abcdef/cap");
        assertThat(alert.path("startsAt").asText()).isEqualTo("2019-03-24T06:00:00Z");
        assertThat(alert.path("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(alert.path("fingerprint").asText()).isEqualTo("0123456789abcdef");
        assertThat(alert.path("tabale").path("value").asLong()).isEqualTo(157);
        assertThat(alert.path("tabale").path("baseline").asDouble()).isEqualTo(4.5);
        assertThat(alert.path("tabale").path("evidence").toString()).isEqualTo("[\"MLI1234\",\"MLI1235\",\"MLI1240\"]");
        assertThat(alert.path("tabale").path("notificationId").asText()).isEqualTo(id);
    }

    @Test
    void shouldSendTheSameIdOnEveryAttemptOfOneMessageAndANewOneForTheNext() throws Exception {
        Notification first = notification(Alerts.first(Alerts.mopti()), receiver.uri("/hook"));
        Notification update = notification(Alerts.update(Alerts.mopti()), receiver.uri("/hook"));
        receiver.answer(503, Map.of());

        loopbackAllowed.deliver(first);
        loopbackAllowed.deliver(first);
        loopbackAllowed.deliver(update);

        assertThat(receiver.requests).extracting(r -> r.headers().getFirst("webhook-id"))
                .containsExactly(first.id(), first.id(), update.id());
        assertThat(update.id()).isNotEqualTo(first.id()).isEqualTo(first.idOfMessage(1));
    }

    @Test
    void shouldSayResolvedWithAnEndTime() throws Exception {
        loopbackAllowed.deliver(notification(Alerts.resolved(Alerts.mopti()), receiver.uri("/hook")));

        JsonNode body = JsonSerde.MAPPER.readTree(receiver.requests.get(0).body());
        assertThat(body.path("status").asText()).isEqualTo("resolved");
        assertThat(body.path("alerts").path(0).path("endsAt").asText()).isEqualTo("2019-04-07T06:00:00Z");
        assertThat(body.path("alerts").path(0).path("tabale").path("kind").asText()).isEqualTo("resolved");
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "200 | Delivered        | ",
            "503 | RetryableFailure | 30",
            "429 | RetryableFailure | Sun, 24 Mar 2019 06:02:05 GMT",
            "500 | RetryableFailure | ",
            "408 | RetryableFailure | ",
            "400 | PermanentFailure | ",
            "410 | PermanentFailure | ",
    })
    void shouldClassifyTheReceiversAnswer(int status, String expected, String retryAfter) throws Exception {
        receiver.answer(status, retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter));

        DeliveryResult result = loopbackAllowed.deliver(notification(Alerts.first(Alerts.mopti()), receiver.uri("/hook")));

        assertThat(result.getClass().getSimpleName()).isEqualTo(expected);
        if (retryAfter != null) {
            assertThat(((DeliveryResult.RetryableFailure) result).retryAfter()).contains(
                    retryAfter.equals("30") ? Duration.ofSeconds(30) : Duration.ofMinutes(2));
        }
    }

    @Test
    void shouldNotFollowARedirect() throws Exception {
        receiver.answer(307, Map.of("Location", receiver.uri("/elsewhere").toString()));

        DeliveryResult result = loopbackAllowed.deliver(notification(Alerts.first(Alerts.mopti()), receiver.uri("/hook")));

        assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
        assertThat(((DeliveryResult.PermanentFailure) result).reason()).contains("/elsewhere").contains("not followed");
        assertThat(receiver.requests).extracting(r -> r.uri().getPath()).containsExactly("/hook");
    }

    @Test
    void shouldRefuseALoopbackTargetUnlessAllowed() throws Exception {
        DeliveryResult result = channel(TargetGuard.publicOnly())
                .deliver(notification(Alerts.first(Alerts.mopti()), receiver.uri("/hook")));

        assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
        assertThat(((DeliveryResult.PermanentFailure) result).reason()).contains("127.0.0.1").contains("allowPrivateTargets");
        assertThat(receiver.requests).isEmpty();
    }

    @Test
    void shouldRetryWhenTheReceiverIsDown() throws Exception {
        URI down = receiver.uri("/hook");
        receiver.close();

        DeliveryResult result = loopbackAllowed.deliver(notification(Alerts.first(Alerts.mopti()), down));

        assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
        assertThat(((DeliveryResult.RetryableFailure) result).retryAfter()).isEqualTo(Optional.empty());
    }

    @Test
    void shouldRefuseAContactOfAnotherChannel() throws Exception {
        Notification email = new Notification("x", Alerts.first(Alerts.mopti()), "r", Language.EN, new Contact.Email("a@b.org"));

        assertThat(loopbackAllowed.deliver(email)).isInstanceOf(DeliveryResult.PermanentFailure.class);
    }

    @ParameterizedTest(name = "{0} public: {1}")
    @CsvSource({"10.1.2.3, false", "172.16.0.1, false", "192.168.1.1, false", "127.0.0.1, false", "169.254.169.254, false",
            "100.64.0.1, false", "0.0.0.0, false", "224.0.0.1, false", "::1, false", "fd00::1, false", "fe80::1, false",
            "::ffff:10.0.0.1, false", "8.8.8.8, true", "41.73.112.1, true", "2001:4860:4860::8888, true"})
    void shouldTellPublicAddressesFromInternalOnes(String literal, boolean isPublic) throws Exception {
        assertThat(TargetGuard.isPublic(InetAddress.getByName(literal))).isEqualTo(isPublic);
    }
}
