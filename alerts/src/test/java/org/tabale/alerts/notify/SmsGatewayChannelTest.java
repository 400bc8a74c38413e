package org.tabale.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tabale.alerts.lifecycle.AlertNotice;
import org.tabale.alerts.message.Gsm7;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.message.Messages;
import org.tabale.alerts.route.Contact;
import org.tabale.alerts.route.RegionSelector;
import org.tabale.alerts.route.Responder;
import org.tabale.alerts.support.Alerts;
import org.tabale.model.JsonSerde;

class SmsGatewayChannelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-03-24T06:00:05Z"), ZoneOffset.UTC);
    private static final Messages MESSAGES = new Messages(URI.create("https://tabale.example.org"));

    private final Receiver gateway = new Receiver();

    @AfterEach
    void stop() {
        gateway.close();
    }

    private SmsGatewayChannel channel(String method, String path, String contentType, String body) {
        return new SmsGatewayChannel(new SmsSettings(gateway.uri("/") + path.substring(1), method, contentType, body, "Basic dGFiYWxlOnNlY3JldA==",
                Duration.ofSeconds(5)), MESSAGES, CLOCK);
    }

    private static Notification sms(AlertNotice notice, Language language) {
        Responder responder = new Responder("menaka-ewo", List.of(RegionSelector.parse("MLI.Menaka")), null, language,
                new Responder.Channels(null, null, new Contact.Sms("+22370000001")), 1);
        return Notification.of(notice, responder).get(0);
    }

    @Test
    void shouldPostTheFrenchSmsAsJsonWithTheDefaultTemplate() throws Exception {
        Notification notification = sms(Alerts.first(Alerts.menaka()), Language.FR);

        DeliveryResult result = channel("POST", "/send", null, null).deliver(notification);

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        Receiver.Request request = gateway.requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Basic dGFiYWxlOnNlY3JldA==");
        JsonNode body = JsonSerde.MAPPER.readTree(request.body());
        assertThat(body.path("to").asText()).isEqualTo("+22370000001");
        assertThat(body.path("text").asText())
                .isEqualTo("Tabalé ALERTE extreme Ménaka (Mali): 12 attaques contre des civils en 30 j au 2019-03-23 (habituel 3). Réf fedcba98");
        assertThat(Gsm7.septets(body.path("text").asText())).isLessThanOrEqualTo(160);
    }

    @Test
    void shouldFormEncodeATwilioStyleBodyAndPassTheId() throws Exception {
        Notification notification = sms(Alerts.first(Alerts.tombouctou()), Language.EN);

        channel("POST", "/Messages.json", "application/x-www-form-urlencoded", "To={to}&Body={text}&Ref={id}").deliver(notification);

        Map<String, String> form = Arrays.stream(gateway.requests.get(0).body().split("&"))
                .map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
        assertThat(form).isEqualTo(Map.of("To", "+22370000001", "Ref", notification.id(), "Body",
                "Tabale ALERT moderate Tombouctou (Mali): 12 attacks on civilians in 30d to 2019-03-23 (usual 3). Ref fedcba98"));
    }

    @Test
    void shouldPutThePlaceholdersInTheQueryForAGet() throws Exception {
        Notification notification = sms(Alerts.resolved(Alerts.mopti()), Language.FR);

        channel("GET", "/cgi-bin/sendsms?to={to}&text={text}", null, null).deliver(notification);

        Receiver.Request request = gateway.requests.get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri().getQuery()).isEqualTo(
                "to=+22370000001&text=Tabalé FIN d'alerte Mopti (Mali): civils tués en 7 j au 2019-03-23. Réf 01234567");
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"202, Delivered", "429, RetryableFailure", "502, RetryableFailure", "401, PermanentFailure", "400, PermanentFailure"})
    void shouldClassifyTheGatewaysAnswer(int status, String expected) throws Exception {
        gateway.answer(status, status == 429 ? Map.of("Retry-After", "60") : Map.of());

        DeliveryResult result = channel("POST", "/send", null, null).deliver(sms(Alerts.first(Alerts.mopti()), Language.FR));

        assertThat(result.getClass().getSimpleName()).isEqualTo(expected);
        if (status == 429) {
            assertThat(((DeliveryResult.RetryableFailure) result).retryAfter()).contains(Duration.ofSeconds(60));
        }
    }

    @Test
    void shouldRetryWhenTheGatewayIsDown() throws Exception {
        SmsGatewayChannel channel = channel("POST", "/send", null, null);
        gateway.close();

        assertThat(channel.deliver(sms(Alerts.first(Alerts.mopti()), Language.FR))).isInstanceOf(DeliveryResult.RetryableFailure.class);
    }

    @Test
    void shouldEscapeTheTextInsideAJsonString() {
        assertThat(SmsGatewayChannel.jsonEscape("l'\"alerte\"\n\\")).isEqualTo("l'\\\"alerte\\\"\\n\\\\");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no placeholders | https://sms.example.org/send | POST | {\"x\":1} | TABALE_SMS_URL or TABALE_SMS_BODY must hold",
            "GET with a body | https://sms.example.org/send?to={to}&text={text} | GET | x={text} | TABALE_SMS_BODY must be empty for GET",
            "bad method      | https://sms.example.org/send | PATCH | {to}{text} | TABALE_SMS_METHOD must be GET, POST or PUT",
            "not http        | ftp://sms.example.org/send | POST | {to}{text} | TABALE_SMS_URL must be an absolute http(s) URL",
    })
    void shouldRefuseABadGatewayConfiguration(String what, String url, String method, String body, String expected) {
        assertThatThrownBy(() -> SmsSettings.fromEnv(Map.of("TABALE_SMS_URL", url, "TABALE_SMS_METHOD", method, "TABALE_SMS_BODY", body)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
    }

    @Test
    void shouldHaveNoGatewayWhenTheUrlIsUnset() {
        assertThat(SmsSettings.fromEnv(Map.of())).isEmpty();
    }
}
