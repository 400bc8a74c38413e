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
import org.tabale.model.Baseline;
import org.tabale.model.Figures;
import org.tabale.model.Highs;
import org.tabale.model.Region;
import org.tabale.model.RegionDay;
import org.tabale.model.Totals;
import org.tabale.streams.topology.DayTotals;
import org.tabale.streams.window.RegionHistory;

/**
 * Windowed series for one region, computed from the {@code region-day-totals} store: one range
 * read of the days needed (the baselines and highs look {@value RegionHistory#LOOKBACK_DAYS} days
 * back), then prefix sums. Rates per day and per 100,000 inhabitants (the
 * latter only where the gazetteer knows the population).
 */
public final class StatsQuery {

    /**
     * One window's figures, with its rates ({@code per100k} null when the population is unknown),
     * its baseline and the highs of the 30-day sum before it.
     */
    public record Point(LocalDate date, long events, long fatalities, long violentEvents, long civilianEvents,
                        long civilianFatalities, long reports, long verifiedReports, Figures perDay, Figures per100k,
                        Baseline baseline, Highs highs) {
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
        RegionHistory history = RegionHistory.of(source.days(region.id(), RegionHistory.firstDayNeeded(from), to), from, to);
        List<Point> points = new ArrayList<>();
        for (LocalDate end = from; !end.isAfter(to); end = end.plusDays(1)) {
            Totals t = history.window(end, window);
            points.add(new Point(end, t.events(), t.fatalities(), t.violentEvents(), t.civilianEvents(),
                    t.civilianFatalities(), t.reports(), t.verifiedReports(), Figures.rates(t, window),
                    region.population() == null ? null : Figures.rates(t, region.population() / 100_000d),
                    history.baseline(end, window), history.highs(end)));
        }
        return points;
    }

    /** The totals of one window, without rates nor baselines: one read of the window's days (rankings). */
    public Totals window(String regionId, LocalDate end, int window) {
        LocalDate first = end.minusDays(window - 1L);
        return RegionHistory.of(source.days(regionId, first, end), end, end, window - 1).window(end, window);
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
