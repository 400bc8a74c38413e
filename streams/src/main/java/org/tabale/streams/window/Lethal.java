package org.tabale.streams.window;

import java.util.Comparator;
import java.util.Objects;

/** One live event of a (region, day) with its fatalities: what evidence is ranked by. */
public record Lethal(String eventId, long fatalities) {

    /** Most fatalities first; ties by event id, so that the order is total and the same everywhere. */
    public static final Comparator<Lethal> MOST_FIRST = (a, b) -> {
        int byFatalities = Long.compare(b.fatalities, a.fatalities);
        return byFatalities != 0 ? byFatalities : a.eventId.compareTo(b.eventId);
    };

    public Lethal {
        Objects.requireNonNull(eventId, "eventId");
    }
}
