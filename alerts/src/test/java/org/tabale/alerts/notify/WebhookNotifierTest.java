package org.tabale.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.rules.Severity;
import org.tabale.model.JsonSerde;
import org.tabale.model.Metric;

class WebhookNotifierTest {

    private static final Alert ALERT = new Alert("0123456789abcdef", "civ", Metric.CIVILIAN_FATALITIES, 7,
            new Alert.RegionRef("MLI.Mopti", "Mali", "Mopti"), LocalDate.of(2019, 3, 23), Alert.State.firing,
            Severity.SEVERE, 157, 10, List.of(), Instant.parse("2019-03-24T00:00:00Z"));

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            if (status == 204) {
                bodies.add(new String(body, StandardCharsets.UTF_8));
                ids.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private WebhookNotifier notifier(int attempts) {
        return new WebhookNotifier(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"), attempts,
                Duration.ofMillis(10), meters);
    }

    @Test
    void shouldPostTheAlertAsJsonWithItsIdAsIdempotencyKey() throws Exception {
        assertThat(notifier(3).send(ALERT)).isTrue();

        assertThat(bodies).hasSize(1);
        assertThat(JsonSerde.MAPPER.readValue(bodies.get(0), Alert.class)).isEqualTo(ALERT);
        assertThat(ids).containsExactly("0123456789abcdef-firing");
    }

    @Test
    void shouldRetryAFailedDeliveryAndCountIt() throws Exception {
        failuresLeft.set(2);

        assertThat(notifier(3).send(ALERT)).isTrue();

        assertThat(bodies).hasSize(1);
        assertThat(meters.get("tabale.alerts.webhook").tag("outcome", "retried").counter().count()).isEqualTo(2);
        assertThat(meters.get("tabale.alerts.webhook").tag("outcome", "delivered").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptAndCountTheFailure() throws Exception {
        failuresLeft.set(10);

        assertThat(notifier(2).send(ALERT)).isFalse();

        assertThat(bodies).isEmpty();
        assertThat(meters.get("tabale.alerts.webhook").tag("outcome", "failed").counter().count()).isEqualTo(1);
    }
}
