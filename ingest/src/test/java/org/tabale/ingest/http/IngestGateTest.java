package org.tabale.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ingest gate on a bare Javalin: requests beyond the limit are refused at once, 503 with Retry-After. */
class IngestGateTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CountDownLatch inside = new CountDownLatch(2);
    private final CountDownLatch release = new CountDownLatch(1);
    private Javalin javalin;

    @AfterEach
    void stop() {
        release.countDown();
        if (javalin != null) {
            javalin.stop();
        }
    }

    @Test
    void shouldRefuseAtOnceWhenTheLimitIsTakenAndTakeRequestsAgainOnceFreed() throws Exception {
        IngestGate gate = new IngestGate(2, meters);
        javalin = Javalin.create().addHttpHandler(HandlerType.POST, "/in", gate.guard(ctx -> {
            inside.countDown();
            assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
            ctx.result("stored " + ctx.body());
        })).start(0);

        // Given two requests being worked on (the broker is slow to acknowledge them)
        CompletableFuture<HttpResponse<String>> first = post("a");
        CompletableFuture<HttpResponse<String>> second = post("b");
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

        // When a third comes, then it is refused at once, with when to come back
        HttpResponse<String> third = post("c").get(30, TimeUnit.SECONDS);
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(meters.get("tabale.ingest.refused").counter().count()).isEqualTo(1);
        assertThat(meters.get("tabale.ingest.in.flight").gauge().value()).isEqualTo(2);

        // And once the two are answered, the gate takes requests again
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).body()).isEqualTo("stored a");
        assertThat(second.get(30, TimeUnit.SECONDS).body()).isEqualTo("stored b");
        HttpResponse<String> again = post("d").get(30, TimeUnit.SECONDS);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(meters.get("tabale.ingest.in.flight").gauge().value()).isZero();
    }

    @Test
    void shouldRefuseALimitBelowOne() {
        assertThatThrownBy(() -> new IngestGate(0, meters)).hasMessageContaining("TABALE_INGEST_CONCURRENCY");
    }

    private CompletableFuture<HttpResponse<String>> post(String body) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + javalin.port() + "/in"))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
