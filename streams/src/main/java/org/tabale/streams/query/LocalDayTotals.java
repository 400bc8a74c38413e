package org.tabale.streams.query;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
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
    private final Runnable unusable;

    public LocalDayTotals(Supplier<ReadOnlyKeyValueStore<String, DayTotals>> days,
                          Supplier<ReadOnlyKeyValueStore<String, SeenRegion>> regions) {
        this(days, regions, () -> { });
    }

    /** {@code unusable} is told when a read of the days store fails on a handle the supplier kept. */
    public LocalDayTotals(Supplier<ReadOnlyKeyValueStore<String, DayTotals>> days,
                          Supplier<ReadOnlyKeyValueStore<String, SeenRegion>> regions, Runnable unusable) {
        this.days = days;
        this.regions = regions;
        this.unusable = unusable;
    }

    private KeyValueIterator<String, DayTotals> read(java.util.function.Function<ReadOnlyKeyValueStore<String, DayTotals>,
            KeyValueIterator<String, DayTotals>> read) {
        try {
            return read.apply(days.get());
        } catch (InvalidStateStoreException e) {
            unusable.run();
            throw e;
        }
    }

    @Override
    public NavigableMap<LocalDate, Totals> days(String regionId, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Totals> result = new TreeMap<>();
        try (KeyValueIterator<String, DayTotals> it = read(store -> store.range(RegionDay.key(regionId, from), RegionDay.key(regionId, to)))) {
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
        try (KeyValueIterator<String, DayTotals> it = read(store -> store.reverseRange(regionId + "@", regionId + "@~"))) {
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
