package org.tabale.streams.window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import org.tabale.model.Totals;

/**
 * Rolling sums of daily totals: the window of W days ending at d covers days d-W+1 … d inclusive
 * (DESIGN.md). Pure: tests and the query layer share it.
 */
public final class WindowSums {

    /** One window's figures, by its end date. */
    public record Point(LocalDate end, Totals totals) {
    }

    private WindowSums() {
    }

    /** The first day a query must read to compute windows of {@code window} days from {@code firstEnd} on. */
    public static LocalDate firstDayNeeded(LocalDate firstEnd, int window) {
        return firstEnd.minusDays(window - 1L);
    }

    /**
     * Sums for every end date from {@code from} to {@code to}, given the daily totals of at least
     * days {@code from-window+1 … to} (days absent from the map count as zero).
     */
    public static List<Point> series(NavigableMap<LocalDate, Totals> days, LocalDate from, LocalDate to, int window) {
        List<Point> points = new ArrayList<>();
        Totals running = Totals.ZERO;
        for (Totals day : days.subMap(firstDayNeeded(from, window), true, from, true).values()) {
            running = running.plus(day);
        }
        points.add(new Point(from, running));
        for (LocalDate end = from.plusDays(1); !end.isAfter(to); end = end.plusDays(1)) {
            running = running.plus(days.getOrDefault(end, Totals.ZERO))
                    .minus(days.getOrDefault(end.minusDays(window), Totals.ZERO));
            points.add(new Point(end, running));
        }
        return points;
    }
}
