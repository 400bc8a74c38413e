package org.tabale.ingest.parse;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * Recognises, from its columns, a body that is not the feed it was sent as: aggregate tables that
 * no event feed can take, and the other event feed (so the refusal can say which {@code source}
 * to use).
 */
final class FeedShapes {

    static final String HAPI_AGGREGATES = "HDX HAPI conflict_event rows are monthly aggregates without event ids;"
            + " send event-level ACLED or UCDP rows";

    private FeedShapes() {
    }

    /**
     * Refuses HDX HAPI's {@code conflict_event} table (CSV download or API JSON): counts of events and
     * fatalities per admin area, event type and month. Taken as events they would be counted wrongly
     * and could never be revised, so the whole body is refused rather than each row.
     *
     * @throws FeedFormatException when the columns are those of HAPI's aggregates
     */
    static void refuseAggregates(Collection<String> columns) {
        if (columns.contains("reference_period_start") && columns.contains("location_code")
                && (columns.contains("events") || columns.contains("fatalities"))) {
            throw new FeedFormatException(HAPI_AGGREGATES);
        }
    }

    /** "; it looks like a UCDP GED file: send it with ?source=ucdp" when the columns are another feed's. */
    static String hint(Collection<String> columns) {
        Optional<Feed> other = Arrays.stream(Feed.values())
                .filter(feed -> columns.containsAll(feed.requiredColumns())).findFirst();
        return other.map(feed -> "; the columns are those of " + (feed == Feed.UCDP ? "a UCDP GED file" : "an ACLED export")
                + ": send it with ?source=" + feed.id()).orElse("");
    }
}
