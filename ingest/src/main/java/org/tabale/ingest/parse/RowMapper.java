package org.tabale.ingest.parse;

/** Turns one row of a feed into a canonical event, or says precisely why it cannot. */
public interface RowMapper {

    RowOutcome map(FeedRow row);
}
