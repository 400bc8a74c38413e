package org.tabale.streams.topology;

import org.tabale.streams.topology.Standing.Contribution;

/**
 * A change to one (region, day) cell, keyed by region on the {@code deltas-by-region} repartition
 * topic: a contribution added, or retracted when its version was revised or deleted. Keying by
 * region puts every day of a region in one task, where its windows are computed.
 */
public record Delta(Contribution contribution, boolean retract) {
}
