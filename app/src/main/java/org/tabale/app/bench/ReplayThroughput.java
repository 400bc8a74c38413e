package org.tabale.app.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * Measurement 1 of issue #7: replay throughput. The same input rows, first moved by plain Kafka
 * ({@link PlainKafkaReplay}), then replayed through ingest, streams and the alert service
 * ({@link PipelineReplay#runWithAlerts}),
 * on the same broker in the same run. Events/s count input rows (every row of the export:
 * first versions, monadic repeats, revisions, deletions); live distinct events/s are given too.
 * Goal: the pipeline reaches at least {@value #GOAL} of the baseline.
 */
public final class ReplayThroughput implements Measurement {

    static final double GOAL = 0.25;
    /** ACLED's whole history, the order of magnitude issue #7 names, and the time it should replay in. */
    static final long ACLED_HISTORY_ROWS = 2_500_000;
    static final double HISTORY_GOAL_SECONDS = 180;

    @Override
    public String id() {
        return "replay-throughput";
    }

    @Override
    public MeasurementResult run(BenchContext context) throws Exception {
        ReplayInput.Counts counts = context.input().counts();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", context.bootstrapServers()))) {
            context.progress().printf("replay throughput: baseline, plain Kafka produce and consume of %,d records ...%n", counts.rows());
            PlainKafkaReplay.Run plain = PlainKafkaReplay.run(context, admin);
            double plainRate = plain.records() / plain.seconds();
            context.progress().printf("  baseline: %,.0f events/s (%.1f s)%n", plainRate, plain.seconds());
            System.gc(); // the baseline's serialised records are garbage now: do not let the pipeline pay for them
            context.progress().printf("replay throughput: pipeline, ingest -> streams of %,d rows ...%n", counts.rows());
            PipelineReplay.Run pipeline = PipelineReplay.runWithAlerts(context, admin);
            double pipelineRate = counts.rows() / pipeline.seconds();
            context.progress().printf("  pipeline: %,.0f events/s (%.1f s), store %s%n", pipelineRate, pipeline.seconds(),
                    pipeline.verified() ? "agrees with the recomputation" : "DISAGREES with the recomputation");
            double ratio = pipelineRate / plainRate;
            double historySeconds = ACLED_HISTORY_ROWS / pipelineRate;
            boolean met = pipeline.verified() && ratio >= GOAL && historySeconds < HISTORY_GOAL_SECONDS;
            return new MeasurementResult(id(), "Replay throughput (measurement 1)",
                    figures(counts, plain, plainRate, pipeline, pipelineRate, ratio),
                    List.of("run", "input rows", "seconds", "events/s (input rows)", "live events/s", "share of baseline",
                            "CPU s (process)", "events per CPU s"),
                    List.of(row("baseline: plain Kafka produce + consume", counts.rows(), plain.seconds(), counts, 1.0,
                                    plain.cpuSeconds()),
                            row("pipeline: ingest -> streams -> alerts evaluated (all committed)", counts.rows(), pipeline.seconds(), counts, ratio,
                                    pipeline.cpuSeconds()),
                            row("  of which ingest -> streams (every event applied and committed)", counts.rows(),
                                    pipeline.streamsSeconds(), counts, plain.seconds() / pipeline.streamsSeconds(), Double.NaN),
                            row("  of which ingest path answering", counts.rows(), pipeline.ingestSeconds(), counts,
                                    plain.seconds() / pipeline.ingestSeconds(), Double.NaN)),
                    String.format(Locale.ROOT, "pipeline >= %.0f%% of baseline, and ACLED's whole history (%,d rows) "
                            + "replayed in under %.0f minutes", GOAL * 100, ACLED_HISTORY_ROWS, HISTORY_GOAL_SECONDS / 60), met,
                    notes(counts, pipeline, ratio, historySeconds));
        }
    }

    private static Map<String, Object> figures(ReplayInput.Counts counts, PlainKafkaReplay.Run plain, double plainRate,
                                               PipelineReplay.Run pipeline, double pipelineRate, double ratio) {
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("records", plain.records());
        baseline.put("bytes", plain.bytes());
        baseline.put("seconds", round(plain.seconds()));
        baseline.put("produceSeconds", round(plain.produceSeconds()));
        baseline.put("eventsPerSecond", Math.round(plainRate));
        baseline.put("megabytesPerSecond", round(plain.bytes() / 1e6 / plain.seconds()));
        baseline.put("cpuSeconds", round(plain.cpuSeconds()));
        baseline.put("eventsPerCpuSecond", Math.round(plain.records() / plain.cpuSeconds()));
        Map<String, Object> replay = new LinkedHashMap<>();
        replay.put("inputRows", counts.rows());
        replay.put("seconds", round(pipeline.seconds()));
        replay.put("ingestSeconds", round(pipeline.ingestSeconds()));
        replay.put("streamsSeconds", round(pipeline.streamsSeconds()));
        replay.put("regionStatsOffsets", pipeline.statsOffsets());
        replay.put("cpuSecondsByThread", pipeline.cpuByThread());
        replay.put("eventsPerSecond", Math.round(pipelineRate));
        replay.put("liveEventsPerSecond", Math.round(counts.liveEvents() / pipeline.seconds()));
        replay.put("ingestEventsPerSecond", Math.round(counts.rows() / pipeline.ingestSeconds()));
        replay.put("cpuSeconds", round(pipeline.cpuSeconds()));
        replay.put("eventsPerCpuSecond", Math.round(counts.rows() / pipeline.cpuSeconds()));
        replay.put("answered", Map.of("accepted", pipeline.answered().accepted(), "duplicates", pipeline.answered().duplicates(),
                "stale", pipeline.answered().stale(), "rejected", pipeline.answered().rejected()));
        replay.put("storeEvents", pipeline.storeEvents());
        replay.put("storeFatalities", pipeline.storeFatalities());
        replay.put("verified", pipeline.verified());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("unit", "input rows per second (first versions, monadic repeats, revisions, deletions)");
        figures.put("baseline", baseline);
        figures.put("pipeline", replay);
        figures.put("ratio", round(ratio));
        figures.put("cpuRatio", round(plain.cpuSeconds() / plain.records() / (pipeline.cpuSeconds() / counts.rows())));
        figures.put("goal", GOAL);
        figures.put("acledHistoryRows", ACLED_HISTORY_ROWS);
        figures.put("acledHistorySeconds", round(ACLED_HISTORY_ROWS / pipelineRate));
        return figures;
    }

    private static List<String> row(String run, long rows, double seconds, ReplayInput.Counts counts, double share,
                                    double cpuSeconds) {
        return List.of(run, String.format(Locale.ROOT, "%,d", rows), String.format(Locale.ROOT, "%.1f", seconds),
                String.format(Locale.ROOT, "%,.0f", rows / seconds),
                String.format(Locale.ROOT, "%,.0f", counts.liveEvents() / seconds),
                String.format(Locale.ROOT, "%.0f%%", share * 100),
                Double.isNaN(cpuSeconds) ? "" : String.format(Locale.ROOT, "%.1f", cpuSeconds),
                Double.isNaN(cpuSeconds) ? "" : String.format(Locale.ROOT, "%,.0f", rows / cpuSeconds));
    }

    private static List<String> notes(ReplayInput.Counts counts, PipelineReplay.Run pipeline, double ratio, double historySeconds) {
        List<String> notes = new java.util.ArrayList<>();
        notes.add("Events/s count input rows; live events/s count the distinct events that stand at the end.");
        notes.add("CPU s is the CPU time of the whole bench process (clients, services and the embedded broker): "
                + "events per CPU s hardly move when other processes share the machine, events/s do.");
        notes.add("Pipeline: ingest in-process (EventIngestor and the deletions path, as the HTTP handlers call them, "
                + "without HTTP) in submissions of the --batch size, the real streams topology, and the alert service "
                + "(default rules; no channel configured, and historic alerts are not pushed anyway); timed until the "
                + "streams application's lag is 0 on its source and repartition topics and the alert service has "
                + "evaluated and committed every region-stats record (the first time its lag was 0 at the topic's final "
                + "end: one that has not moved for 7 s, longer than the 5 s quiet Streams waits before emitting the dates "
                + "after a region's latest day).");
        notes.add(String.format(Locale.ROOT, "Ingest -> streams is the time until every event was applied to the "
                + "daily totals and committed (streams' lag 0, store verified), the measure issue #4 names; the region "
                + "stats were still being emitted then: %,d offsets of the region-stats topic at the end (records and "
                + "transaction markers), %.1f per input row, each read and evaluated by the alert service.",
                pipeline.statsOffsets(), pipeline.statsOffsets() / (double) counts.rows()));
        if (!pipeline.cpuByThread().isEmpty()) {
            StringBuilder kinds = new StringBuilder();
            pipeline.cpuByThread().forEach((kind, seconds) -> kinds.append(kinds.length() == 0 ? "" : "; ")
                    .append(kind).append(' ').append(String.format(Locale.ROOT, "%.1f", seconds)));
            notes.add("CPU seconds of the pipeline run by kind of thread (Linux /proc; the broker and the JIT compiler "
                    + "run in the bench process too): " + kinds + ".");
        }
        if (!pipeline.verified()) {
            notes.add("The daily-totals store did NOT agree with the recomputation: the figures are not valid.");
        }
        notes.add(String.format(Locale.ROOT, "ACLED's whole history, about %,d rows, at this rate: %.0f s (%.1f minutes; "
                + "goal under %.0f).", ACLED_HISTORY_ROWS, historySeconds, historySeconds / 60, HISTORY_GOAL_SECONDS / 60));
        if (ratio < GOAL) {
            notes.add(String.format(Locale.ROOT, "Goal missed: the pipeline reached %.0f%% of the baseline.", ratio * 100));
        }
        return notes;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
