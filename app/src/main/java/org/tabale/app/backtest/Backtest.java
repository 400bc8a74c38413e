package org.tabale.app.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.tabale.alerts.rules.Evaluation;
import org.tabale.alerts.rules.RecordHighDetector;
import org.tabale.alerts.rules.Rule;
import org.tabale.alerts.rules.RuleSet;
import org.tabale.alerts.rules.Severity;
import org.tabale.alerts.rules.ThresholdDetector;
import org.tabale.model.Baseline;
import org.tabale.model.ConflictEvent;
import org.tabale.model.Highs;
import org.tabale.model.RegionStats;
import org.tabale.model.Totals;
import org.tabale.streams.topology.StatsSettings;
import org.tabale.streams.window.RegionHistory;

/**
 * Replays history through a rule set: daily totals per region from the live events, then for every
 * region and every date from the first event to 30 days after the last one, the stats record the
 * streams service would emit (the same {@link RegionHistory}), evaluated by every rule. Consecutive
 * dates on which a rule holds in a region form one {@link Episode}; a new episode starts once the
 * rule has stopped holding for at least its window in days (the alert tracker's episode rule).
 *
 * <p>Rules that compare with history (ratio, negative binomial, record high) are evaluated only
 * after a warm-up: before the first event of the data every day counts as zero, so their first
 * year would compare with an empty past. Absolute thresholds count from the first day.
 */
public final class Backtest {

    /** Days after the last event still evaluated: the 30-day windows that still hold it. */
    static final int TAIL_DAYS = 30;

    private final RuleSet rules;
    private final int warmupDays;

    /** @param warmupDays days after the first event before rules that compare with history count (negative: per detector) */
    public Backtest(RuleSet rules, int warmupDays) {
        this.rules = rules;
        this.warmupDays = warmupDays;
    }

    /** What the replay found. */
    public record Result(LocalDate first, LocalDate last, List<String> regions, List<Episode> episodes) {
    }

    public Result run(List<ConflictEvent> events) {
        if (events.isEmpty()) {
            return new Result(null, null, List.of(), List.of());
        }
        Map<String, TreeMap<LocalDate, Totals>> days = new TreeMap<>();
        Map<String, ConflictEvent> names = new HashMap<>();
        LocalDate first = LocalDate.MAX;
        LocalDate last = LocalDate.MIN;
        for (ConflictEvent event : events) {
            days.computeIfAbsent(event.regionId(), r -> new TreeMap<>()).merge(event.eventDate(), Totals.of(event), Totals::plus);
            names.putIfAbsent(event.regionId(), event);
            first = event.eventDate().isBefore(first) ? event.eventDate() : first;
            last = event.eventDate().isAfter(last) ? event.eventDate() : last;
        }
        List<Episode> episodes = new ArrayList<>();
        for (Map.Entry<String, TreeMap<LocalDate, Totals>> region : days.entrySet()) {
            episodes.addAll(replay(region.getKey(), names.get(region.getKey()), region.getValue(), first, last.plusDays(TAIL_DAYS)));
        }
        episodes.sort(Comparator.comparing(Episode::regionId).thenComparing(Episode::start).thenComparing(Episode::rule));
        return new Result(first, last, List.copyOf(days.keySet()), episodes);
    }

    private List<Episode> replay(String regionId, ConflictEvent names, NavigableMap<LocalDate, Totals> days, LocalDate first,
                                 LocalDate end) {
        RegionHistory history = RegionHistory.of(days, first, end);
        Map<String, Open> open = new HashMap<>();
        List<Episode> episodes = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(end); date = date.plusDays(1)) {
            RegionStats stats = stats(regionId, names, history, date);
            for (Rule rule : rules.all()) {
                if (date.isBefore(first.plusDays(warmup(rule)))) {
                    continue;
                }
                Evaluation evaluation = rule.evaluate(stats).orElse(null);
                if (evaluation == null || !evaluation.holds()) {
                    continue;
                }
                Open current = open.get(rule.name());
                if (current != null && date.minusDays(1).toEpochDay() - current.end.toEpochDay() >= rule.window()) {
                    episodes.add(current.close(regionId, names, rule.name()));
                    current = null;
                }
                if (current == null) {
                    current = new Open(date);
                    open.put(rule.name(), current);
                }
                current.hold(date, evaluation);
            }
        }
        open.forEach((rule, episode) -> episodes.add(episode.close(regionId, names, rule)));
        return episodes;
    }

    private int warmup(Rule rule) {
        if (rule.detector() instanceof ThresholdDetector) {
            return 0;
        }
        if (warmupDays >= 0) {
            return warmupDays;
        }
        return rule.detector() instanceof RecordHighDetector high && high.over() == RecordHighDetector.Over.THREE_YEARS
                ? Highs.THREE_YEARS : Highs.YEAR;
    }

    private static RegionStats stats(String regionId, ConflictEvent names, RegionHistory history, LocalDate date) {
        Map<Integer, Totals> windows = new HashMap<>();
        Map<Integer, Baseline> baselines = new HashMap<>();
        for (int window : StatsSettings.SERVED_WINDOWS) {
            windows.put(window, history.window(date, window));
            baselines.put(window, history.baseline(date, window));
        }
        return new RegionStats(regionId, names.country(), names.admin1(), date, windows, baselines, history.highs(date));
    }

    /** An episode still being followed. */
    private static final class Open {
        final LocalDate start;
        LocalDate end;
        int days;
        long peak = -1;
        LocalDate peakDate;
        Severity severity;

        Open(LocalDate start) {
            this.start = start;
        }

        void hold(LocalDate date, Evaluation evaluation) {
            end = date;
            days++;
            if (evaluation.value() > peak) {
                peak = evaluation.value();
                peakDate = date;
            }
            if (severity == null || evaluation.severity().compareTo(severity) > 0) {
                severity = evaluation.severity();
            }
        }

        Episode close(String regionId, ConflictEvent names, String rule) {
            return new Episode(regionId, names.country(), names.admin1(), rule, start, end, days, peak, peakDate, severity);
        }
    }
}
