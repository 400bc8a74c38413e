package org.tabale.streams.window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * The evidence of a region's windows: for each window ending at a date, the ids of the
 * {@link #LIMIT} live events with the most fatalities in it (ties by id). One pass from the end
 * backwards over the days of the longest window serves every window, the shorter ones being its
 * latest days; each day's events come most lethal first, so a day stops being read at its first
 * event that cannot enter the ranking.
 */
public final class Evidence {

    /** How many event ids a window's evidence lists at most. */
    public static final int LIMIT = 10;

    private Evidence() {
    }

    /**
     * @param days    the region's days with live events, each day's list most lethal first
     *                ({@link Lethal#MOST_FIRST}); days outside the windows are ignored
     * @param end     the last day of every window
     * @param windows window lengths in days, ascending
     * @return window length to its event ids, most lethal first (an empty list where a window has no event)
     */
    public static Map<Integer, List<String>> of(NavigableMap<LocalDate, List<Lethal>> days, LocalDate end, List<Integer> windows) {
        Map<Integer, List<String>> evidence = new HashMap<>(8);
        TreeSet<Lethal> top = new TreeSet<>(Lethal.MOST_FIRST);
        int next = 0;
        LocalDate first = end.minusDays(windows.get(windows.size() - 1) - 1L);
        for (Map.Entry<LocalDate, List<Lethal>> day : days.subMap(first, true, end, true).descendingMap().entrySet()) {
            while (next < windows.size() && !day.getKey().isAfter(end.minusDays(windows.get(next)))) {
                evidence.put(windows.get(next++), ids(top));
            }
            for (Lethal event : day.getValue()) {
                if (top.size() == LIMIT && Lethal.MOST_FIRST.compare(event, top.last()) >= 0) {
                    break;
                }
                top.add(event);
                if (top.size() > LIMIT) {
                    top.pollLast();
                }
            }
        }
        while (next < windows.size()) {
            evidence.put(windows.get(next++), ids(top));
        }
        return evidence;
    }

    private static List<String> ids(TreeSet<Lethal> top) {
        List<String> ids = new ArrayList<>(top.size());
        for (Lethal event : top) {
            ids.add(event.eventId());
        }
        return ids;
    }
}
