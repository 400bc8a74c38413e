package org.tabale.streams.query;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.tabale.model.RegionDay;
import org.tabale.model.Totals;
import org.tabale.streams.topology.DayTotals;
import org.tabale.streams.topology.SeenRegion;

/** The part of the daily totals this instance holds: a range read of its {@code region-day-totals} store. */
public final class LocalDayTotals implements DayTotalsSource {

    private final Supplier<ReadOnlyKeyValueStore<String, DayTotals>> days;
    private final Supplier<ReadOnlyKeyValueStore<String, SeenRegion>> regions;

    public LocalDayTotals(Supplier<ReadOnlyKeyValueStore<String, DayTotals>> days,
                          Supplier<ReadOnlyKeyValueStore<String, SeenRegion>> regions) {
        this.days = days;
        this.regions = regions;
    }

    @Override
    public NavigableMap<LocalDate, Totals> days(String regionId, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Totals> result = new TreeMap<>();
        try (KeyValueIterator<String, DayTotals> it = days.get().range(RegionDay.key(regionId, from), RegionDay.key(regionId, to))) {
            while (it.hasNext()) {
                KeyValue<String, DayTotals> entry = it.next();
                if (!entry.value.totals().isZero()) {
                    result.put(RegionDay.dayOf(entry.key), entry.value.totals());
                }
            }
        }
        return result;
    }

    @Override
    public java.util.Optional<LocalDate> latestDay(String regionId) {
        try (KeyValueIterator<String, DayTotals> it = days.get().reverseRange(regionId + "@", regionId + "@~")) {
            while (it.hasNext()) {
                KeyValue<String, DayTotals> entry = it.next();
                if (!entry.value.totals().isZero()) {
                    return java.util.Optional.of(RegionDay.dayOf(entry.key));
                }
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public Map<String, SeenRegion> regions() {
        Map<String, SeenRegion> result = new TreeMap<>();
        if (regions == null) {
            return result;
        }
        try (KeyValueIterator<String, SeenRegion> it = regions.get().all()) {
            it.forEachRemaining(entry -> result.put(entry.key, entry.value));
        }
        return result;
    }
}
