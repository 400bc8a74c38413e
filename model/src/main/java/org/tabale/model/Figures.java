package org.tabale.model;

import java.util.function.ToDoubleFunction;

/**
 * A real number for each metric: a rate (per day, per 100,000 inhabitants) or a statistic of
 * window sums (a baseline's mean or spread). Rounded to four decimals so that answers and records
 * stay short and compare equal across instances.
 */
public record Figures(double events, double fatalities, double violentEvents, double civilianEvents,
                      double civilianFatalities, double reports, double verifiedReports) {

    /** The figure of each metric, from a function of the metric. */
    public static Figures of(ToDoubleFunction<Metric> value) {
        return new Figures(round(value.applyAsDouble(Metric.EVENTS)), round(value.applyAsDouble(Metric.FATALITIES)),
                round(value.applyAsDouble(Metric.VIOLENT_EVENTS)), round(value.applyAsDouble(Metric.CIVILIAN_EVENTS)),
                round(value.applyAsDouble(Metric.CIVILIAN_FATALITIES)), round(value.applyAsDouble(Metric.REPORTS)),
                round(value.applyAsDouble(Metric.VERIFIED_REPORTS)));
    }

    /** Totals divided by a divisor: rates per day ({@code window}) or per 100,000 inhabitants. */
    public static Figures rates(Totals totals, double divisor) {
        return of(metric -> totals.get(metric) / divisor);
    }

    public double get(Metric metric) {
        return switch (metric) {
            case EVENTS -> events;
            case FATALITIES -> fatalities;
            case VIOLENT_EVENTS -> violentEvents;
            case CIVILIAN_EVENTS -> civilianEvents;
            case CIVILIAN_FATALITIES -> civilianFatalities;
            case REPORTS -> reports;
            case VERIFIED_REPORTS -> verifiedReports;
        };
    }

    private static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }
}
