package org.tabale.app.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.tabale.app.TabaleNode;
import org.tabale.app.http.Tokens;
import org.tabale.broker.EmbeddedKafkaBroker;

/**
 * Measurement 3 of issue #7, query latency: during the pipeline replay of the small input (own
 * broker), then with the node idle, 32 concurrent clients (a fixed pool of platform threads, one
 * {@link HttpClient}, HTTP/1.1, analyst token) call in turn {@code GET /health} (the baseline),
 * {@code GET /api/v1/stats?region=R&window=30} (R cycling over every region the store holds) and
 * {@code GET /api/v1/stats/snapshot?window=30}; each request is timed from send to the whole body
 * read. The token's rate limit is lifted for the run.
 */
public final class QueryLatency implements Measurement {

    private static final AtomicReference<String> FIRST_FAILURE = new AtomicReference<>();
    static final String ANALYST_TOKEN = "bench-analyst-token-0123456789";
    static final int CLIENTS = 32;
    static final double GOAL_IDLE_MS = 20;
    static final double GOAL_REPLAY_MS = 100;
    /** Requests per client in one round of the load during the replay. */
    static final int ROUND = 2;
    static final String HEALTH = "GET /health (baseline)";
    static final String STATS = "GET /api/v1/stats?region=R&window=30";
    static final String SNAPSHOT = "GET /api/v1/stats/snapshot?window=30";

    @Override
    public String id() {
        return "query-latency";
    }

