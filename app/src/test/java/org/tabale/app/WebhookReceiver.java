package org.tabale.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.tabale.model.JsonSerde;

/**
 * A real HTTP endpoint that takes the alerts POSTed to it (Alertmanager v4 payloads with Tabalé's
 * evidence), or refuses them while it is {@link #refuse refusing} (500, or 429 with Retry-After),
 * as a receiver that is down would, or is not there at all while {@link #down() down} (its port
 * closed: connection refused) until {@link #up() up} again on the same port. It counts the
 * requests it accepted per {@code webhook-id} and notes every request it answered.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A request answered: when, its {@code webhook-id}, the status given. */
    record Attempt(Instant at, String webhookId, int status) {
    }

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> acceptedById = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> refusedByStatus = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicReference<Integer> refusal = new AtomicReference<>();
    private final int port;
    private volatile int retryAfterSeconds = 1;
    private HttpServer server;

    WebhookReceiver() {
        server = bind(0);
        port = server.getAddress().getPort();
    }

    private HttpServer bind(int on) {
        HttpServer bound;
        try {
            bound = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bound.createContext("/hook", this::handle);
        bound.start();
        return bound;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
        Integer status = refusal.get();
        if (status != null) {
            refused.incrementAndGet();
            refusedByStatus.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
            attempts.add(new Attempt(Instant.now(), webhookId, status));
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        JsonNode payload = JsonSerde.MAPPER.readTree(body);
        for (JsonNode alert : payload.path("alerts")) {
            ObjectNode evidence = ((ObjectNode) alert.path("tabale")).deepCopy();
            evidence.put("rule", alert.path("labels").path("alertname").asText());
            evidence.put("webhookId", webhookId);
            evidence.put("signature", exchange.getRequestHeaders().getFirst("webhook-signature"));
            received.add(evidence);
        }
        acceptedById.computeIfAbsent(String.valueOf(webhookId), k -> new AtomicInteger()).incrementAndGet();
        attempts.add(new Attempt(Instant.now(), webhookId, 204));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** From now on, answers every request with {@code status} (500, 503, 429 with Retry-After). */
    void refuse(int status) {
        refusal.set(status);
    }

    /** The {@code Retry-After} of a 429, in seconds (1 unless set). */
    void retryAfter(int seconds) {
        retryAfterSeconds = seconds;
    }

    /** From now on, takes every request. */
    void accept() {
        refusal.set(null);
    }

    /** Closes the port: senders get "connection refused" until {@link #up()}. */
    synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Opens the same port again. */
    synchronized void up() {
        if (server == null) {
            server = bind(port);
        }
    }

    /** The evidence of every alert taken ({@code tabale} of each payload entry, plus rule, webhookId, signature). */
    List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** Every request answered, in order. */
    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** How many requests were taken per {@code webhook-id}. */
    Map<String, Integer> acceptedById() {
        Map<String, Integer> counts = new TreeMap<>();
        acceptedById.forEach((id, count) -> counts.put(id, count.get()));
        return counts;
    }

    int refused() {
        return refused.get();
    }

    /** Requests refused, by the status given. */
    Map<Integer, Integer> refusedByStatus() {
        Map<Integer, Integer> counts = new TreeMap<>();
        refusedByStatus.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    @Override
    public void close() {
        down();
    }
}
