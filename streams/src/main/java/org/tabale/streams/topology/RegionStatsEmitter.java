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
import org.tabale.streams.window.Evidence;
import org.tabale.streams.window.Lethal;
import org.tabale.streams.window.RegionHistory;

/**
 * Emits a {@link RegionStats} for every region and date whose window figures changed, so that the
 * latest record of each {@code regionId@date} key is right.
 *
 * <p>Applies each {@link Delta} to the {@code region-day-totals} store (a cell that comes back to
 * zero stays, as a zero, because records were emitted for its dates) and notes the changed day in
 * {@code stats-pending}. A wall-clock punctuation, every {@link StatsSettings#emitInterval()},
 * emits per region, once however many events changed them:
 * <ul>
 *   <li>for a changed day x, the dates where a window function steps because of it: x (it enters
 *       every window) and x+7, x+30, x+90, x+365 (it leaves one);</li>
 *   <li>every date in x … x+364 that has a record already (the step dates of the region's other
 *       days), since the change moved its windows too.</li>
 * </ul>
 * Between two step dates the windows do not change, so the latest record on or before any date
 * gives that date's figures. Dates up to the region's latest day with data (and up to today) go at
 * once; later ones (the days leave their windows) wait in {@code stats-tail} until the region had
 * no change for {@link StatsSettings#tailDelay()} and today reached them: a replay in date order
 * would otherwise emit the year after its newest day again with every new day. One range read of
 * the region's days (from {@link RegionHistory#LOOKBACK_DAYS} before the first date) serves
 * windows, baselines, highs and evidence (the most lethal events of each window, read from the same
 * cells, {@link Evidence}) of every emitted record: the work per change is bounded by the longest
 * window and the look-back, never by the length of history.
 *
 * <p>Baselines and highs are computed afresh for each emitted record; a change that moves only the
 * baseline of a date (a day in its baseline weeks, not in its windows) does not emit that date again.
 */
final class RegionStatsEmitter implements Processor<String, Delta, String, RegionStats> {

    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    private static final int LONGEST = StatsSettings.SERVED_WINDOWS.get(StatsSettings.SERVED_WINDOWS.size() - 1);
    private static final String NONE = "-";

    private final StatsSettings settings;
    private ProcessorContext<String, RegionStats> context;
    private KeyValueStore<String, DayTotals> days;
    private KeyValueStore<String, SeenRegion> regions;
    private KeyValueStore<String, String> pending;
    private KeyValueStore<String, String> tail;
    private KeyValueStore<String, String> dirty;
    /** The region the last punctuation stopped after, when its time ran out. */
    private String resumeAfter;
    /** What the emitters of the tasks on this emitter's stream thread share. */
    private OnThread thread;

    /**
     * What the emitters (tasks) of one stream thread share: how many there are (they share the
     * thread's emission budget) and when one of them last applied a change (wall clock, ms). Tasks
     * are initialised, run and closed on the thread that runs them.
     */
    private static final class OnThread {
        int emitters;
        long lastApplied;
        /** How long the change applied last had waited in Kafka (ms). */
        long lastLag;
    }

    /** A change applied this long after Kafka took it means the thread is catching up on a backlog (ms). */
    static final long CATCH_UP_LAG = 10_000;

    private static final ThreadLocal<OnThread> ON_THREAD = ThreadLocal.withInitial(OnThread::new);

    /** A {@code stats-dirty} value: the earliest changed day, the earliest waiting end, the last change (epoch ms). */
    private record Dirty(LocalDate day, LocalDate end, long changedAt) {

        static Dirty parse(String value) {
            int first = value.indexOf(',');
            int second = value.indexOf(',', first + 1);
            return new Dirty(date(value.substring(0, first)), date(value.substring(first + 1, second)),
                    Long.parseLong(value, second + 1, value.length(), 10));
        }

        private static LocalDate date(String text) {
            return text.equals(NONE) ? null : RegionDay.date(text, 0);
        }

        String format() {
            return (day == null ? NONE : day.toString()) + "," + (end == null ? NONE : end.toString()) + "," + changedAt;
        }
    }

    RegionStatsEmitter(StatsSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, RegionStats> context) {
        this.context = context;
        this.days = context.getStateStore(RegionTotalsTopology.DAY_TOTALS_STORE);
        this.regions = context.getStateStore(RegionTotalsTopology.REGIONS_STORE);
        this.pending = context.getStateStore(RegionTotalsTopology.PENDING_STORE);
        this.tail = context.getStateStore(RegionTotalsTopology.TAIL_STORE);
        this.dirty = context.getStateStore(RegionTotalsTopology.DIRTY_STORE);
        context.schedule(settings.emitInterval(), PunctuationType.WALL_CLOCK_TIME, this::emitPending);
        thread = ON_THREAD.get();
        thread.emitters++;
    }

