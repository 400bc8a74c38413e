package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.testkit.OwnKafka;

/**
 * State loss: the packaged app, a child process on a broker of the test's own, takes a synthetic
 * feed and serves its figures; it is killed with SIGKILL and its whole state directory
 * ({@code TABALE_DATA_DIR/streams}) deleted, then started again: it restores its stores from
 * their changelogs (its restore consumer reads them) and serves the same figures for every
 * region, date and window, equal to the batch recomputation. Then killed again with one task's
 * stores damaged (their RocksDB MANIFEST files gone, as a kill in the middle of their deletion
 * leaves them): it still starts, and serves the same figures.
 *
 * <p>3,000 events by default, 100,000 with {@code -Dfaults=long}. The Central African Republic is
 * this IT's country. Bounded by the default test timeout (5 minutes; 60 with {@code -Dfaults=long}).
 */
class StateLossFaultIT {

    private static final String INTEGRATOR = "integrator-token-state-loss";
    private static final String ANALYST = "analyst-token-state-loss";
    private static final List<String> REGIONS = List.of("Bamingui-Bangoran", "Bangui", "Basse-Kotto", "Haute-Kotto", "Haut-Mbomou",
            "Kemo", "Lobaye", "Mambere-Kadei", "Mbomou", "Nana-Mambere", "Ombella-Mpoko", "Ouaka", "Ouham", "Ouham-Pende", "Vakaga");
    private static final String RESTORED = "kafka_consumer_fetch_manager_records_consumed_total";

    @Test
    void shouldRestoreItsStoresFromTheChangelogsAndServeTheSameFiguresWhenItsStateIsLost(@TempDir Path dir) throws Exception {
        FaultFeed feed = FaultFeed.generate(21, FaultSize.pick(3_000, 100_000), "Central African Republic",
                REGIONS.subList(0, FaultSize.pick(5, REGIONS.size())), "CAF9", LocalDate.of(2016, 12, 31), FaultSize.pick(500, 2000));
        Duration startLimit = Duration.ofSeconds(FaultSize.pick(120, 300));
        Duration converge = Duration.ofMinutes(FaultSize.pick(3, 20));
        long began = System.nanoTime();
        try (OwnKafka kafka = OwnKafka.start(dir.resolve("kafka"))) {
            Path data = dir.resolve("app");
            String appId = kafka.uniqueName("state-loss-streams");
            Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "TABALE_DATA_DIR", data.toString(), "TABALE_HTTP_PORT", String.valueOf(ChildApp.freePort()),
                    "TABALE_TOKENS", "integrator:" + INTEGRATOR + ",analyst:" + ANALYST,
                    "TABALE_STREAMS_APP_ID", appId, "TABALE_ALERTS_GROUP_ID", kafka.uniqueName("state-loss-alerts"),
                    "TABALE_RATE_LIMIT", "1000000"));
            Path state = data.resolve("streams").resolve(appId);
            try (ChildApp app = new ChildApp(env, "state-loss-fault-it.log").start(startLimit);
                 Replayer replayer = new Replayer(app.port(), INTEGRATOR, feed.batches(), converge).start()) {
                await().atMost(converge).until(replayer::finished);
                Http http = app.http();
                long[] points = new long[1];
                await().atMost(converge).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> points[0] =
                        StatsAgreement.assertServed(http, ANALYST, feed.expected(), feed.regionIds(), feed.first(), feed.last().plusDays(400)));
                long stores = storeDirectories(state);
                assertThat(stores).as("RocksDB stores under " + state).isPositive();

                // Lost: killed, and its whole state directory deleted.
                app.kill();
                deleteRecursively(data.resolve("streams"));
                long lost = System.nanoTime();
                app.start(startLimit);
                await().atMost(converge).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        StatsAgreement.assertServed(http, ANALYST, feed.expected(), feed.regionIds(), feed.first(), feed.last().plusDays(400)));
                long restoredAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lost);
                double restoredRecords = Metrics.sum(http, RESTORED, "restore-consumer");
                assertThat(restoredRecords).as("records the restore consumer read from the changelogs").isPositive();
                assertThat(storeDirectories(state)).as("stores rebuilt").isEqualTo(stores);

                // Damaged: killed, and the RocksDB MANIFEST files of one task's stores gone.
                app.kill();
                List<Path> damaged = damage(state);
                assertThat(damaged).as("stores damaged").isNotEmpty();
                app.start(startLimit);
                await().atMost(converge).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        StatsAgreement.assertServed(http, ANALYST, feed.expected(), feed.regionIds(), feed.first(), feed.last().plusDays(400)));
                await().atMost(converge).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                        StatsAgreement.assertPublished(kafka, feed.expected(), feed.regionIds(), feed.first(), feed.last().plusDays(400)));
                System.out.printf("FAULT state-loss size=%s events=%d rows=%d live=%d stores=%d points-api=%d restored-records=%.0f "
                                + "served-again-after-ms=%d damaged=%d total-s=%d%n", FaultSize.name(), feed.events(), feed.rows(),
                        feed.expected().liveEvents(), stores, points[0], restoredRecords, restoredAfterMs, damaged.size(),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
            }
        }
    }

    /** The RocksDB store directories under the application's state directory. */
    private static long storeDirectories(Path state) throws IOException {
        if (!Files.isDirectory(state)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(state)) {
            return paths.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("rocksdb")
                    && Files.isDirectory(p)).count();
        }
    }

    /** Deletes the MANIFEST files of every store of the first task that has stores; answers the stores damaged. */
    private static List<Path> damage(Path state) throws IOException {
        List<Path> damaged = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(state)) {
            for (Path task : tasks.filter(t -> Files.isDirectory(t.resolve("rocksdb"))).sorted().toList()) {
                try (Stream<Path> stores = Files.list(task.resolve("rocksdb"))) {
                    for (Path store : stores.filter(Files::isDirectory).toList()) {
                        try (Stream<Path> files = Files.list(store)) {
                            List<Path> manifests = files.filter(f -> f.getFileName().toString().startsWith("MANIFEST-")).toList();
                            for (Path manifest : manifests) {
                                Files.delete(manifest);
                            }
                            if (!manifests.isEmpty()) {
                                damaged.add(store);
                            }
                        }
                    }
                }
                if (!damaged.isEmpty()) {
                    return damaged;
                }
            }
        }
        return damaged;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
