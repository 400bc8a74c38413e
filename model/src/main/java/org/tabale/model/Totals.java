package org.tabale.model;

/**
 * The five additive metrics of DESIGN.md over some set of live events: a (region, day) cell or
 * a window of days. Adding and subtracting events keeps it exact under revisions and deletions.
 */
public record Totals(long events, long fatalities, long violentEvents, long civilianEvents,
                     long civilianFatalities) {

    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

    public Totals {
        if (events < 0 || fatalities < 0 || violentEvents < 0 || civilianEvents < 0 || civilianFatalities < 0) {
            throw new IllegalArgumentException("totals cannot be negative: " + events + "/" + fatalities
                    + "/" + violentEvents + "/" + civilianEvents + "/" + civilianFatalities);
        }
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
                civilianFatalities + other.civilianFatalities);
    }

    public Totals minus(Totals other) {
        return new Totals(events - other.events, fatalities - other.fatalities,
                violentEvents - other.violentEvents, civilianEvents - other.civilianEvents,
                civilianFatalities - other.civilianFatalities);
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
        };
    }
}
