package org.tabale.streams.topology;

import java.util.Objects;
import org.tabale.model.Totals;

/**
 * Value of the {@code region-day-totals} store (key {@code regionId@day}): the figures of one
 * region on one day, over the latest version of every live event and report dated that day.
 */
public record DayTotals(String regionId, String country, String admin1, Totals totals) {

    public static final DayTotals EMPTY = new DayTotals("", "", "", Totals.ZERO);

    public DayTotals {
        Objects.requireNonNull(totals, "totals");
    }

    /** The adder of the (region, day) aggregation. */
    public DayTotals add(Standing.Contribution contribution) {
        return new DayTotals(contribution.regionId(), contribution.country(), contribution.admin1(),
                totals.plus(contribution.totals()));
    }

    /** The subtractor: a revised or deleted version leaves its old day. */
    public DayTotals subtract(Standing.Contribution contribution) {
        return new DayTotals(contribution.regionId(), contribution.country(), contribution.admin1(),
                totals.minus(contribution.totals()));
    }
}
