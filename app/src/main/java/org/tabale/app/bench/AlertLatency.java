package org.tabale.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.tabale.app.Service;
import org.tabale.app.TabaleConfig;
import org.tabale.app.TabaleNode;
import org.tabale.app.http.Tokens;
import org.tabale.broker.EmbeddedKafkaBroker;
import org.tabale.broker.TopicAdmin;
import org.tabale.ingest.publish.EventIngestor;
import org.tabale.ingest.publish.IngestResult;
import org.tabale.model.JsonSerde;

/**
 * Measurement 2 of issue #7, alert latency: a whole node (ingest, streams, alerts; exactly-once,
 * default rules and lifecycle) on its own broker, with a webhook receiver in this process, under a
 * steady background load (the small input ingested at a fixed row rate, in chunks, in-process).
 * Open loop, at a fixed rate, an integrator POSTs over HTTP one event that crosses the
 * civilian-fatalities threshold in a region of its own, dated yesterday (so the default two-date
 * pending rule confirms it at once); the latency runs from the POST to the first webhook request
 * about that region. The baseline, measured the same way under the same background load before:
 * one record produced ({@code acks=all}) to a topic of the same broker and consumed by a plain
 * consumer in this process, from the send to the poll that returns it.
 */
public final class AlertLatency implements Measurement {

    static final String INTEGRATOR_TOKEN = "bench-integrator-token-0123456789";
    static final double GOAL_P99_MS = 2_000;
    static final long INTERVAL_MILLIS = 100;
    static final int BACKGROUND_ROWS_PER_SECOND = 1_000;
    private static final String COUNTRY = "Chad";
    private static final String HEADER = "event_id_cnty,event_date,event_type,sub_event_type,civilian_targeting,country,admin1,fatalities,timestamp\n";
    private static final String ROUND_TRIP_TOPIC = "bench.round-trip";
    private static final Duration TAIL = Duration.ofSeconds(120);
    /** Round trips sent first and not measured: the producer's first metadata fetch and connection. */
    private static final int WARM_UP = 5;

    @Override
    public String id() {
        return "alert-latency";
    }

