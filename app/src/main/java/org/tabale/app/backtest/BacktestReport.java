package org.tabale.app.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a back-test for an officer (text: per region and rule, the episodes and when) or a spreadsheet (CSV, one row per episode). */
public final class BacktestReport {

    private BacktestReport() {
    }

    /** Per region, per rule: how many episodes and each one's dates, peak and severity; then the regions without any, and a total. */
    public static String text(Backtest.Result result, List<String> ruleNames) {
        StringBuilder out = new StringBuilder();
        if (result.first() == null) {
            return "no events: nothing to replay\n";
        }
        Map<String, Map<String, List<Episode>>> byRegion = new TreeMap<>();
        for (Episode episode : result.episodes()) {
            byRegion.computeIfAbsent(episode.regionId(), r -> new LinkedHashMap<>())
                    .computeIfAbsent(episode.rule(), r -> new ArrayList<>()).add(episode);
        }
        int width = ruleNames.stream().mapToInt(String::length).max().orElse(10);
        for (Map.Entry<String, Map<String, List<Episode>>> region : byRegion.entrySet()) {
            Episode any = region.getValue().values().iterator().next().get(0);
            out.append(region.getKey()).append(" (").append(any.country()).append(" / ").append(any.admin1()).append(")\n");
            for (String rule : ruleNames) {
                List<Episode> episodes = region.getValue().get(rule);
                if (episodes == null) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "  %-" + width + "s  %d episode%s%n", rule, episodes.size(),
                        episodes.size() == 1 ? "" : "s"));
                for (Episode e : episodes) {
                    out.append(String.format(Locale.ROOT, "  %-" + width + "s    %s .. %s  %3d day%s held, peak %d on %s, %s%n", "",
                            e.start(), e.end(), e.days(), e.days() == 1 ? " " : "s", e.peak(), e.peakDate(), e.severity().label()));
                }
            }
        }
        List<String> quiet = result.regions().stream().filter(r -> !byRegion.containsKey(r)).toList();
        out.append("no alert: ").append(quiet.isEmpty() ? "none" : String.join(", ", quiet)).append('\n');
        Map<String, Long> perRule = result.episodes().stream()
                .collect(Collectors.groupingBy(Episode::rule, LinkedHashMap::new, Collectors.counting()));
        out.append(String.format(Locale.ROOT, "total: %d episodes in %d of %d regions, %s .. %s (%s)%n", result.episodes().size(),
                byRegion.size(), result.regions().size(), result.first(), result.last(),
                ruleNames.stream().map(r -> r + " " + perRule.getOrDefault(r, 0L)).collect(Collectors.joining(", "))));
        return out.toString();
    }

    /** One row per episode. */
    public static String csv(Backtest.Result result) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("region", "country", "admin1", "rule", "start", "end", "days", "peak", "peakDate", "severity");
            for (Episode e : result.episodes()) {
                printer.printRecord(e.regionId(), e.country(), e.admin1(), e.rule(), e.start(), e.end(), e.days(), e.peak(),
                        e.peakDate(), e.severity().label());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
