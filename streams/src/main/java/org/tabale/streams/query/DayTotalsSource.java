package org.tabale.streams.query;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import org.tabale.model.Totals;
import org.tabale.streams.topology.SeenRegion;

/**
 * Where the query layer reads daily totals: this instance's stores ({@link LocalDayTotals}), or
 * every instance of the application ({@link ClusterDayTotals}). The days of one region are spread
 * over all partitions (the store is keyed by {@code region@day}), so a cluster answer is the sum
 * of every instance's part.
 */
public interface DayTotalsSource {

    /** The days of a region from {@code from} to {@code to} inclusive that have figures. */
    NavigableMap<LocalDate, Totals> days(String regionId, LocalDate from, LocalDate to);

    /** The latest day with figures of a region. */
    java.util.Optional<LocalDate> latestDay(String regionId);

    /** Every region with figures. */
    Map<String, SeenRegion> regions();

    /** The same source, calling other instances with the caller's {@code Authorization} header. */
    default DayTotalsSource as(String authorization) {
        return this;
    }
}