    @Override
    public void close() {
        thread.emitters = Math.max(0, thread.emitters - 1);
    }

    /**
     * This emitter's share of its thread's emission budget, of the emission interval:
     * <ul>
     *   <li>a quarter while the thread applies changes as they come;</li>
     *   <li>a tenth while it catches up on a backlog (the change it applied last had waited in Kafka
     *       {@link #CATCH_UP_LAG} or more: a replay, a restart after an outage): the timeliness of one
     *       interval is gone anyway, applying the backlog goes faster, and each region's emission,
     *       later, covers more changes;</li>
     *   <li>three quarters once it has applied nothing for an interval: what a replay left goes out
     *       three times as fast (a change that arrives during such an emission waits for it).</li>
     * </ul>
     * The emitters of all the thread's tasks punctuate once per interval each, and together take at
     * most that, however many partitions the thread owns.
     */
    long budgetMs(long now) {
        int emitters = Math.max(1, thread.emitters);
        long interval = settings.emitInterval().toMillis();
        long share;
        if (now - thread.lastApplied >= interval) {
            share = interval * 3 / 4;
        } else if (thread.lastLag >= CATCH_UP_LAG) {
            share = interval / 10;
        } else {
            share = interval / 4;
        }
        return Math.max(10, share / emitters);
    }

    @Override
    public void process(Record<String, Delta> delta) {
        if (delta.value() == null) {
            return;
        }
        thread.lastApplied = context.currentSystemTimeMs();
        thread.lastLag = thread.lastApplied - delta.timestamp();
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
        pending.put(cell, "");
        String value = dirty.get(regionId);
        Dirty before = value == null ? new Dirty(null, null, 0) : Dirty.parse(value);
        LocalDate earliest = before.day() == null || day.isBefore(before.day()) ? day : before.day();
        dirty.put(regionId, new Dirty(earliest, before.end(), context.currentSystemTimeMs()).format());
    }

