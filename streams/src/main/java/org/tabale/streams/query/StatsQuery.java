package org.tabale.streams.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Supplier;
import org.tabale.streams.topology.SeenRegion;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.tabale.model.Metric;
import org.tabale.model.Region;
import org.tabale.model.RegionDay;
import org.tabale.model.Totals;
import org.tabale.streams.topology.DayTotals;
import org.tabale.streams.window.WindowSums;

/**
 * Windowed series for one region, computed from the {@code region-day-totals} store: one range
 * read of the days needed, then running sums. Rates per day and per 100,000 inhabitants (the
 * latter only where the gazetteer knows the population).
 */
public final class StatsQuery {

    /** One window's figures. {@code per100k} is null when the population is unknown. */
    public record Point(LocalDate date, long events, long fatalities, long violentEvents, long civilianEvents,
                        long civilianFatalities, Rates perDay, Rates per100k) {
    }

    /** A rate for each metric. */
    public record Rates(double events, double fatalities, double violentEvents, double civilianEvents,
                        double civilianFatalities) {

        static Rates of(Totals totals, double divisor) {
            return new Rates(round(totals.get(Metric.EVENTS) / divisor), round(totals.get(Metric.FATALITIES) / divisor),
                    round(totals.get(Metric.VIOLENT_EVENTS) / divisor), round(totals.get(Metric.CIVILIAN_EVENTS) / divisor),
                    round(totals.get(Metric.CIVILIAN_FATALITIES) / divisor));
        }

        private static double round(double value) {
            return Math.round(value * 10_000d) / 10_000d;
        }
    }

    private final DayTotalsSource source;

    /** A query over one store (tests, a single instance). */
    public StatsQuery(Supplier<ReadOnlyKeyValueStore<String, DayTotals>> store) {
        this(new LocalDayTotals(store, null));
    }

    public StatsQuery(DayTotalsSource source) {
        this.source = source;
    }

    /** The same query, asking other instances with the caller's {@code Authorization} header. */
    public StatsQuery as(String authorization) {
        return new StatsQuery(source.as(authorization));
    }

    /** Every region with figures, as the data named it. */
    public Map<String, SeenRegion> regions() {
        return source.regions();
    }

    public List<Point> series(Region region, LocalDate from, LocalDate to, int window) {
        NavigableMap<LocalDate, Totals> days = source.days(region.id(), WindowSums.firstDayNeeded(from, window), to);
        List<Point> points = new ArrayList<>();
        for (WindowSums.Point p : WindowSums.series(days, from, to, window)) {
            Totals t = p.totals();
            points.add(new Point(p.end(), t.events(), t.fatalities(), t.violentEvents(), t.civilianEvents(),
                    t.civilianFatalities(), Rates.of(t, window),
                    region.population() == null ? null : Rates.of(t, region.population() / 100_000d)));
        }
        return points;
    }

    /** Whether any day of the region has figures (regions outside the gazetteer exist only through data). */
    public boolean hasData(String regionId) {
        return latestDay(regionId).isPresent();
    }

    /** The latest day with figures for a region, if any. */
    public Optional<LocalDate> latestDay(String regionId) {
        return source.latestDay(regionId);
    }
}
