package org.tabale.streams.topology;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the topology needs to know: how often the changed region stats are emitted
 * ({@code emitInterval}, wall-clock). Changes between two emissions are coalesced: a region and
 * date changed by a thousand events in that time is emitted once.
 */
public record StatsSettings(Duration emitInterval) {

    /** The windows (days) served by the query layer and carried by every region-stats record. */
    public static final List<Integer> SERVED_WINDOWS = List.of(7, 30, 90, 365);

    public static final StatsSettings DEFAULT = new StatsSettings(Duration.ofSeconds(1));

    public StatsSettings {
        Objects.requireNonNull(emitInterval, "emitInterval");
        if (emitInterval.isNegative() || emitInterval.isZero()) {
            throw new IllegalArgumentException("emit interval must be positive: " + emitInterval);
        }
    }
}
