package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.app.http.Tokens;
import org.tabale.testkit.OwnKafka;

/**
 * Overload: {@value #CLIENTS} integrators push a synthetic feed at once, as fast as they can, into
 * an ingest that works on {@value #CONCURRENCY} requests at a time ({@code TABALE_INGEST_CONCURRENCY})
 * and allows the integrator token {@value #RATE_LIMIT} calls a minute ({@code TABALE_RATE_LIMIT}).
 * What it cannot take it answers at once, 503 or 429 with {@code Retry-After}, never by letting a
 * client time out; the clients send a refused request again after {@code Retry-After}, except the
 * first refused to each, which it drops. Nothing accepted is lost and nothing refused is
 * stored: every region, date and window equals the recomputation over exactly the requests
 * answered 200.
 *
 * <p>5,000 events by default, 100,000 with {@code -Dfaults=long}. Somalia is this IT's country.
 * Bounded by the default test timeout (5 minutes; 60 with {@code -Dfaults=long}).
 */
class OverloadFaultIT {

    private static final String INTEGRATOR = "integrator-token-overload";
    private static final String ANALYST = "analyst-token-overload";
    private static final List<String> REGIONS = List.of("Banadir", "Bay", "Gedo", "Hiraan", "Lower Shabelle", "Middle Shabelle",
            "Lower Juba", "Mudug", "Galguduud", "Bakool", "Bari", "Nugaal");
    private static final int CLIENTS = 12;
    private static final int CONCURRENCY = 2;
    private static final int RATE_LIMIT = 300;
    /** What "at once" means on a loaded two-core machine; a client's own timeout is 120 s. */
    private static final Duration QUICK = Duration.ofSeconds(5);

    /** A request's answer as a client saw it. */
    private record Answer(FaultFeed.Batch batch, int status, long millis, String body) {
    }

    @Test
    void shouldRefuseQuicklyWhatItCannotTakeAndLoseNothingItAccepted(@TempDir Path dir) throws Exception {
        FaultFeed feed = FaultFeed.generate(89, FaultSize.pick(5_000, 100_000), "Somalia",
                REGIONS.subList(0, FaultSize.pick(5, REGIONS.size())), "SOM9", LocalDate.of(2020, 12, 31), FaultSize.pick(250, 1000));
        Duration converge = Duration.ofMinutes(FaultSize.pick(3, 30));
        long began = System.nanoTime();
        try (OwnKafka kafka = OwnKafka.start(dir.resolve("kafka"))) {
            Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "TABALE_DATA_DIR", dir.resolve("app").toString(), "TABALE_HTTP_PORT", "0",
                    "TABALE_STREAMS_APP_ID", kafka.uniqueName("overload-streams"), "TABALE_ALERTS_GROUP_ID", kafka.uniqueName("overload-alerts"),
                    "TABALE_INGEST_CONCURRENCY", String.valueOf(CONCURRENCY), "TABALE_RATE_LIMIT", String.valueOf(RATE_LIMIT)));
            try (TabaleNode node = TabaleNode.start(TabaleConfig.fromEnv(env), Service.all(),
                    Tokens.parse("integrator:" + INTEGRATOR + ",analyst:" + ANALYST), Clock.systemUTC(), null)) {
                Queue<FaultFeed.Batch> work = new ConcurrentLinkedQueue<>(feed.batches());
                Queue<Answer> answers = new ConcurrentLinkedQueue<>();
                List<FaultFeed.Batch> taken = Collections.synchronizedList(new ArrayList<>());
                List<FaultFeed.Batch> dropped = Collections.synchronizedList(new ArrayList<>());
                CountDownLatch go = new CountDownLatch(1);
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    running.add(clients.submit(() -> client(node.httpPort(), work, answers, taken, dropped, go)));
                }
                go.countDown();
                for (Future<?> client : running) {
                    client.get(converge.toMillis(), TimeUnit.MILLISECONDS);
                }
                clients.shutdown();
                long pushed = System.nanoTime();

