package org.tabale.app.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.tabale.app.Service;
import org.tabale.app.TabaleConfig;
import org.tabale.app.TabaleNode;
import org.tabale.app.http.Tokens;
import org.tabale.ingest.publish.EventIngestor;
import org.tabale.ingest.publish.IngestResult;
import org.tabale.model.Topics;
import org.tabale.model.Totals;
import org.tabale.streams.query.LocalDayTotals;

/**
 * The pipeline side of the replay measurement: a Tabalé node with the ingest and streams roles,
 * started as {@code tabale all} starts one ({@link TabaleNode}, the real topology, exactly-once
 * unless {@code TABALE_PROCESSING_GUARANTEE} says otherwise), against the run's broker. Each
 * submission goes through the ingest path in-process, as the HTTP handlers call it (no HTTP):
 * {@link EventIngestor} for the event rows, the deletions path for the deletion rows. The time
 * runs from the first submission until the streams application's lag is zero on its source and
 * repartition topics; then the daily-totals store is checked against the input's recomputation
 * (live events and fatalities), so that a fast wrong answer cannot pass. A measurement may run a
 * load beside the replay ({@link DuringReplay}) and use the node once it is done ({@link AfterReplay}).
 */
final class PipelineReplay {

    static final String APPLICATION_ID = "tabale-bench-streams";
    static final String ALERTS_GROUP_ID = "tabale-bench-alerts";
    /** Longer than Streams' wait for quiet before it emits the dates after a region's latest day (5 s), plus a commit. */
    private static final Duration STATS_QUIET = Duration.ofSeconds(7);
    private static final Duration DEADLINE = Duration.ofMinutes(30);
    private static final long POLL_MILLIS = 100;

    /**
     * @param seconds        first submission until streams (and, where measured, the alert service) has committed everything
     * @param ingestSeconds  first submission until the ingest path has answered the last one
     * @param streamsSeconds first submission until streams has applied and committed every event (its lag is zero)
     * @param answered       the ingest path's answers, summed
     * @param storeEvents    live events counted by the daily-totals store at the end
     * @param storeFatalities fatalities summed by the daily-totals store at the end
     * @param verified       whether the store agrees with the input's recomputation
     * @param cpuSeconds     CPU time of this process (ingest, streams, broker) over {@code seconds}
     * @param statsOffsets   offsets written to the region-stats topic (records and transaction markers), or -1 where
     *                       the alert service was not measured
     * @param cpuByThread    CPU seconds over {@code seconds} by kind of thread ({@link ThreadCpu}), most first
     */
    record Run(double seconds, double ingestSeconds, double streamsSeconds, IngestResult answered, long storeEvents,
               long storeFatalities, boolean verified, double cpuSeconds, long statsOffsets, Map<String, Double> cpuByThread) {
    }

    private PipelineReplay() {
    }

    /** What a measurement does with the node once the replay is timed and verified, before it is closed. */
    interface AfterReplay {
        void accept(TabaleNode node, Run run) throws Exception;
    }

    /** What a measurement runs beside the replay: started before the first submission, closed once streams has caught up. */
    interface DuringReplay {
        AutoCloseable start(TabaleNode node) throws Exception;
    }

    /**
     * Measurement 1's replay: the node also runs the alert service (default rules, no channel), and
     * the time runs until it has evaluated and committed every region-stats record the replay made.
     */
    static Run runWithAlerts(BenchContext context, Admin admin) throws Exception {
        return run(context, admin, Map.of("TABALE_ALERTS_GROUP_ID", ALERTS_GROUP_ID), Tokens.generate(), node -> () -> { },
                null, true);
    }

    static Run run(BenchContext context, Admin admin, Map<String, String> overrides, Tokens tokens, AfterReplay after)
            throws Exception {
        return run(context, admin, overrides, tokens, node -> () -> { }, after);
    }

    static Run run(BenchContext context, Admin admin, Map<String, String> overrides, Tokens tokens, DuringReplay during,
                   AfterReplay after) throws Exception {
        return run(context, admin, overrides, tokens, during, after, false);
    }

    /** The node's environment: the run's service settings, then {@code overrides}. */
    static Map<String, String> nodeEnv(BenchContext context, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(context.serviceEnv());
        env.put("KAFKA_BOOTSTRAP_SERVERS", context.bootstrapServers());
        env.put("TABALE_DATA_DIR", context.workDir().resolve("node").toString());
        env.put("TABALE_HTTP_PORT", "0");
        env.put("TABALE_STREAMS_APP_ID", APPLICATION_ID);
        env.putAll(overrides);
        return env;
    }

