package org.tabale.app.backtest;

import java.time.LocalDate;
import org.tabale.alerts.rules.Severity;

/**
 * One alert episode a rule would have raised in one region: from the first date it held to the last,
 * with its worst value. The officer would have been paged once, on {@code start}.
 *
 * @param days     dates within the episode on which the rule held
 * @param peak     the largest value of the metric while it held, first reached on {@code peakDate}
 * @param severity the highest severity reached
 */
public record Episode(String regionId, String country, String admin1, String rule, LocalDate start, LocalDate end,
                      int days, long peak, LocalDate peakDate, Severity severity) {
}
