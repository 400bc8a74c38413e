package org.tabale.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tabale.model.JsonSerde;

/**
 * The result of one {@code tabale bench} run, written as {@code NAME.json} (every figure) and
 * {@code NAME.md} (the tables the README shows), each with the machine and the exact command.
 *
 * @param command      the command line that produced it
 * @param startedAt    when the run started (UTC, ISO-8601)
 * @param wallSeconds  the whole run, generation and broker start included
 * @param machine      where it ran
 * @param loadAverage  the machine's one-minute load average at the start and at the end of the run
 *                     (other processes included: above the core count, the machine was shared)
 * @param settings     the options and service settings of the run
 * @param input        what the generated input holds
 * @param measurements one result per measurement, in run order
 */
public record BenchReport(String command, String startedAt, double wallSeconds, Machine machine, List<Double> loadAverage,
                          Map<String, Object> settings, ReplayInput.Counts input, List<MeasurementResult> measurements) {

    /** Writes {@code dir/name.json} and {@code dir/name.md}; returns the two paths. */
    public List<Path> write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(name + ".json");
        Path markdown = dir.resolve(name + ".md");
        Files.writeString(json, JsonSerde.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
        return List.of(json, markdown);
    }

    /** The Markdown rendering: what, where, how, then one table per measurement. */
    public String markdown() {
        StringBuilder md = new StringBuilder("# Tabalé benchmark\n\n");
        md.append("- command: `").append(command).append("`\n");
        md.append("- started: ").append(startedAt).append(String.format(Locale.ROOT, ", whole run %.0f s%n", wallSeconds));
        md.append("- machine: ").append(machine.describe()).append('\n');
        md.append("- load average (whole machine, 1 min) at start and end: ").append(loadAverage).append('\n');
        md.append("- settings: ").append(settings).append('\n');
        md.append(String.format(Locale.ROOT, "- input: %,d rows (%,d event rows of which %,d monadic repeats and %,d revisions; "
                        + "%,d deletions), %,d distinct events, %,d live at the end, %,d regions in %d countries, %s to %s, seed %d%n",
                input.rows(), input.eventRows(), input.duplicateRows(), input.revisionRows(), input.deletionRows(),
                input.distinctEvents(), input.liveEvents(), input.regions(), input.countries(), input.firstDay(),
                input.lastDay(), input.seed()));
        for (MeasurementResult result : measurements) {
            md.append("\n## ").append(result.title()).append("\n\n");
            md.append("| ").append(String.join(" | ", result.header())).append(" |\n");
            md.append("|").append("---|".repeat(result.header().size())).append('\n');
            result.rows().forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
            md.append("\nGoal: ").append(result.goal()).append(result.met() ? " — **met**" : " — **missed**").append("\n\n");
            result.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }
}
