package org.tabale.model;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
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
 */
@JsonSerialize(using = RegionStatsJson.class)
public record RegionStats(String regionId, String country, String admin1, LocalDate date,
                          Map<Integer, Totals> windows, Map<Integer, Baseline> baselines, Highs highs) {

    public RegionStats {
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(date, "date");
        windows = Map.copyOf(windows);
        baselines = baselines == null ? Map.of() : Map.copyOf(baselines);
    }

    /** Window figures alone (rules that need no baseline, tests). */
    public RegionStats(String regionId, String country, String admin1, LocalDate date, Map<Integer, Totals> windows) {
        this(regionId, country, admin1, date, windows, Map.of(), null);
    }

    /** The record key: {@code MLI.Mopti@2019-03-23}. */
    public String key() {
        return RegionDay.key(regionId, date);
    }
}