    @Override
    public MeasurementResult run(BenchContext context) throws Exception {
        int count = context.smoke() ? 10 : 1_000;
        Path dir = context.workDir();
        ReplayInput background = context.smallInput();
        context.progress().printf("alert latency: %,d alerts, one every %d ms, beside %,d Kafka round trips, background load "
                + "%,d rows/s (own broker) ...%n", count, INTERVAL_MILLIS, count, BACKGROUND_ROWS_PER_SECOND);
        Latencies kafka;
        Latencies alerts;
        long[] backgroundRows = new long[2];
        int missing;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
             Sink sink = new Sink()) {
            Map<String, String> env = PipelineReplay.nodeEnv(context.on(broker.bootstrapServers(), dir, background), Map.of(
                    "TABALE_STREAMS_APP_ID", "tabale-bench-alert-latency", "TABALE_ALERTS_GROUP_ID", "tabale-bench-alert-latency-alerts",
                    "TABALE_WEBHOOK_URL", sink.url(), "TABALE_WEBHOOK_ALLOW_PRIVATE", "true", "TABALE_RATE_LIMIT", "100000000"));
            try (TabaleNode node = TabaleNode.start(TabaleConfig.fromEnv(env), Service.all(),
                    Tokens.parse("integrator:" + INTEGRATOR_TOKEN), Clock.systemUTC(), null)) {
                if (!node.streams().awaitRunning(Duration.ofMinutes(2))) {
                    throw new IllegalStateException("streams did not reach RUNNING: " + node.streams().state());
                }
                try (Background load = new Background(node.ingestor(), background)) {
                    kafka = roundTrips(broker.bootstrapServers(), admin, count);
                    backgroundRows[0] = load.rows.get();
                    context.progress().printf("  Kafka round trip: p50 %s ms, p99 %s ms, max %s ms%n", Latencies.ms(kafka.p50Ms()),
                            Latencies.ms(kafka.p99Ms()), Latencies.ms(kafka.maxMs()));
                    long[] nanos = alerts(node.httpPort(), sink, count);
                    backgroundRows[1] = load.rows.get() - backgroundRows[0];
                    missing = (int) java.util.Arrays.stream(nanos).filter(n -> n < 0).count();
                    alerts = Latencies.of(java.util.Arrays.stream(nanos).filter(n -> n >= 0).toArray());
                    context.progress().printf("  POST to webhook: p50 %s ms, p99 %s ms, max %s ms (%d of %d alerts arrived)%n",
                            Latencies.ms(alerts.p50Ms()), Latencies.ms(alerts.p99Ms()), Latencies.ms(alerts.maxMs()),
                            alerts.count(), count);
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("alerts", count);
        figures.put("intervalMillis", INTERVAL_MILLIS);
        figures.put("backgroundRowsPerSecond", BACKGROUND_ROWS_PER_SECOND);
        figures.put("backgroundRowsDuringBaseline", backgroundRows[0]);
        figures.put("backgroundRowsDuringAlerts", backgroundRows[1]);
        figures.put("kafkaRoundTrip", kafka.figures());
        figures.put("postToWebhook", alerts.figures());
        figures.put("missingAlerts", missing);
        figures.put("goalP99Ms", GOAL_P99_MS);
        boolean met = missing == 0 && alerts.p99Ms() < GOAL_P99_MS;
        List<List<String>> rows = List.of(
                List.of("Kafka produce → consume (baseline)", String.valueOf(kafka.count()), Latencies.ms(kafka.p50Ms()),
                        Latencies.ms(kafka.p99Ms()), Latencies.ms(kafka.maxMs())),
                List.of("HTTP POST of an event → webhook alert", String.valueOf(alerts.count()), Latencies.ms(alerts.p50Ms()),
                        Latencies.ms(alerts.p99Ms()), Latencies.ms(alerts.maxMs())));
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "One event every %d ms (open loop), each in a region of its own, dated yesterday, "
                + "%d civilians killed: ingest, streams (exactly-once, commit interval as configured), the alert service's "
                + "default rules and lifecycle, the outbox and a signed webhook to a receiver in the bench process.",
                INTERVAL_MILLIS, 50));
        notes.add(String.format(Locale.ROOT, "Background load: the small input ingested in-process at %,d rows/s throughout "
                + "(%,d rows during the baseline, %,d during the alerts).", BACKGROUND_ROWS_PER_SECOND, backgroundRows[0],
                backgroundRows[1]));
        notes.add("Baseline: one record every " + INTERVAL_MILLIS + " ms produced with acks=all and consumed by a plain consumer "
                + "polling the same broker, timed from send to the poll that returns it (after " + WARM_UP + " unmeasured).");
        if (missing > 0) {
            notes.add(missing + " alerts did not reach the webhook within " + TAIL.toSeconds() + " s of the last POST.");
        }
        return new MeasurementResult(id(), "Alert latency (measurement 2)", figures,
                List.of("path", "samples", "p50 ms", "p99 ms", "max ms"), rows,
                String.format(Locale.ROOT, "POST → webhook p99 < %.0f ms, every alert arrives", GOAL_P99_MS), met, notes);
    }

