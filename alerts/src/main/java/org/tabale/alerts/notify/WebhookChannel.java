package org.tabale.alerts.notify;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.tabale.alerts.route.Contact;

/**
 * POSTs a notification to the responder's webhook: the {@link AlertmanagerPayload} as JSON with
 * the Standard Webhooks headers ({@code webhook-id} = the notification id, the same on every
 * attempt, for the receiver to drop repeats; {@code webhook-timestamp} in Unix seconds from the
 * injected clock; {@code webhook-signature} with the receiver's own secret). Redirects are never
 * followed and non-public targets are refused by the {@link TargetGuard}. One attempt per call.
 */
public final class WebhookChannel implements Channel {

    private final HttpClient http;
    private final AlertmanagerPayload payload;
    private final TargetGuard guard;
    private final Clock clock;
    private final Duration timeout;

    public WebhookChannel(AlertmanagerPayload payload, TargetGuard guard, Clock clock, Duration timeout) {
        this.payload = payload;
        this.guard = guard;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public DeliveryResult deliver(Notification notification) throws InterruptedException {
        if (!(notification.contact() instanceof Contact.Webhook webhook)) {
            return new DeliveryResult.PermanentFailure("webhook channel given a " + notification.contact().channel() + " contact");
        }
        URI url = webhook.url();
        try {
            Optional<String> refusal = guard.refusal(url);
            if (refusal.isPresent()) {
                return new DeliveryResult.PermanentFailure(refusal.get());
            }
        } catch (UnknownHostException e) {
            return new DeliveryResult.RetryableFailure("webhook host " + url.getHost() + " does not resolve");
        }
        byte[] body = payload.of(notification).toString().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.ID, notification.id())
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(webhook.key(), notification.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return HttpOutcome.of(http.send(request, HttpResponse.BodyHandlers.discarding()), clock);
        } catch (IOException e) {
            return new DeliveryResult.RetryableFailure("webhook " + url.getHost() + " unreachable: " + e);
        }
    }
}
