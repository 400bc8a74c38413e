package org.tabale.streams.topology;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.tabale.model.RegionDay;
import org.tabale.model.RegionStats;
import org.tabale.model.Totals;
import org.tabale.streams.window.WindowSums;

/**
 * On a change of one (region, day) cell, emits the windows that contain that day: for each end
 * date from the day to the day plus the longest window minus one (not beyond today), one
 * {@link RegionStats} with every emitted window. Reads the daily totals from the
 * {@code region-day-totals} store, and records each region id in {@code regions-seen}; the work per change is bounded by the window length, not by
 * the length of history.
 */
final class RegionStatsEmitter implements Processor<String, DayTotals, String, RegionStats> {

    private final StatsSettings settings;
    private ProcessorContext<String, RegionStats> context;
    private TimestampedKeyValueStore<String, DayTotals> days;
    private KeyValueStore<String, SeenRegion> regions;

    RegionStatsEmitter(StatsSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, RegionStats> context) {
        this.context = context;
        this.days = context.getStateStore(RegionTotalsTopology.DAY_TOTALS_STORE);
        this.regions = context.getStateStore(RegionTotalsTopology.REGIONS_STORE);
    }

    @Override
    public void process(Record<String, DayTotals> changed) {
        if (changed.value() == null) {
            return;
        }
        String regionId = RegionDay.regionOf(changed.key());
        LocalDate day = RegionDay.dayOf(changed.key());
        if (regions.get(regionId) == null) {
            regions.put(regionId, new SeenRegion(changed.value().country(), changed.value().admin1()));
        }
        LocalDate today = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(context.currentSystemTimeMs()), ZoneOffset.UTC);
        int longest = settings.longestWindow();
        LocalDate lastEnd = day.plusDays(longest - 1L);
        if (lastEnd.isAfter(today)) {
            lastEnd = today;
        }
        if (day.isAfter(lastEnd)) {
            return;
        }
        TreeMap<LocalDate, Totals> totals = read(regionId, WindowSums.firstDayNeeded(day, longest), lastEnd);
        Map<LocalDate, Map<Integer, Totals>> byEnd = new HashMap<>();
        for (int window : settings.emittedWindows()) {
            List<WindowSums.Point> points = WindowSums.series(totals, day, lastEnd, window);
            for (WindowSums.Point point : points) {
                byEnd.computeIfAbsent(point.end(), end -> new HashMap<>()).put(window, point.totals());
            }
        }
        for (LocalDate end = day; !end.isAfter(lastEnd); end = end.plusDays(1)) {
            RegionStats stats = new RegionStats(regionId, changed.value().country(), changed.value().admin1(), end, byEnd.get(end));
            context.forward(changed.withKey(stats.key()).withValue(stats));
        }
    }

    private TreeMap<LocalDate, Totals> read(String regionId, LocalDate first, LocalDate last) {
        TreeMap<LocalDate, Totals> totals = new TreeMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<DayTotals>> it =
                     days.range(RegionDay.key(regionId, first), RegionDay.key(regionId, last))) {
            while (it.hasNext()) {
                KeyValue<String, ValueAndTimestamp<DayTotals>> entry = it.next();
                if (entry.value != null && entry.value.value() != null) {
                    totals.put(RegionDay.dayOf(entry.key), entry.value.value().totals());
                }
            }
        }
        return totals;
    }
}
