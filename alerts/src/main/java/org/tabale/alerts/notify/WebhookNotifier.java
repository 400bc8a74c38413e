package org.tabale.alerts.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.model.JsonSerde;

/**
 * POSTs each alert as JSON to a configured webhook URL, with the alert id in a
 * {@code webhook-id} header so the receiver can drop a repeat. A failed delivery (connection
 * error or a non-2xx status) is retried with doubling pauses, a bounded number of times.
 *
 * <p>Superseded by {@link WebhookChannel} (Alertmanager v4 payload, Standard Webhooks signature
 * with a per-receiver secret, SSRF guard), which the outbox drives; this class stays only until
 * {@code AlertsApp} is wired to the outbox and responders.
 */
public final class WebhookNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

    private final URI target;
    private final HttpClient http;
    private final int attempts;
    private final Duration firstPause;
    private final Counter delivered;
    private final Counter failed;
    private final Counter retried;

    public WebhookNotifier(URI target, int attempts, Duration firstPause, MeterRegistry meters) {
        this.target = target;
        this.attempts = attempts;
        this.firstPause = firstPause;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.delivered = outcome(meters, "delivered");
        this.failed = outcome(meters, "failed");
        this.retried = outcome(meters, "retried");
    }

    /** Delivers one alert; returns whether the receiver acknowledged it with a 2xx status. */
    public boolean send(Alert alert) throws InterruptedException {
        byte[] body;
        try {
            body = JsonSerde.MAPPER.writeValueAsBytes(alert);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise alert " + alert.id(), e);
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("webhook-id", alert.id() + "-" + alert.state())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Duration pause = firstPause;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    delivered.increment();
                    return true;
                }
                LOG.warn("webhook answered {} for alert {} (attempt {} of {})", status, alert.id(), attempt, attempts);
            } catch (IOException e) {
                LOG.warn("webhook unreachable for alert {} (attempt {} of {}): {}", alert.id(), attempt, attempts, e.toString());
            }
            if (attempt < attempts) {
                retried.increment();
                Thread.sleep(pause.toMillis()); // back-off between delivery attempts, not a wait on a condition
                pause = pause.multipliedBy(2);
            }
        }
        failed.increment();
        return false;
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("tabale.alerts.webhook").tag("outcome", outcome)
                .description("Webhook delivery attempts, by outcome").register(meters);
    }
}
