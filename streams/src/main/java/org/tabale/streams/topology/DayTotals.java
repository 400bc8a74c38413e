package org.tabale.streams.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tabale.model.Totals;
import org.tabale.streams.window.Lethal;

/**
 * Value of the {@code region-day-totals} store (key {@code regionId@day}): the figures of one
 * region on one day, over the latest version of every live event and report dated that day, and
 * the ids of those live events with their fatalities, most lethal first ({@link Lethal#MOST_FIRST}):
 * the evidence of the windows the day is in. Community reports count in the figures but are not
 * evidence.
 */
public record DayTotals(String regionId, String country, String admin1, Totals totals, List<Lethal> events) {

    public static final DayTotals EMPTY = new DayTotals("", "", "", Totals.ZERO, List.of());

    public DayTotals {
        Objects.requireNonNull(totals, "totals");
        List<Lethal> sorted = new ArrayList<>(events == null ? List.of() : events);
        sorted.sort(Lethal.MOST_FIRST);
        events = List.copyOf(sorted);
    }

    /** Figures alone, without evidence. */
    public DayTotals(String regionId, String country, String admin1, Totals totals) {
        this(regionId, country, admin1, totals, List.of());
    }

    /** The adder of the (region, day) aggregation. */
    public DayTotals add(Standing.Contribution contribution) {
        List<Lethal> next = without(contribution.id());
        if (contribution.ofEvent()) {
            next.add(new Lethal(contribution.id(), contribution.totals().fatalities()));
        }
        return new DayTotals(contribution.regionId(), contribution.country(), contribution.admin1(),
                totals.plus(contribution.totals()), next);
    }

    /** The subtractor: a revised or deleted version leaves its old day. */
    public DayTotals subtract(Standing.Contribution contribution) {
        return new DayTotals(contribution.regionId(), contribution.country(), contribution.admin1(),
                totals.minus(contribution.totals()), without(contribution.id()));
    }

    private List<Lethal> without(String id) {
        List<Lethal> rest = new ArrayList<>(events.size() + 1);
        for (Lethal event : events) {
            if (!event.eventId().equals(id)) {
                rest.add(event);
            }
        }
        return rest;
    }
}
