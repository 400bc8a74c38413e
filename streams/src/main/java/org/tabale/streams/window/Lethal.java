package org.tabale.streams.window;

import java.util.Comparator;
import java.util.Objects;

/** One live event of a (region, day) with its fatalities: what evidence is ranked by. */
public record Lethal(String eventId, long fatalities) {

    /** Most fatalities first; ties by event id, so that the order is total and the same everywhere. */
    public static final Comparator<Lethal> MOST_FIRST = Comparator.comparingLong(Lethal::fatalities).reversed()
            .thenComparing(Lethal::eventId);

    public Lethal {
        Objects.requireNonNull(eventId, "eventId");
    }
}
