package org.tabale.streams.topology;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the topology needs to know: how often the changed region stats are emitted
 * ({@code emitInterval}, wall-clock; changes between two emissions are coalesced: a region and date
 * changed by a thousand events in that time is emitted once), and how long a region must go
 * without changes before the dates after its latest data are emitted ({@code tailDelay}: during a
 * replay those dates would otherwise be emitted again with every new day of data).
 */
public record StatsSettings(Duration emitInterval, Duration tailDelay) {

    /** The windows (days) served by the query layer and carried by every region-stats record. */
    public static final List<Integer> SERVED_WINDOWS = List.of(7, 30, 90, 365);

    public static final StatsSettings DEFAULT = new StatsSettings(Duration.ofSeconds(1), Duration.ofSeconds(5));

    public StatsSettings {
        Objects.requireNonNull(emitInterval, "emitInterval");
        if (emitInterval.isNegative() || emitInterval.isZero()) {
            throw new IllegalArgumentException("emit interval must be positive: " + emitInterval);
        }
        if (tailDelay.isNegative()) {
            throw new IllegalArgumentException("tail delay must not be negative: " + tailDelay);
        }
    }
}
