package org.tabale.alerts.notify;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on the loopback interface that records requests and answers with the
 * statuses queued in {@link #answers} (then 204).
 */
final class Receiver implements AutoCloseable {

    /** A request as received. */
    record Request(String method, URI uri, Headers headers, String body) {
    }

    /** A queued answer: status and headers. */
    record Answer(int status, Map<String, String> headers) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedDeque<Answer> answers = new ConcurrentLinkedDeque<>();
    private final HttpServer server;

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(), body));
            Answer answer = answers.pollFirst();
            if (answer == null) {
                answer = new Answer(204, Map.of());
            }
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void answer(int status, Map<String, String> headers) {
        answers.add(new Answer(status, headers));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
