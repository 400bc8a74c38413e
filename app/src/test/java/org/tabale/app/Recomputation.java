package org.tabale.app;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The batch side of the correctness contract (DESIGN.md, 3): figures computed from scratch over
 * the latest version of every live event, written here apart from the product's code. Versions
 * rank as the product ranks them: by ACLED timestamp, a deletion above an event of the same second;
 * the highest rank of an id stands, and a deletion that stands removes the event.
 */
final class Recomputation {

    /** What the recomputation needs of an event version. */
    record Event(String id, String region, LocalDate day, boolean violent, boolean civilian, int fatalities) {
    }

    /** The metrics of one window, in the order the API and the region-stats records name them. */
    static final List<String> METRICS = List.of("events", "fatalities", "violentEvents", "civilianEvents", "civilianFatalities");

    private final Map<String, long[][]> prefix = new HashMap<>();
    private final LocalDate first;
    private final Set<String> regions = new TreeSet<>();
    private final int live;

    private Recomputation(Collection<Event> events) {
        this.live = events.size();
        LocalDate min = LocalDate.MAX;
        LocalDate max = LocalDate.MIN;
        for (Event e : events) {
            min = e.day().isBefore(min) ? e.day() : min;
            max = e.day().isAfter(max) ? e.day() : max;
            regions.add(e.region());
        }
        this.first = events.isEmpty() ? LocalDate.EPOCH : min;
        int days = events.isEmpty() ? 0 : (int) (max.toEpochDay() - min.toEpochDay() + 1);
        Map<String, long[][]> daily = new HashMap<>();
        for (Event e : events) {
            long[] day = daily.computeIfAbsent(e.region(), r -> new long[days][METRICS.size()])[index(e.day())];
            day[0]++;
            day[1] += e.fatalities();
            day[2] += e.violent() ? 1 : 0;
            day[3] += e.civilian() ? 1 : 0;
            day[4] += e.civilian() ? e.fatalities() : 0;
        }
        // Prefix sums: sums[i] covers the days before index i, so a window is one subtraction.
        daily.forEach((region, perDay) -> {
            long[][] sums = new long[days + 1][METRICS.size()];
            for (int i = 0; i < days; i++) {
                for (int m = 0; m < METRICS.size(); m++) {
                    sums[i + 1][m] = sums[i][m] + perDay[i][m];
                }
            }
            prefix.put(region, sums);
        });
    }

    /** The figures over these live events (each id once). */
    static Recomputation of(Collection<Event> live) {
        return new Recomputation(live);
    }

    /** Versions as they arrive, in any order; {@link #build()} keeps the standing one of each id. */
    static Builder builder() {
        return new Builder();
    }

    /** The regions with at least one live event. */
    Set<String> regions() {
        return regions;
    }

    /** How many events are live. */
    int liveEvents() {
        return live;
    }

    /** The window of {@code window} days ending {@code end} (days end-window+1 … end) in a region, as {@link #METRICS}. */
    long[] window(String region, LocalDate end, int window) {
        long[][] sums = prefix.get(region);
        if (sums == null) {
            return new long[METRICS.size()];
        }
        int to = clamp(index(end) + 1, sums.length - 1);
        int from = clamp(index(end) + 1 - window, sums.length - 1);
        long[] result = new long[METRICS.size()];
        for (int m = 0; m < result.length; m++) {
            result[m] = sums[to][m] - sums[from][m];
        }
        return result;
    }

    private int index(LocalDate day) {
        return (int) (day.toEpochDay() - first.toEpochDay());
    }

    private static int clamp(int i, int max) {
        return Math.max(0, Math.min(max, i));
    }

    static final class Builder {
        private record Standing(long rank, Event event) {
        }

        private final Map<String, Standing> standing = new HashMap<>();

        /** A version of an event with its ACLED timestamp. */
        Builder event(Event event, long timestamp) {
            offer(event.id(), new Standing(timestamp * 2, event));
            return this;
        }

        /** A deletion of an event with ACLED's {@code deleted_timestamp}. */
        Builder deletion(String id, long deletedTimestamp) {
            offer(id, new Standing(deletedTimestamp * 2 + 1, null));
            return this;
        }

        private void offer(String id, Standing version) {
            standing.merge(id, version, (a, b) -> b.rank() > a.rank() ? b : a);
        }

        Recomputation build() {
            return new Recomputation(standing.values().stream().filter(s -> s.event() != null).map(Standing::event).toList());
        }
    }
}
