package org.tabale.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.tabale.model.JsonSerde;

/**
 * Pushes a {@link FaultFeed}'s requests to the app one after the other, on a thread of its own, as
 * an integrator's sync job does: a request the app cannot take now (the connection refused or cut
 * while it is down, 429, 503) is sent again, the same, after its {@code Retry-After} or half a
 * second, until the deadline; any other answer fails the replay. It counts what the app answered.
 */
final class Replayer implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Duration pace;
    private final String token;
    private final List<FaultFeed.Batch> batches;
    private final long deadlineNanos;
    private final Thread thread;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Map<String, AtomicInteger> retries = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Replayer(int port, String token, List<FaultFeed.Batch> batches, Duration deadline) {
        this(port, token, batches, deadline, Duration.ZERO);
    }

    /** A replay that sends a request at most every {@code pace}, as a sync job that trickles a feed in. */
    Replayer(int port, String token, List<FaultFeed.Batch> batches, Duration deadline, Duration pace) {
        this.pace = pace;
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
        this.batches = batches;
        this.deadlineNanos = System.nanoTime() + deadline.toNanos();
        this.thread = new Thread(this::run, "fault-replayer");
        this.thread.setDaemon(true);
    }

    Replayer start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            for (FaultFeed.Batch batch : batches) {
                long next = System.nanoTime() + pace.toNanos();
                send(batch);
                done.incrementAndGet();
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime())); // the client's own pace
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    private void send(FaultFeed.Batch batch) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + batch.path())).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Content-Type", batch.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(batch.body(), StandardCharsets.UTF_8)).build();
        while (true) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new IllegalStateException("request " + batch.index() + " not taken before the deadline; retries " + retries());
            }
            long pauseMillis = 500;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    JsonNode result = JsonSerde.MAPPER.readTree(response.body());
                    accepted.addAndGet(result.path("accepted").asLong());
                    duplicates.addAndGet(result.path("duplicates").asLong());
                    stale.addAndGet(result.path("stale").asLong());
                    rejected.addAndGet(result.path("rejected").asLong());
                    return;
                }
                if (status != 429 && status != 503) {
                    throw new IllegalStateException("request " + batch.index() + " refused: " + status + " " + response.body());
                }
                retries.computeIfAbsent(String.valueOf(status), k -> new AtomicInteger()).incrementAndGet();
                pauseMillis = response.headers().firstValue("Retry-After").map(s -> Long.parseLong(s.trim()) * 1000).orElse(500L);
            } catch (IOException e) {
                // The app is down or was killed while answering: the same request again once it is back.
                retries.computeIfAbsent("connection", k -> new AtomicInteger()).incrementAndGet();
            }
            TimeUnit.MILLISECONDS.sleep(pauseMillis); // a client's back-off between attempts, not a wait on a condition
        }
    }

    /** How many requests the app took (answered 200). */
    int done() {
        return done.get();
    }

    int total() {
        return batches.size();
    }

    /** Whether every request was taken; throws what stopped the replay, if anything did. */
    boolean finished() {
        Throwable e = failure.get();
        if (e != null) {
            throw new AssertionError("the replay stopped at request " + done.get() + " of " + batches.size(), e);
        }
        return done.get() == batches.size();
    }

    long accepted() {
        return accepted.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long stale() {
        return stale.get();
    }

    long rejected() {
        return rejected.get();
    }

    /** Requests sent again, by cause: {@code connection}, {@code 429}, {@code 503}. */
    Map<String, Integer> retries() {
        Map<String, Integer> counts = new TreeMap<>();
        retries.forEach((cause, n) -> counts.put(cause, n.get()));
        return counts;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