                List<Answer> all = new ArrayList<>(answers);
                List<Answer> refused = all.stream().filter(a -> a.status() == 503 || a.status() == 429).toList();
                assertThat(all).as("every answer 200, 429 or 503").allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 429, 503));
                assertThat(refused).as("requests refused: the load was beyond what ingest takes").isNotEmpty();
                assertThat(refused).as("refusals answered at once").allSatisfy(a -> assertThat(a.millis()).isLessThan(QUICK.toMillis()));
                assertThat(dropped).as("refused requests dropped by their clients").isNotEmpty();
                assertThat(taken.size() + dropped.size()).isEqualTo(feed.batches().size());

                Recomputation expected = FaultFeed.expected(taken);
                Http http = new Http(node.httpPort());
                long[] points = new long[1];
                await().atMost(converge).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> points[0] =
                        StatsAgreement.assertServed(http, ANALYST, expected, feed.regionIds(), feed.first(), feed.last().plusDays(400)));
                long accepted = all.stream().filter(a -> a.status() == 200).mapToLong(a -> a.batch().rows()).sum();
                long[] refusedMillis = refused.stream().mapToLong(Answer::millis).sorted().toArray();
                long[] acceptedMillis = all.stream().filter(a -> a.status() == 200).mapToLong(Answer::millis).sorted().toArray();
                System.out.printf("FAULT overload size=%s events=%d rows=%d requests=%d clients=%d concurrency=%d rate-limit=%d answers=%d "
                                + "ok=%d refused-503=%d refused-429=%d dropped=%d rows-accepted=%d live=%d points-api=%d "
                                + "refusal-ms-median=%d refusal-ms-max=%d accepted-ms-median=%d accepted-ms-max=%d push-s=%d total-s=%d%n",
                        FaultSize.name(), feed.events(), feed.rows(), feed.batches().size(), CLIENTS, CONCURRENCY, RATE_LIMIT, all.size(),
                        all.size() - refused.size(), refused.stream().filter(a -> a.status() == 503).count(),
                        refused.stream().filter(a -> a.status() == 429).count(), dropped.size(), accepted, expected.liveEvents(),
                        points[0], refusedMillis[refusedMillis.length / 2], refusedMillis[refusedMillis.length - 1],
                        acceptedMillis[acceptedMillis.length / 2], acceptedMillis[acceptedMillis.length - 1],
                        TimeUnit.NANOSECONDS.toSeconds(pushed - began), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
            }
        }
    }

    /**
     * One integrator: takes requests from the shared queue and sends each until it is answered 200,
     * waiting its {@code Retry-After} after a refusal; the first request refused to it, it drops.
     */
    private static Void client(int port, Queue<FaultFeed.Batch> work, Queue<Answer> answers, List<FaultFeed.Batch> taken,
                               List<FaultFeed.Batch> dropped, CountDownLatch go) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        boolean droppedOne = false;
        go.await();
        for (FaultFeed.Batch batch = work.poll(); batch != null; batch = work.poll()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + batch.path()))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + INTEGRATOR)
                    .header("Content-Type", batch.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(batch.body(), StandardCharsets.UTF_8)).build();
            while (true) {
                long sent = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(batch, response.statusCode(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent),
                        response.body()));
                if (response.statusCode() == 200) {
                    taken.add(batch);
                    break;
                }
                if (response.statusCode() != 429 && response.statusCode() != 503) {
                    throw new IllegalStateException("request " + batch.index() + ": " + response.statusCode() + " " + response.body());
                }
                if (!droppedOne && refusedBeforeReading(response.body())) {
                    droppedOne = true;
                    dropped.add(batch);
                    break;
                }
                // The back-off the server asked for.
                TimeUnit.SECONDS.sleep(response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
            }
        }
        return null;
    }

    /** A refusal by the concurrency gate or the rate limiter, which answer before reading the body: nothing of it stored. */
    private static boolean refusedBeforeReading(String body) {
        return body.contains("TABALE_INGEST_CONCURRENCY") || body.contains("TABALE_RATE_LIMIT");
    }
}
