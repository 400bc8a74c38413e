package org.tabale.model;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Value of {@code tabale.region-stats.v1} (key {@code regionId@date}): the figures of every
 * served window ending at {@code date} for one region, with their baselines and the record highs
 * of the 30-day sum, emitted whenever a window's figures change, so the alert service never
 * rescans history.
 *
 * @param windows   window length in days (7, 30, 90, 365) to the window's totals
 * @param baselines window length in days to the window's {@link Baseline}
 * @param highs     the one- and three-year highs of the 30-day sum before this date; null only in
 *                  records built by hand without history
 * @param evidence  window length in days to the ids of up to ten live events of the window with the
 *                  most fatalities, most lethal first (ties by id); community reports are not listed
 */
@JsonSerialize(using = RegionStatsJson.class)
public record RegionStats(String regionId, String country, String admin1, LocalDate date,
                          Map<Integer, Totals> windows, Map<Integer, Baseline> baselines, Highs highs,
                          Map<Integer, List<String>> evidence) {

    public RegionStats {
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(date, "date");
        windows = Map.copyOf(windows);
        baselines = baselines == null ? Map.of() : Map.copyOf(baselines);
        if (evidence == null || evidence.isEmpty()) {
            evidence = Map.of();
        } else {
            Map<Integer, List<String>> copy = new HashMap<>(evidence.size() * 2);
            evidence.forEach((window, ids) -> copy.put(window, List.copyOf(ids)));
            evidence = Map.copyOf(copy);
        }
    }

    /** Figures without evidence (the back-test, tests). */
    public RegionStats(String regionId, String country, String admin1, LocalDate date,
                       Map<Integer, Totals> windows, Map<Integer, Baseline> baselines, Highs highs) {
        this(regionId, country, admin1, date, windows, baselines, highs, Map.of());
    }

    /** Window figures alone (rules that need no baseline, tests). */
    public RegionStats(String regionId, String country, String admin1, LocalDate date, Map<Integer, Totals> windows) {
        this(regionId, country, admin1, date, windows, Map.of(), null, Map.of());
    }

    /** The record key: {@code MLI.Mopti@2019-03-23}. */
    public String key() {
        return RegionDay.key(regionId, date);
    }
}
