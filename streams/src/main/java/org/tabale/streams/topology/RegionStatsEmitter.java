package org.tabale.streams.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.tabale.model.Baseline;
import org.tabale.model.RegionDay;
import org.tabale.model.RegionStats;
import org.tabale.model.Totals;
import org.tabale.streams.window.RegionHistory;

/**
 * Emits a {@link RegionStats} for every region and date whose window figures changed.
 *
 * <p>A change of the (region, day x) cell changes the window sums ending at x (it enters every
 * window) and at x+7, x+30, x+90 and x+365 (it leaves one): window sums change on no other date.
 * {@link #process} records those five ends in {@code stats-pending} (and the region's earliest one
 * in {@code stats-dirty}); a wall-clock punctuation, every {@link StatsSettings#emitInterval()},
 * emits the pending ends up to today, each once however many events changed it, computing windows,
 * baselines and highs from one range read of the region's days. Ends after today wait for their
 * day. The work per event is five store writes; an emission reads the days its records depend on
 * (at most {@link RegionHistory#LOOKBACK_DAYS} before the first): neither grows with history.
 *
 * <p>Baselines and highs are computed afresh for each emitted record; a change that moves only the
 * baseline of a date (an event in its baseline weeks, not in its windows) does not emit that date again.
 */
final class RegionStatsEmitter implements Processor<String, DayTotals, String, RegionStats> {

    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    private final StatsSettings settings;
    private ProcessorContext<String, RegionStats> context;
    private TimestampedKeyValueStore<String, DayTotals> days;
    private KeyValueStore<String, SeenRegion> regions;
    private KeyValueStore<String, String> pending;
    private KeyValueStore<String, String> dirty;

    RegionStatsEmitter(StatsSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, RegionStats> context) {
        this.context = context;
        this.days = context.getStateStore(RegionTotalsTopology.DAY_TOTALS_STORE);
        this.regions = context.getStateStore(RegionTotalsTopology.REGIONS_STORE);
        this.pending = context.getStateStore(RegionTotalsTopology.PENDING_STORE);
        this.dirty = context.getStateStore(RegionTotalsTopology.DIRTY_STORE);
        context.schedule(settings.emitInterval(), PunctuationType.WALL_CLOCK_TIME, this::emitPending);
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
        pending.put(RegionDay.key(regionId, day), "");
        for (int window : StatsSettings.SERVED_WINDOWS) {
            pending.put(RegionDay.key(regionId, day.plusDays(window)), "");
        }
        String earliest = dirty.get(regionId);
        if (earliest == null || day.isBefore(LocalDate.parse(earliest))) {
            dirty.put(regionId, day.toString());
        }
    }

    private void emitPending(long now) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        Map<String, LocalDate> ready = new HashMap<>();
        try (KeyValueIterator<String, String> it = dirty.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                LocalDate earliest = LocalDate.parse(entry.value);
                if (!earliest.isAfter(today)) {
                    ready.put(entry.key, earliest);
                }
            }
        }
        ready.forEach((regionId, earliest) -> emit(regionId, earliest, today, now));
    }

    private void emit(String regionId, LocalDate earliest, LocalDate today, long now) {
        List<LocalDate> ends = new ArrayList<>();
        try (KeyValueIterator<String, String> it = pending.range(RegionDay.key(regionId, earliest), RegionDay.key(regionId, today))) {
            while (it.hasNext()) {
                ends.add(RegionDay.dayOf(it.next().key));
            }
        }
        for (LocalDate end : ends) {
            pending.delete(RegionDay.key(regionId, end));
        }
        try (KeyValueIterator<String, String> it = pending.range(RegionDay.key(regionId, today.plusDays(1)), RegionDay.key(regionId, LAST))) {
            if (it.hasNext()) {
                dirty.put(regionId, RegionDay.dayOf(it.next().key).toString());
            } else {
                dirty.delete(regionId);
            }
        }
        SeenRegion names = regions.get(regionId);
        int from = 0;
        for (int i = 1; i <= ends.size(); i++) {
            // Ends further apart than the look-back share no day: read them apart.
            if (i == ends.size() || ChronoUnit.DAYS.between(ends.get(i - 1), ends.get(i)) > RegionHistory.LOOKBACK_DAYS) {
                emit(regionId, names, ends.subList(from, i), now);
                from = i;
            }
        }
    }

    private void emit(String regionId, SeenRegion names, List<LocalDate> ends, long now) {
        LocalDate first = ends.get(0);
        LocalDate last = ends.get(ends.size() - 1);
        RegionHistory history = RegionHistory.of(read(regionId, RegionHistory.firstDayNeeded(first), last), first, last);
        for (LocalDate end : ends) {
            Map<Integer, Totals> windows = new HashMap<>();
            Map<Integer, Baseline> baselines = new HashMap<>();
            for (int window : StatsSettings.SERVED_WINDOWS) {
                windows.put(window, history.window(end, window));
                baselines.put(window, history.baseline(end, window));
            }
            RegionStats stats = new RegionStats(regionId, names.country(), names.admin1(), end, windows, baselines,
                    history.highs(end));
            context.forward(new Record<>(stats.key(), stats, now));
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