    /**
     * Emits what is due, region after region, for at most its share of the thread's emission budget
     * ({@link #budgetMs}: a quarter of the interval while changes arrive): under a replay's load the
     * rest waits for the next punctuation (its changes keep coalescing, so each region's later
     * emission covers more), and the stream thread goes on applying events. Regions
     * are taken in turn from where the last punctuation stopped, so none waits for ever.
     */
    private void emitPending(long now) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        List<String> ready = new ArrayList<>();
        List<Dirty> states = new ArrayList<>();
        int start = 0;
        try (KeyValueIterator<String, String> it = dirty.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                Dirty d = Dirty.parse(entry.value);
                boolean quiet = now - d.changedAt() >= settings.tailDelay().toMillis();
                if (d.day() != null && !d.day().isAfter(today) || quiet && d.end() != null && !d.end().isAfter(today)) {
                    if (resumeAfter != null && entry.key.compareTo(resumeAfter) <= 0) {
                        start++;
                    }
                    ready.add(entry.key);
                    states.add(d);
                }
            }
        }
        long budget = budgetMs(now);
        long began = System.nanoTime();
        resumeAfter = null;
        for (int i = 0; i < ready.size(); i++) {
            int at = (start + i) % ready.size();
            emit(ready.get(at), states.get(at), today, now);
            if ((System.nanoTime() - began) / 1_000_000 >= budget && i < ready.size() - 1) {
                resumeAfter = ready.get(at);
                return;
            }
        }
    }

    private void emit(String regionId, Dirty state, LocalDate today, long now) {
        TreeSet<LocalDate> changedDays = new TreeSet<>();
        if (state.day() != null) {
            changedDays.addAll(takeRange(pending, regionId, state.day(), today));
        }
        TreeSet<LocalDate> ends = new TreeSet<>();
        boolean quiet = now - state.changedAt() >= settings.tailDelay().toMillis();
        if (quiet && state.end() != null) {
            ends.addAll(takeRange(tail, regionId, state.end(), today));
        }
        for (LocalDate day : changedDays) {
            ends.addAll(steps(day));
        }
        LocalDate frontier = latestDay(regionId);
        if (!ends.isEmpty()) {
            LocalDate first = ends.first();
            Cells cells = read(regionId, RegionHistory.firstDayNeeded(first), min(ends.last(), today));
            if (!changedDays.isEmpty()) {
                // Dates with a record already, whose windows a changed day moved.
                for (LocalDate cell : cells.totals().keySet()) {
                    for (LocalDate step : steps(cell)) {
                        LocalDate changed = changedDays.floor(step);
                        if (changed != null && step.isBefore(changed.plusDays(LONGEST))) {
                            ends.add(step);
                        }
                    }
                }
            }
            LocalDate dueUntil = quiet ? today : min(today, frontier == null ? today : frontier);
            for (LocalDate later : ends.tailSet(dueUntil, false)) {
                tail.put(RegionDay.key(regionId, later), "");
            }
            emitDue(regionId, cells, new ArrayList<>(ends.headSet(dueUntil, true)), now);
        }
        LocalDate nextDay = firstKey(pending, regionId, today.plusDays(1));
        LocalDate nextEnd = firstKey(tail, regionId, quiet ? today.plusDays(1) : FIRST);
        if (nextDay == null && nextEnd == null) {
            dirty.delete(regionId);
        } else {
            dirty.put(regionId, new Dirty(nextDay, nextEnd, state.changedAt()).format());
        }
    }

    private void emitDue(String regionId, Cells cells, List<LocalDate> due, long now) {
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

    /** Removes and returns the dates of a region's keys from {@code from} to {@code to} in a store. */
    private static List<LocalDate> takeRange(KeyValueStore<String, String> store, String regionId, LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(RegionDay.key(regionId, from), RegionDay.key(regionId, to))) {
            while (it.hasNext()) {
                dates.add(RegionDay.dayOf(it.next().key));
            }
        }
        for (LocalDate date : dates) {
            store.delete(RegionDay.key(regionId, date));
        }
        return dates;
    }

    /** The first date of a region's keys from {@code from} on, or null. */
    private static LocalDate firstKey(KeyValueStore<String, String> store, String regionId, LocalDate from) {
        try (KeyValueIterator<String, String> it = store.range(RegionDay.key(regionId, from), RegionDay.key(regionId, LAST))) {
            return it.hasNext() ? RegionDay.dayOf(it.next().key) : null;
        }
    }

    /** The latest day of the region with a cell, or null. */
    private LocalDate latestDay(String regionId) {
        try (KeyValueIterator<String, DayTotals> it = days.reverseRange(RegionDay.key(regionId, FIRST),
                RegionDay.key(regionId, LAST))) {
            return it.hasNext() ? RegionDay.dayOf(it.next().key) : null;
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

    private void emit(String regionId, SeenRegion names, Cells cells, List<LocalDate> ends, long now) {
        LocalDate first = ends.get(0);
        LocalDate last = ends.get(ends.size() - 1);
        RegionHistory history = RegionHistory.of(cells.totals(), first, last);
        List<Map<Integer, List<String>>> evidence = Evidence.of(cells.events(), ends, StatsSettings.SERVED_WINDOWS);
        List<Baseline[]> baselinesByWindow = new ArrayList<>(StatsSettings.SERVED_WINDOWS.size());
        for (int window : StatsSettings.SERVED_WINDOWS) {
            baselinesByWindow.add(history.baselines(ends, window));
        }
        for (int i = 0; i < ends.size(); i++) {
            LocalDate end = ends.get(i);
            Map<Integer, Totals> windows = new HashMap<>(8);
            Map<Integer, Baseline> baselines = new HashMap<>(8);
            for (int w = 0; w < StatsSettings.SERVED_WINDOWS.size(); w++) {
                int window = StatsSettings.SERVED_WINDOWS.get(w);
                windows.put(window, history.window(end, window));
                baselines.put(window, baselinesByWindow.get(w)[i]);
            }
            RegionStats stats = new RegionStats(regionId, names.country(), names.admin1(), end, windows, baselines,
                    history.highs(end), evidence.get(i));
            context.forward(new Record<>(stats.key(), stats, now));
        }
    }

    /** A region's cells as read once for an emission: the totals of each day, and the live events of the days that have some. */
    private record Cells(TreeMap<LocalDate, Totals> totals, TreeMap<LocalDate, List<Lethal>> events) {
    }

    private Cells read(String regionId, LocalDate first, LocalDate last) {
        TreeMap<LocalDate, Totals> totals = new TreeMap<>();
        TreeMap<LocalDate, List<Lethal>> events = new TreeMap<>();
        try (KeyValueIterator<String, DayTotals> it = days.range(RegionDay.key(regionId, first), RegionDay.key(regionId, last))) {
            while (it.hasNext()) {
                KeyValue<String, DayTotals> entry = it.next();
                LocalDate day = RegionDay.dayOf(entry.key);
                totals.put(day, entry.value.totals());
                if (!entry.value.events().isEmpty()) {
                    events.put(day, entry.value.events());
                }
            }
        }
        return new Cells(totals, events);
    }
}
