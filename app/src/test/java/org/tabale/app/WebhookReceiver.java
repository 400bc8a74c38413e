package org.tabale.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.tabale.model.JsonSerde;

/**
 * A real HTTP endpoint that takes the alerts POSTed to it (Alertmanager v4 payloads with Tabalé's
 * evidence), or refuses them while it is {@link #refuse refusing} (500, or 429 with Retry-After),
 * as a receiver that is down would. It counts the requests it accepted per {@code webhook-id}.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> acceptedById = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicReference<Integer> refusal = new AtomicReference<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Integer status = refusal.get();
            if (status != null) {
                refused.incrementAndGet();
                if (status == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            JsonNode payload = JsonSerde.MAPPER.readTree(body);
            for (JsonNode alert : payload.path("alerts")) {
                ObjectNode evidence = ((ObjectNode) alert.path("tabale")).deepCopy();
                evidence.put("rule", alert.path("labels").path("alertname").asText());
                evidence.put("webhookId", exchange.getRequestHeaders().getFirst("webhook-id"));
                evidence.put("signature", exchange.getRequestHeaders().getFirst("webhook-signature"));
                received.add(evidence);
            }
            acceptedById.computeIfAbsent(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")),
                    k -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** From now on, answers every request with {@code status} (500, 503, 429 with Retry-After). */
    void refuse(int status) {
        refusal.set(status);
    }

    /** From now on, takes every request. */
    void accept() {
        refusal.set(null);
    }

    /** The evidence of every alert taken ({@code tabale} of each payload entry, plus rule, webhookId, signature). */
    List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** How many requests were taken per {@code webhook-id}. */
    Map<String, Integer> acceptedById() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        acceptedById.forEach((id, count) -> counts.put(id, count.get()));
        return counts;
    }

    int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
