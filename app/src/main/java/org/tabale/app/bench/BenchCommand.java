package org.tabale.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tabale.broker.EmbeddedKafkaBroker;
import org.tabale.model.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tabale bench}: generates a global synthetic ACLED export ({@link GlobalAcled}), starts
 * one embedded broker, runs the measurements of issue #7 on it in turn, each beside its
 * baseline, and writes {@code latest.json} and {@code latest.md} ({@code smoke.*} with
 * {@code --smoke}) to the output directory. Service settings that change the figures
 * ({@code TABALE_STREAMS_THREADS}, {@code TABALE_PROCESSING_GUARANTEE},
 * {@code TABALE_COMMIT_INTERVAL_MS}, {@code TABALE_STREAMS_CACHE_MB}, {@code TABALE_STREAMS_COMPRESSION}) are read from the environment and recorded.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark (issue #7): replay throughput beside plain Kafka, alert latency, query latency, memory and disk, exactly-once overhead, on embedded brokers.")
public final class BenchCommand implements Callable<Integer> {

    static final List<String> SERVICE_KEYS = List.of("TABALE_STREAMS_THREADS", "TABALE_PROCESSING_GUARANTEE",
            "TABALE_COMMIT_INTERVAL_MS", "TABALE_STREAMS_CACHE_MB", "TABALE_STREAMS_COMPRESSION");
    static final long SMOKE_EVENTS = 5_000;

    @Option(names = "--events", paramLabel = "N", description = "Input rows to generate (default 1,000,000; 5,000 with --smoke)")
    Long events;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20260701", description = "Seed of the generator (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--smoke", description = "A tiny run that checks the benchmark works (CI); writes smoke.json and smoke.md")
    boolean smoke;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "5000", description = "Rows per ingest submission, as tabale replay sends (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench/results", description = "Where results go (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--only", paramLabel = "ID[,ID]", split = ",",
            description = "Run only these measurements: replay-throughput, alert-latency, query-latency, memory-disk, exactly-once-overhead (default: all)")
    List<String> only;

    @Option(names = "--small-events", paramLabel = "N", defaultValue = "200000",
            description = "Input rows of the replays of measurements 3 to 5, at most --events (default ${DEFAULT-VALUE})")
    long smallEvents;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Broker logs and streams state (default: a temporary directory, deleted at the end)")
    Path workDir;

    @Spec
    CommandSpec spec;

    /** The measurements, in run order: issue #7's five, numbered as there. */
    static List<Measurement> measurements() {
        return List.of(new ReplayThroughput(), new AlertLatency(), new QueryLatency(), new MemoryDisk(), new ExactlyOnceOverhead());
    }

    /** The measurements {@code --only} selects, in run order. */
    List<Measurement> selected() {
        List<Measurement> all = measurements();
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<String> ids = all.stream().map(Measurement::id).toList();
        only.stream().filter(id -> !ids.contains(id)).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("--only: unknown measurement '" + id + "'; known: " + String.join(", ", ids));
        });
        return all.stream().filter(m -> only.contains(m.id())).toList();
    }

    @Override
    public Integer call() throws Exception {
        PrintStream progress = System.out;
        long rows = events != null ? events : smoke ? SMOKE_EVENTS : 1_000_000;
        if (rows < 1 || batch < 1) {
            throw new IllegalArgumentException("--events and --batch must be at least 1");
        }
        List<Measurement> selected = selected();
        Instant started = Instant.now();
        double loadAtStart = Machine.loadAverage();
        long startNanos = System.nanoTime();
        Map<String, String> serviceEnv = new LinkedHashMap<>();
        SERVICE_KEYS.forEach(key -> {
            if (System.getenv(key) != null) {
                serviceEnv.put(key, System.getenv(key));
            }
        });
        progress.printf("Generating %,d input rows (seed %d) ...%n", rows, seed);
        ReplayInput input = ReplayInput.generate(seed, rows, batch, Gazetteer.bundled());
        progress.printf("  %,d rows, %,d distinct events, %,d live, in %d submissions (%.1f s)%n", input.counts().rows(),
                input.counts().distinctEvents(), input.counts().liveEvents(), input.batches().size(),
                (System.nanoTime() - startNanos) / 1e9);
        long smallRows = Math.min(rows, Math.max(1, smallEvents));
        ReplayInput small = smallRows == rows ? input
                : selected.stream().anyMatch(m -> !(m instanceof ReplayThroughput))
                ? ReplayInput.generate(seed, smallRows, batch, Gazetteer.bundled()) : input;
        boolean temporary = workDir == null;
        Path work = temporary ? Files.createTempDirectory("tabale-bench") : Files.createDirectories(workDir);
        List<MeasurementResult> results = new java.util.ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0)) {
            for (Measurement measurement : selected) {
                BenchContext context = new BenchContext(broker.bootstrapServers(), work.resolve(measurement.id()), input,
                        serviceEnv, progress, small, smoke);
                results.add(measurement.run(context));
            }
        } finally {
            if (temporary) {
                delete(work);
            }
        }
        BenchReport report = new BenchReport(commandLine(), started.truncatedTo(ChronoUnit.SECONDS).toString(),
                Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0, Machine.current(),
                List.of(loadAtStart, Machine.loadAverage()),
                settings(rows, serviceEnv), input.counts(), results);
        List<Path> written = report.write(out, smoke ? "smoke" : "latest");
        progress.println();
        progress.print(report.markdown());
        progress.println();
        progress.println("Written: " + written.get(0) + " and " + written.get(1));
        return 0;
    }

    private Map<String, Object> settings(long rows, Map<String, String> serviceEnv) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("events", rows);
        settings.put("seed", seed);
        settings.put("smoke", smoke);
        settings.put("batch", batch);
        settings.put("smallEvents", Math.min(rows, smallEvents));
        settings.put("measurements", selected().stream().map(Measurement::id).toList());
        settings.put("TABALE_STREAMS_THREADS", serviceEnv.getOrDefault("TABALE_STREAMS_THREADS", "1"));
        settings.put("TABALE_PROCESSING_GUARANTEE", serviceEnv.getOrDefault("TABALE_PROCESSING_GUARANTEE", "exactly_once_v2"));
        settings.put("TABALE_COMMIT_INTERVAL_MS", serviceEnv.getOrDefault("TABALE_COMMIT_INTERVAL_MS", "1000"));
        settings.put("TABALE_STREAMS_CACHE_MB", serviceEnv.getOrDefault("TABALE_STREAMS_CACHE_MB", "10"));
        settings.put("TABALE_STREAMS_COMPRESSION", serviceEnv.getOrDefault("TABALE_STREAMS_COMPRESSION", "none"));
        return settings;
    }

    /** How this run was started: the JVM's own command line where the OS tells it, else the picocli arguments. */
    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return ProcessHandle.current().info().arguments()
                .map(jvm -> "java " + String.join(" ", jvm))
                .filter(line -> line.contains(" bench"))
                .orElse("tabale " + String.join(" ", args.isEmpty() || !args.get(0).equals("bench")
                        ? Stream.concat(Stream.of("bench"), args.stream()).toList() : args));
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("tabale bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
