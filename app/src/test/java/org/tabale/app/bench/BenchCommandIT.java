package org.tabale.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.model.JsonSerde;

/**
 * {@code tabale bench --smoke} as CI runs it: the packaged jar in a child JVM (its own embedded
 * broker, apart from the one the other ITs share), through to the result files, which must be
 * complete and agree with each other. Not a timed test: only that the benchmark still works.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BenchCommandIT {

    private static final Path JAR = Path.of("target", "tabale.jar");

    @TempDir
    Path out;

    @Test
    void shouldWriteWellFormedResultsWhenRunInSmokeMode() throws Exception {
        assertThat(JAR).as("run 'mvn package' first: the IT drives the packaged jar").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", "bench-it.log");
        Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString(), "bench", "--smoke",
                "--out", out.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(process.waitFor(270, TimeUnit.SECONDS)).as("bench --smoke ends (output in %s)", log).isTrue();
        assertThat(process.exitValue()).as("exit status (output in %s)", log).isZero();

        JsonNode result = JsonSerde.MAPPER.readTree(out.resolve("smoke.json").toFile());
        assertThat(result.path("command").asText()).contains("bench --smoke --out " + out);
        assertThat(result.path("machine").path("cores").asInt()).isPositive();
        assertThat(result.path("machine").path("memoryBytes").asLong()).isPositive();
        assertThat(result.path("machine").path("jdk").asText()).contains("17");
        JsonNode input = result.path("input");
        assertThat(input.path("rows").asLong()).isEqualTo(BenchCommand.SMOKE_EVENTS);
        assertThat(input.path("duplicateRows").asLong()).isPositive();
        assertThat(input.path("revisionRows").asLong()).isPositive();
        assertThat(input.path("deletionRows").asLong()).isPositive();
        assertThat(input.path("regions").asInt()).isGreaterThanOrEqualTo(3_000);
        assertThat(input.path("countries").asInt()).isEqualTo(100);

        JsonNode replay = result.path("measurements").get(0);
        assertThat(replay.path("id").asText()).isEqualTo("replay-throughput");
        JsonNode figures = replay.path("figures");
        assertThat(figures.path("baseline").path("records").asLong()).isEqualTo(BenchCommand.SMOKE_EVENTS);
        assertThat(figures.path("baseline").path("eventsPerSecond").asLong()).isPositive();
        assertThat(figures.path("pipeline").path("eventsPerSecond").asLong()).isPositive();
        assertThat(figures.path("pipeline").path("verified").asBoolean()).as("store agrees with the recomputation").isTrue();
        assertThat(figures.path("pipeline").path("storeEvents").asLong()).isEqualTo(input.path("liveEvents").asLong());
        assertThat(figures.path("pipeline").path("answered").path("rejected").asLong()).isZero();
        assertThat(figures.path("ratio").asDouble()).isPositive();
        assertThat(figures.path("pipeline").path("streamsSeconds").asDouble()).as("events applied before the alerts caught up")
                .isPositive().isLessThanOrEqualTo(figures.path("pipeline").path("seconds").asDouble());
        assertThat(figures.path("pipeline").path("regionStatsOffsets").asLong()).isPositive();

        JsonNode eos = measurement(result, "exactly-once-overhead");
        for (String guarantee : new String[] {"at_least_once", "exactly_once_v2"}) {
            assertThat(eos.path("figures").path(guarantee).path("eventsPerSecond").asLong()).as(guarantee).isPositive();
            assertThat(eos.path("figures").path(guarantee).path("verified").asBoolean()).as(guarantee + " verified").isTrue();
        }
        assertThat(eos.path("met").asBoolean()).isTrue();

        JsonNode alerts = measurement(result, "alert-latency").path("figures");
        assertThat(alerts.path("missingAlerts").asInt()).as("every alert reached the webhook").isZero();
        assertThat(alerts.path("postToWebhook").path("count").asInt()).isEqualTo(alerts.path("alerts").asInt()).isPositive();
        assertThat(alerts.path("kafkaRoundTrip").path("count").asInt()).isEqualTo(alerts.path("alerts").asInt());
        assertThat(alerts.path("postToWebhook").path("p50Ms").asDouble())
                .isGreaterThan(alerts.path("kafkaRoundTrip").path("p50Ms").asDouble());
        assertThat(alerts.path("backgroundRowsDuringAlerts").asLong()).isPositive();

        JsonNode query = measurement(result, "query-latency").path("figures");
        assertThat(query.path("failedRequests").asLong()).isZero();
        for (String endpoint : new String[] {"health", "stats", "snapshot"}) {
            for (String when : new String[] {"idle", "duringReplay"}) {
                assertThat(query.path(when).path(endpoint).path("count").asInt()).as(when + " " + endpoint).isPositive();
                assertThat(query.path(when).path(endpoint).path("p99Ms").asDouble()).as(when + " " + endpoint).isPositive();
            }
        }

        JsonNode memory = measurement(result, "memory-disk");
        assertThat(memory.path("met").asBoolean()).as("state restored").isTrue();
        assertThat(memory.path("figures").path("afterReplay").path("heapBytes").asLong()).isPositive();
        assertThat(memory.path("figures").path("afterReplay").path("stateBytes").asLong()).isPositive();
        assertThat(memory.path("figures").path("afterReplay").path("brokerLogBytes").asLong()).isPositive();
        assertThat(memory.path("figures").path("restore").path("ratioToReplay").asDouble()).isPositive();

        String markdown = Files.readString(out.resolve("smoke.md"), StandardCharsets.UTF_8);
        assertThat(markdown).contains("`" + result.path("command").asText() + "`")
                .contains(String.valueOf(result.path("machine").path("cores").asInt()) + " cores")
                .contains("| baseline: plain Kafka produce + consume | 5,000 |")
                .contains("| pipeline: ingest -> streams -> alerts evaluated (all committed) | 5,000 |")
                .contains("|   of which ingest -> streams (every event applied and committed) | 5,000 |")
                .contains("Goal: pipeline >= 25% of baseline")
                .contains("## Exactly-once overhead (measurement 5)")
                .contains("| baseline: at_least_once | 5,000 |")
                .contains("## Alert latency (measurement 2)")
                .contains("## Query latency (measurement 3)")
                .contains("## Memory and disk (measurement 4)");
    }

    private static JsonNode measurement(JsonNode result, String id) {
        for (JsonNode measurement : result.path("measurements")) {
            if (measurement.path("id").asText().equals(id)) {
                return measurement;
            }
        }
        throw new AssertionError("no measurement " + id + " in the result");
    }
}
