package org.tabale.alerts.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.tabale.alerts.message.Messages;
import org.tabale.alerts.route.Contact;

/**
 * Sends the one-SMS text of a notification ({@link Messages#sms}, GSM 7-bit, at most 160
 * septets, in the responder's language) through an HTTP SMS gateway described by
 * {@link SmsSettings}. Answers map as for webhooks ({@link HttpOutcome}); redirects are not
 * followed. The gateway is the operator's own choice, so it may sit on a private network: no
 * {@link TargetGuard} here.
 */
public final class SmsGatewayChannel implements Channel {

    private final SmsSettings settings;
    private final Messages messages;
    private final Clock clock;
    private final HttpClient http;

    public SmsGatewayChannel(SmsSettings settings, Messages messages, Clock clock) {
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public DeliveryResult deliver(Notification notification) throws InterruptedException {
        if (!(notification.contact() instanceof Contact.Sms sms)) {
            return new DeliveryResult.PermanentFailure("sms channel given a " + notification.contact().channel() + " contact");
        }
        String text = messages.sms(notification.notice(), notification.language());
        HttpRequest request = request(notification.id(), sms.number(), text);
        try {
            return HttpOutcome.of(http.send(request, HttpResponse.BodyHandlers.discarding()), clock);
        } catch (IOException e) {
            return new DeliveryResult.RetryableFailure("SMS gateway " + settings.host() + " unreachable: " + e);
        }
    }

    /** The gateway call for one SMS. */
    HttpRequest request(String id, String to, String text) {
        // %20, not +, for spaces: a plus in a query is read as a space only by form decoders.
        UnaryOperator<String> inUrl = v -> URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
        String url = fill(settings.url(), id, to, text, inUrl);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout());
        if (settings.authorization() != null) {
            builder.header("Authorization", settings.authorization());
        }
        if (settings.method().equals("GET")) {
            return builder.GET().build();
        }
        String body = fill(settings.bodyTemplate(), id, to, text, bodyEscaper(settings.contentType()));
        return builder.header("Content-Type", settings.contentType() + (settings.contentType().contains("charset") ? "" : "; charset=utf-8"))
                .method(settings.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static String fill(String template, String id, String to, String text, UnaryOperator<String> escape) {
        return SmsSettings.fill(template, escape.apply(id), escape.apply(to), escape.apply(text));
    }

    private static UnaryOperator<String> bodyEscaper(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return SmsGatewayChannel::jsonEscape;
        }
        if (type.contains("x-www-form-urlencoded")) {
            return v -> URLEncoder.encode(v, StandardCharsets.UTF_8);
        }
        return UnaryOperator.identity();
    }

    /** The value as the inside of a JSON string. */
    static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
