package org.tabale.streams.window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
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
    /** From how many ends sliding the windows beats ranking each end alone. */
    static final int SLIDE_FROM = 8;

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

    /**
     * The evidence of the windows ending at each of {@code ends}, in their order (ascending), as
     * {@link #of(NavigableMap, LocalDate, List)} gives it for each. With many ends (a replay's
     * emission) each window slides over the days once, every day's events entering and leaving its
     * ranking once (a day's first {@value #LIMIT} only: the others can never rank), instead of
     * ranking the longest window afresh at every end; with a few, each end is ranked alone.
     */
    public static List<Map<Integer, List<String>>> of(NavigableMap<LocalDate, List<Lethal>> days, List<LocalDate> ends,
                                                      List<Integer> windows) {
        List<Map<Integer, List<String>>> evidence = new ArrayList<>(ends.size());
        if (ends.size() < SLIDE_FROM) {
            for (LocalDate end : ends) {
                evidence.add(of(days, end, windows));
            }
            return evidence;
        }
        for (int i = 0; i < ends.size(); i++) {
            evidence.add(new HashMap<>(8));
        }
        int longest = 0;
        for (int window : windows) {
            longest = Math.max(longest, window);
        }
        NavigableMap<LocalDate, List<Lethal>> span = days.subMap(ends.get(0).minusDays(longest - 1L), true,
                ends.get(ends.size() - 1), true);
        long[] day = new long[span.size()];
        List<List<Lethal>> events = new ArrayList<>(span.size());
        for (Map.Entry<LocalDate, List<Lethal>> entry : span.entrySet()) {
            day[events.size()] = entry.getKey().toEpochDay();
            List<Lethal> all = entry.getValue();
            events.add(all.size() > LIMIT ? all.subList(0, LIMIT) : all);
        }
        for (int window : windows) {
            // A count per event: the same event on two days (never, in a region's store) leaves with its last day.
            TreeMap<Lethal, Integer> ranked = new TreeMap<>(Lethal.MOST_FIRST);
            int entered = 0;
            int left = 0;
            for (int i = 0; i < ends.size(); i++) {
                long end = ends.get(i).toEpochDay();
                for (; entered < day.length && day[entered] <= end; entered++) {
                    for (Lethal event : events.get(entered)) {
                        ranked.merge(event, 1, Integer::sum);
                    }
                }
                for (; left < entered && day[left] <= end - window; left++) {
                    for (Lethal event : events.get(left)) {
                        ranked.computeIfPresent(event, (e, count) -> count == 1 ? null : count - 1);
                    }
                }
                List<String> ids = new ArrayList<>(Math.min(LIMIT, ranked.size()));
                for (Lethal event : ranked.keySet()) {
                    if (ids.size() == LIMIT) {
                        break;
                    }
                    ids.add(event.eventId());
                }
                evidence.get(i).put(window, ids);
            }
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
