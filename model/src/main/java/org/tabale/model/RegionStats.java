package org.tabale.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Value of {@code tabale.region-stats.v1} (key {@code regionId@date}): the figures of every
 * served window ending at {@code date} for one region, emitted whenever they change, so the
 * alert service never rescans history. {@code windows} maps a window length in days to its totals.
 */
public record RegionStats(String regionId, String country, String admin1, LocalDate date,
                          Map<Integer, Totals> windows) {

    public RegionStats {
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(date, "date");
        windows = Map.copyOf(windows);
    }

    /** The record key: {@code MLI.Mopti@2019-03-23}. */
    public String key() {
        return RegionDay.key(regionId, date);
    }
}