    /**
     * Replays the input through a node whose environment is the run's settings plus {@code overrides};
     * {@code during} runs beside the replay; {@code after} (may be null) gets the node, still open, once
     * the replay is timed.
     */
    private static Run run(BenchContext context, Admin admin, Map<String, String> overrides, Tokens tokens, DuringReplay during,
                           AfterReplay after, boolean alerts) throws Exception {
        Map<String, String> env = nodeEnv(context, overrides);
        String applicationId = env.get("TABALE_STREAMS_APP_ID");
        ReplayInput input = context.input();
        Set<Service> services = alerts ? Service.all() : EnumSet.of(Service.INGEST, Service.STREAMS);
        try (TabaleNode node = TabaleNode.start(TabaleConfig.fromEnv(env), services, tokens, Clock.systemUTC(), null)) {
            if (!node.streams().awaitRunning(Duration.ofMinutes(2))) {
                throw new IllegalStateException("streams did not reach RUNNING: " + node.streams().state());
            }
            long[] sums = new long[4];
            AutoCloseable beside = during.start(node);
            double cpu = Machine.processCpuSeconds();
            Map<String, ThreadCpu.Sample> threadsBefore = ThreadCpu.snapshot();
            long start = System.nanoTime();
            int done = 0;
            for (ReplayInput.Batch batch : input.batches()) {
                add(sums, node.ingestor().ingest(batch.events(), EventIngestor.Format.CSV, "bench:replay"));
                if (batch.deletions() != null) {
                    add(sums, node.deletions().ingest(batch.deletions(), EventIngestor.Format.CSV, "bench:replay"));
                }
                if (++done % Math.max(1, input.batches().size() / 10) == 0) {
                    context.progress().printf("  pipeline: %,d of %,d submissions ingested (%.0f s)%n", done,
                            input.batches().size(), (System.nanoTime() - start) / 1e9);
                }
            }
            long ingested = System.nanoTime();
            StreamsCaughtUp lag = new StreamsCaughtUp(admin, applicationId,
                    List.of(Topics.EVENTS.name(), Topics.DELETIONS.name()));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            long lastReport = ingested;
            Totals store = null;
            while (true) {
                long remaining = lag.lag();
                if (remaining == 0) {
                    store = storeTotals(node.streams().localDayTotals());
                    if (store.events() == input.counts().liveEvents() && store.fatalities() == input.counts().liveFatalities()) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    context.progress().printf("  pipeline: streams lag %,d records (%.0f s)%n", remaining, (lastReport - start) / 1e9);
                }
                Thread.sleep(POLL_MILLIS); // polling a condition with a deadline
            }
            long streamsDone = System.nanoTime();
            long end = streamsDone;
            AlertsCaughtUp alertsCaughtUp = alerts ? alertsCaughtUp(admin, deadline) : new AlertsCaughtUp(end, -1);
            boolean alertsDone = alertsCaughtUp.at() != Long.MAX_VALUE;
            if (alertsDone && alertsCaughtUp.at() > end) {
                end = alertsCaughtUp.at();
            }
            beside.close();
            double cpuSeconds = Machine.processCpuSeconds() - cpu;
            Map<String, Double> cpuByThread = ThreadCpu.byKind(threadsBefore, ThreadCpu.snapshot());
            boolean verified = alertsDone && store != null && store.events() == input.counts().liveEvents()
                    && store.fatalities() == input.counts().liveFatalities();
            Run run = new Run((end - start) / 1e9, (ingested - start) / 1e9, (streamsDone - start) / 1e9,
                    new IngestResult(sums[0], sums[1], sums[2], sums[3], List.of()),
                    store == null ? -1 : store.events(), store == null ? -1 : store.fatalities(), verified,
                    cpuSeconds, alertsCaughtUp.statsOffsets(), cpuByThread);
            if (after != null) {
                after.accept(node, run);
            }
            return run;
        }
    }

    /**
     * When the alert service had evaluated and committed every region-stats record of the replay:
     * the first time its lag was zero at the topic's final end, the end being final once it has
     * not moved for longer than Streams' quiet delay for the dates after a region's latest day.
     */
    private static AlertsCaughtUp alertsCaughtUp(Admin admin, long deadline) throws Exception {
        StreamsCaughtUp alerts = new StreamsCaughtUp(admin, ALERTS_GROUP_ID, List.of(Topics.REGION_STATS.name()));
        long lastEnd = -1;
        long endMoved = System.nanoTime();
        long caughtUp = -1;
        while (System.nanoTime() < deadline) {
            long[] progress = alerts.progress();
            long now = System.nanoTime();
            if (progress[1] != lastEnd) {
                lastEnd = progress[1];
                endMoved = now;
                caughtUp = -1;
            }
            if (progress[0] == 0 && caughtUp < 0) {
                caughtUp = now;
            }
            if (caughtUp >= 0 && now - endMoved > STATS_QUIET.toNanos()) {
                return new AlertsCaughtUp(caughtUp, lastEnd);
            }
            Thread.sleep(POLL_MILLIS); // polling a condition with a deadline
        }
        return new AlertsCaughtUp(Long.MAX_VALUE, lastEnd);
    }

    /**
     * @param at           when the alert service had caught up (nanoTime), {@code Long.MAX_VALUE} if the deadline passed first
     * @param statsOffsets the region-stats topic's end offsets, summed
     */
    private record AlertsCaughtUp(long at, long statsOffsets) {
    }

    private static void add(long[] sums, IngestResult result) {
        sums[0] += result.accepted();
        sums[1] += result.duplicates();
        sums[2] += result.stale();
        sums[3] += result.rejected();
    }

    /** Every live event and fatality the daily-totals store holds, summed over all regions and days. */
    static Totals storeTotals(LocalDayTotals days) {
        Totals sum = Totals.ZERO;
        for (String region : days.regions().keySet()) {
            for (Totals day : days.days(region, GlobalAcled.FIRST_DAY.minusDays(1), GlobalAcled.LAST_DAY.plusDays(1)).values()) {
                sum = sum.plus(day);
            }
        }
        return sum;
    }
}
