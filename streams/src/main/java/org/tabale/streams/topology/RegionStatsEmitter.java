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
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tabale.model.Baseline;
import org.tabale.model.RegionDay;
import org.tabale.model.RegionStats;
import org.tabale.model.Totals;
import org.tabale.streams.window.RegionHistory;

/**
 * Emits a {@link RegionStats} for every region and date whose window figures changed, so that the
 * latest record of each {@code regionId@date} key is always right.
 *
 * <p>Applies each {@link Delta} to the {@code region-day-totals} store (a cell that comes back to
 * zero stays, as a zero, because records were emitted for it) and notes the changed cell in
 * {@code stats-pending}. A wall-clock punctuation, every {@link StatsSettings#emitInterval()}, emits
 * per region, once however many events changed them:
 * <ul>
 *   <li>for a changed day x, the dates where a window function steps because of it: x (it enters
 *       every window) and x+7, x+30, x+90, x+365 (it leaves one);</li>
 *   <li>every date in x … x+364 that has a record already (the step dates of the region's other
 *       days), since the change moved its windows too.</li>
 * </ul>
 * Between two step dates the windows do not change, so the latest record on or before any date
 * gives that date's figures. Dates after today wait in {@code stats-pending} for their day. One
 * range read of the region's days (from {@link RegionHistory#LOOKBACK_DAYS} before the first date)
 * serves windows, baselines and highs of every emitted record: the work per change is bounded by the
 * longest window and the look-back, never by the length of history.
 *
 * <p>Baselines and highs are computed afresh for each emitted record; a change that moves only the
 * baseline of a date (a day in its baseline weeks, not in its windows) does not emit that date again.
 */
final class RegionStatsEmitter implements Processor<String, Delta, String, RegionStats> {

    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    /** {@code stats-pending} value of a changed (region, day) cell. */
    private static final String CHANGED_DAY = "day";
    /** {@code stats-pending} value of a window end waiting for its day. */
    private static final String END = "end";
    private static final int LONGEST = StatsSettings.SERVED_WINDOWS.get(StatsSettings.SERVED_WINDOWS.size() - 1);

    private final StatsSettings settings;
    private ProcessorContext<String, RegionStats> context;
    private KeyValueStore<String, DayTotals> days;
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
    public void process(Record<String, Delta> delta) {
        if (delta.value() == null) {
            return;
        }
        Standing.Contribution change = delta.value().contribution();
        String regionId = change.regionId();
        LocalDate day = change.day();
        String cell = RegionDay.key(regionId, day);
        DayTotals stored = days.get(cell);
        DayTotals current = stored == null ? DayTotals.EMPTY : stored;
        days.put(cell, delta.value().retract() ? current.subtract(change) : current.add(change));
        if (regions.get(regionId) == null) {
            regions.put(regionId, new SeenRegion(change.country(), change.admin1()));
        }
        pending.put(cell, CHANGED_DAY);
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
        TreeSet<LocalDate> changedDays = new TreeSet<>();
        TreeSet<LocalDate> ends = new TreeSet<>();
        try (KeyValueIterator<String, String> it = pending.range(RegionDay.key(regionId, earliest), RegionDay.key(regionId, today))) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                (CHANGED_DAY.equals(entry.value) ? changedDays : ends).add(RegionDay.dayOf(entry.key));
            }
        }
        for (LocalDate date : changedDays) {
            pending.delete(RegionDay.key(regionId, date));
        }
        for (LocalDate date : ends) {
            pending.delete(RegionDay.key(regionId, date));
        }
        for (LocalDate day : changedDays) {
            ends.addAll(steps(day));
        }
        if (ends.isEmpty()) {
            dirty.delete(regionId);
            return;
        }
        LocalDate first = ends.first();
        LocalDate last = ends.last();
        TreeMap<LocalDate, Totals> cells = read(regionId, RegionHistory.firstDayNeeded(first), min(last, today));
        if (!changedDays.isEmpty()) {
            // Dates with a record already, whose windows a changed day moved.
            for (LocalDate cell : cells.keySet()) {
                for (LocalDate step : steps(cell)) {
                    LocalDate changed = changedDays.floor(step);
                    if (changed != null && step.isBefore(changed.plusDays(LONGEST))) {
                        ends.add(step);
                    }
                }
            }
        }
        for (LocalDate later : ends.tailSet(today, false)) {
            pending.put(RegionDay.key(regionId, later), END);
        }
        try (KeyValueIterator<String, String> it = pending.range(RegionDay.key(regionId, today.plusDays(1)), RegionDay.key(regionId, LAST))) {
            if (it.hasNext()) {
                dirty.put(regionId, RegionDay.dayOf(it.next().key).toString());
            } else {
                dirty.delete(regionId);
            }
        }
        List<LocalDate> due = new ArrayList<>(ends.headSet(today, true));
        SeenRegion names = regions.get(regionId);
        int from = 0;
        for (int i = 1; i <= due.size(); i++) {
            // Ends further apart than the look-back share no day: compute them apart.
            if (i == due.size() || ChronoUnit.DAYS.between(due.get(i - 1), due.get(i)) > RegionHistory.LOOKBACK_DAYS) {
                emit(regionId, names, cells, due.subList(from, i), now);
                from = i;
            }
        }
    }

    /** The dates where the windows of a region step because of one day: it enters every window, and leaves each. */
    private static List<LocalDate> steps(LocalDate day) {
        List<LocalDate> steps = new ArrayList<>(StatsSettings.SERVED_WINDOWS.size() + 1);
        steps.add(day);
        for (int window : StatsSettings.SERVED_WINDOWS) {
            steps.add(day.plusDays(window));
        }
        return steps;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private void emit(String regionId, SeenRegion names, TreeMap<LocalDate, Totals> cells, List<LocalDate> ends, long now) {
        LocalDate first = ends.get(0);
        LocalDate last = ends.get(ends.size() - 1);
        RegionHistory history = RegionHistory.of(cells, first, last);
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
        try (KeyValueIterator<String, DayTotals> it = days.range(RegionDay.key(regionId, first), RegionDay.key(regionId, last))) {
            while (it.hasNext()) {
                KeyValue<String, DayTotals> entry = it.next();
                totals.put(RegionDay.dayOf(entry.key), entry.value.totals());
            }
        }
        return totals;
    }
}
