package org.tabale.model;

/**
 * The additive metrics of DESIGN.md over some set of live events and community reports: a
 * (region, day) cell or a window of days. Adding and subtracting keeps it exact under revisions and
 * deletions. Community reports are counted apart ({@code reports}, {@code verifiedReports}) and never
 * mixed into the five event metrics.
 */
public record Totals(long events, long fatalities, long violentEvents, long civilianEvents,
                     long civilianFatalities, long reports, long verifiedReports) {

    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0, 0);

    public Totals {
        if (events < 0 || fatalities < 0 || violentEvents < 0 || civilianEvents < 0 || civilianFatalities < 0
                || reports < 0 || verifiedReports < 0) {
            throw new IllegalArgumentException("totals cannot be negative: " + events + "/" + fatalities
                    + "/" + violentEvents + "/" + civilianEvents + "/" + civilianFatalities + "/" + reports
                    + "/" + verifiedReports);
        }
    }

    /** Event figures without community reports. */
    public Totals(long events, long fatalities, long violentEvents, long civilianEvents, long civilianFatalities) {
        this(events, fatalities, violentEvents, civilianEvents, civilianFatalities, 0, 0);
    }

    /** The contribution of one community report that is not rejected. */
    public static Totals ofReport(boolean verified) {
        return new Totals(0, 0, 0, 0, 0, 1, verified ? 1 : 0);
    }

    /** The contribution of one event. */
    public static Totals of(ConflictEvent event) {
        boolean civilian = event.targetsCivilians();
        return new Totals(1, event.fatalities(), event.violent() ? 1 : 0, civilian ? 1 : 0,
                civilian ? event.fatalities() : 0);
    }

    public Totals plus(Totals other) {
        return new Totals(events + other.events, fatalities + other.fatalities,
                violentEvents + other.violentEvents, civilianEvents + other.civilianEvents,
                civilianFatalities + other.civilianFatalities, reports + other.reports,
                verifiedReports + other.verifiedReports);
    }

    public Totals minus(Totals other) {
        return new Totals(events - other.events, fatalities - other.fatalities,
                violentEvents - other.violentEvents, civilianEvents - other.civilianEvents,
                civilianFatalities - other.civilianFatalities, reports - other.reports,
                verifiedReports - other.verifiedReports);
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /** The value of a metric by its API name. */
    public long get(Metric metric) {
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
}