    @Override
    public MeasurementResult run(BenchContext context) throws Exception {
        ReplayInput input = context.smallInput();
        Path dir = context.workDir();
        int perClient = context.smoke() ? 3 : 20;
        int warmUp = context.smoke() ? 1 : 5;
        Map<String, Sample> idle = new LinkedHashMap<>();
        Map<String, Sample> replaying = new LinkedHashMap<>();
        List.of(HEALTH, STATS, SNAPSHOT).forEach(name -> replaying.put(name, new Sample()));
        AtomicLong failed = new AtomicLong();
        int[] regionCount = new int[1];
        context.progress().printf("query latency: %d clients during the pipeline replay of %,d rows (own broker), then idle ...%n",
                CLIENTS, input.counts().rows());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            PipelineReplay.run(context.on(broker.bootstrapServers(), dir, input), admin,
                    Map.of("TABALE_RATE_LIMIT", "100000000"), Tokens.parse("analyst:" + ANALYST_TOKEN),
                    node -> duringReplay(client, node, replaying, failed),
                    (node, run) -> {
                        regionCount[0] = node.streams().localDayTotals().regions().size();
                        for (Map.Entry<String, IntFunction<String>> endpoint : endpoints(node).entrySet()) {
                            load(client, endpoint.getValue(), warmUp, new AtomicLong());
                            long begin = System.nanoTime();
                            long[] nanos = load(client, endpoint.getValue(), perClient, failed);
                            Sample sample = new Sample();
                            sample.add(nanos, System.nanoTime() - begin);
                            idle.put(endpoint.getKey(), sample);
                        }
                    });
        }
        for (Map.Entry<String, Sample> one : replaying.entrySet()) {
            report(context, one.getKey(), "during replay", one.getValue());
        }
        for (Map.Entry<String, Sample> one : idle.entrySet()) {
            report(context, one.getKey(), "idle", one.getValue());
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("inputRows", input.counts().rows());
        figures.put("regions", regionCount[0]);
        figures.put("clients", CLIENTS);
        figures.put("requestsPerClient", perClient);
        figures.put("failedRequests", failed.get());
        if (FIRST_FAILURE.get() != null) {
            figures.put("firstFailure", FIRST_FAILURE.get());
        }
        figures.put("idle", json(idle));
        figures.put("duringReplay", json(replaying));
        figures.put("goalIdleP99Ms", GOAL_IDLE_MS);
        figures.put("goalDuringReplayP99Ms", GOAL_REPLAY_MS);
        List<List<String>> rows = new ArrayList<>();
        idle.forEach((name, sample) -> rows.add(row(name, "idle", sample)));
        replaying.forEach((name, sample) -> rows.add(row(name, "during replay", sample)));
        boolean met = failed.get() == 0
                && idle.get(STATS).latencies().p99Ms() < GOAL_IDLE_MS && idle.get(SNAPSHOT).latencies().p99Ms() < GOAL_IDLE_MS
                && replaying.get(STATS).latencies().p99Ms() < GOAL_REPLAY_MS
                && replaying.get(SNAPSHOT).latencies().p99Ms() < GOAL_REPLAY_MS;
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%d clients (fixed thread pool, one java.net.http client, HTTP/1.1, analyst token, "
                + "rate limit lifted); timed from send until the whole body is read; R cycles over every region in the store "
                + "(%,d after the replay of %,d rows).", CLIENTS, regionCount[0], input.counts().rows()));
        notes.add(String.format(Locale.ROOT, "During replay: rounds of %d requests per client on each endpoint in turn, from the "
                + "first submission until streams has caught up. Idle: after the replay, %d requests per client per endpoint "
                + "after %d unmeasured.", ROUND, perClient, warmUp));
        notes.add("The clients run in the bench process, beside the node and its broker, on the same cores.");
        if (failed.get() > 0) {
            notes.add(failed.get() + " requests failed (status other than 200; the first: " + FIRST_FAILURE.get()
                    + "): the figures are not valid.");
        }
        return new MeasurementResult(id(), "Query latency (measurement 3)", figures,
                List.of("request", "node", "requests", "p50 ms", "p99 ms", "max ms", "requests/s"), rows,
                String.format(Locale.ROOT, "stats and snapshot p99 < %.0f ms idle, < %.0f ms during a replay", GOAL_IDLE_MS,
                        GOAL_REPLAY_MS), met, notes);
    }

    /** The three requests, R cycling over the regions the store holds now (Mopti while it holds none). */
    private static Map<String, IntFunction<String>> endpoints(TabaleNode node) {
        List<String> regions = new ArrayList<>(node.streams().localDayTotals().regions().keySet());
        regions.sort(null);
        if (regions.isEmpty()) {
            regions.add("MLI.Mopti");
        }
        String base = "http://127.0.0.1:" + node.httpPort();
        Map<String, IntFunction<String>> endpoints = new LinkedHashMap<>();
        endpoints.put(HEALTH, i -> base + "/health");
        endpoints.put(STATS, i -> base + "/api/v1/stats?region="
                + URLEncoder.encode(regions.get(i % regions.size()), StandardCharsets.UTF_8) + "&window=30");
        endpoints.put(SNAPSHOT, i -> base + "/api/v1/stats/snapshot?window=30");
        return endpoints;
    }

    /** Rounds on each endpoint in turn until closed; a round cut short by the close is kept (it ran during the replay). */
    private static AutoCloseable duringReplay(HttpClient client, TabaleNode node, Map<String, Sample> samples, AtomicLong failed) {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Exception> error = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                while (!stop.get()) {
                    for (Map.Entry<String, IntFunction<String>> endpoint : endpoints(node).entrySet()) {
                        long begin = System.nanoTime();
                        long[] nanos = load(client, endpoint.getValue(), ROUND, failed);
                        samples.get(endpoint.getKey()).add(nanos, System.nanoTime() - begin);
                    }
                }
            } catch (Exception e) {
                error.set(e);
            }
        }, "bench-queries-during-replay");
        thread.start();
        return () -> {
            stop.set(true);
            thread.join();
            if (error.get() != null) {
                throw error.get();
            }
        };
    }

    private static void report(BenchContext context, String name, String when, Sample sample) {
        Latencies latencies = sample.latencies();
        context.progress().printf("  %s, %s: p50 %s ms, p99 %s ms, max %s ms (%d requests)%n", name, when,
                Latencies.ms(latencies.p50Ms()), Latencies.ms(latencies.p99Ms()), Latencies.ms(latencies.maxMs()),
                latencies.count());
    }

    private static List<String> row(String name, String when, Sample sample) {
        Latencies latencies = sample.latencies();
        return List.of(name, when, String.valueOf(latencies.count()), Latencies.ms(latencies.p50Ms()),
                Latencies.ms(latencies.p99Ms()), Latencies.ms(latencies.maxMs()),
                String.format(Locale.ROOT, "%,.0f", sample.perSecond()));
    }

    private static Map<String, Object> json(Map<String, Sample> samples) {
        Map<String, Object> out = new LinkedHashMap<>();
        samples.forEach((name, sample) -> {
            Map<String, Object> one = sample.latencies().figures();
            one.put("requestsPerSecond", Math.round(sample.perSecond()));
            out.put(name.equals(HEALTH) ? "health" : name.equals(STATS) ? "stats" : "snapshot", one);
        });
        return out;
    }

    /** Latencies gathered over one or more rounds, and the time those rounds took. */
    private static final class Sample {
        private final List<long[]> rounds = new ArrayList<>();
        private long nanosSpent;

        synchronized void add(long[] nanos, long spent) {
            rounds.add(nanos);
            nanosSpent += spent;
        }

        synchronized Latencies latencies() {
            return Latencies.of(rounds.stream().flatMapToLong(java.util.Arrays::stream).toArray());
        }

        synchronized double perSecond() {
            long count = rounds.stream().mapToLong(r -> r.length).sum();
            return nanosSpent == 0 ? 0 : count / (nanosSpent / 1e9);
        }
    }

    /** {@link #CLIENTS} clients each send {@code perClient} requests; returns every latency in nanoseconds. */
    private static long[] load(HttpClient client, IntFunction<String> url, int perClient, AtomicLong failed)
            throws Exception {
        long[] nanos = new long[CLIENTS * perClient];
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c * perClient;
                clients.add(pool.submit(() -> {
                    go.await();
                    for (int i = first; i < first + perClient; i++) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url.apply(i)))
                                .header("Authorization", "Bearer " + ANALYST_TOKEN).timeout(Duration.ofSeconds(30)).GET().build();
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        nanos[i] = System.nanoTime() - start;
                        if (response.statusCode() != 200 && failed.incrementAndGet() == 1) {
                            FIRST_FAILURE.compareAndSet(null, request.uri().getPath() + " -> " + response.statusCode() + " "
                                    + new String(response.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> one : clients) {
                one.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return nanos;
    }
}