    /** One record every interval through a topic of the broker; each latency from the send to the poll returning it. */
    private static Latencies roundTrips(String bootstrap, Admin admin, int count) throws Exception {
        TopicAdmin.ensureTopics(admin, List.of(new NewTopic(ROUND_TRIP_TOPIC, 1, (short) 1)), Duration.ofSeconds(30));
        int total = count + WARM_UP;
        long[] sent = new long[total];
        long[] nanos = new long[total];
        java.util.Arrays.fill(nanos, -1);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong received = new AtomicLong();
        Map<String, Object> consumerProps = Map.of("bootstrap.servers", bootstrap, "group.id", "bench-round-trip",
                "auto.offset.reset", "latest", "enable.auto.commit", "false");
        try (KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(consumerProps, new LongDeserializer(), new LongDeserializer());
             KafkaProducer<Long, Long> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                     new LongSerializer(), new LongSerializer())) {
            consumer.subscribe(List.of(ROUND_TRIP_TOPIC));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            Thread poller = new Thread(() -> {
                while (!done.get()) {
                    for (ConsumerRecord<Long, Long> record : consumer.poll(Duration.ofMillis(50))) {
                        int index = record.value().intValue();
                        nanos[index] = System.nanoTime() - sent[index];
                        received.incrementAndGet();
                    }
                }
            }, "bench-round-trip-consumer");
            poller.start();
            long next = System.nanoTime();
            for (int i = 0; i < total; i++) {
                LockSupport.parkNanos(next - System.nanoTime()); // the open-loop schedule, not a wait on a condition
                sent[i] = System.nanoTime();
                producer.send(new ProducerRecord<>(ROUND_TRIP_TOPIC, (long) i, (long) i));
                next += TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS);
            }
            producer.flush();
            long deadline = System.nanoTime() + TAIL.toNanos();
            while (received.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling a condition with a deadline
            }
            done.set(true);
            poller.join();
        }
        return Latencies.of(java.util.Arrays.stream(nanos, WARM_UP, total).filter(n -> n >= 0).toArray());
    }

    /** One threshold-crossing event every interval over HTTP; each latency until the webhook hears of its region (-1: never). */
    private static long[] alerts(int httpPort, Sink sink, int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        URI events = URI.create("http://127.0.0.1:" + httpPort + "/api/v1/events");
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        long timestamp = System.currentTimeMillis() / 1000;
        long[] posted = new long[count];
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(next - System.nanoTime()); // the open-loop schedule, not a wait on a condition
            String row = String.format(Locale.ROOT, "BENCHALERT%06d,%s,Violence against civilians,Attack,Civilian targeting,%s,%s,50,%d%n",
                    i, yesterday, COUNTRY, Sink.region(i), timestamp);
            posted[i] = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + INTEGRATOR_TOKEN).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(HEADER + row)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /api/v1/events answered " + response.statusCode() + ": " + response.body());
            }
            next += TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS);
        }
        long deadline = System.nanoTime() + TAIL.toNanos();
        while (sink.heard() < count && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling a condition with a deadline
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            Long arrived = sink.arrival(i);
            nanos[i] = arrived == null ? -1 : arrived - posted[i];
        }
        return nanos;
    }

    /** The webhook receiver: the arrival time of the first alert about each bench region. */
    private static final class Sink implements AutoCloseable {

        private final HttpServer server;
        private final Map<Integer, Long> arrivals = new ConcurrentHashMap<>();

        Sink() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.createContext("/hook", exchange -> {
                long now = System.nanoTime();
                JsonNode payload = JsonSerde.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
                for (JsonNode alert : payload.path("alerts")) {
                    String admin1 = alert.path("tabale").path("region").path("admin1").asText("");
                    if (admin1.toLowerCase(Locale.ROOT).startsWith("bench ")) {
                        arrivals.putIfAbsent(Integer.parseInt(admin1.substring(6).trim()), now);
                    }
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        static String region(int index) {
            return String.format(Locale.ROOT, "Bench %04d", index);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        int heard() {
            return arrivals.size();
        }

        Long arrival(int index) {
            return arrivals.get(index);
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    /** The background load: the input's event rows ingested in-process in chunks, at a fixed row rate, round and round. */
    private static final class Background implements AutoCloseable {

        private static final int CHUNK = 100;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicLong rows = new AtomicLong();
        private final Thread thread;

        Background(EventIngestor ingestor, ReplayInput input) {
            List<byte[]> chunks = chunks(input);
            thread = new Thread(() -> {
                long start = System.nanoTime();
                long sent = 0;
                for (int i = 0; !stop.get(); i = (i + 1) % chunks.size()) {
                    IngestResult result = ingestor.ingest(chunks.get(i), EventIngestor.Format.CSV, "bench:background");
                    sent += result.accepted() + result.duplicates() + result.stale() + result.rejected();
                    rows.set(sent);
                    long due = start + sent * 1_000_000_000L / BACKGROUND_ROWS_PER_SECOND;
                    LockSupport.parkNanos(due - System.nanoTime()); // the fixed rate, not a wait on a condition
                }
            }, "bench-background-load");
            thread.setDaemon(true);
            thread.start();
        }

        private static List<byte[]> chunks(ReplayInput input) {
            List<byte[]> chunks = new ArrayList<>();
            for (ReplayInput.Batch batch : input.batches()) {
                String[] lines = new String(batch.events(), StandardCharsets.UTF_8).split("\n");
                for (int from = 1; from < lines.length; from += CHUNK) {
                    StringBuilder chunk = new StringBuilder(lines[0]).append('\n');
                    for (int i = from; i < Math.min(lines.length, from + CHUNK); i++) {
                        chunk.append(lines[i]).append('\n');
                    }
                    chunks.add(chunk.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            return chunks;
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join(TimeUnit.MINUTES.toMillis(1));
        }
    }
}
