package org.tabale.streams.topology;

import java.util.List;

/**
 * What the topology needs to know: the windows (days) emitted to {@code tabale.region-stats.v1}.
 * The query layer serves any window of {@link #SERVED_WINDOWS} from the daily totals.
 */
public record StatsSettings(List<Integer> emittedWindows) {

    public static final List<Integer> SERVED_WINDOWS = List.of(7, 30, 90, 365);

    public static final StatsSettings DEFAULT = new StatsSettings(List.of(7));

    public StatsSettings {
        emittedWindows = List.copyOf(emittedWindows);
        if (emittedWindows.isEmpty() || !SERVED_WINDOWS.containsAll(emittedWindows)) {
            throw new IllegalArgumentException("emitted windows must be among " + SERVED_WINDOWS + ": " + emittedWindows);
        }
    }

    public int longestWindow() {
        return emittedWindows.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
