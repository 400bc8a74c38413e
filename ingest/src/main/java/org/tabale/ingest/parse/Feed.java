package org.tabale.ingest.parse;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tabale.model.Gazetteer;

/**
 * The event-level feeds {@code POST /api/v1/events?source=…} reads: which columns make a CSV file
 * one of them, and which mapper turns its rows into events. {@link #id()} is the {@code source}
 * parameter and the {@code feed} of events and dead letters.
 */
public enum Feed {
    ACLED("acled", AcledRowMapper.REQUIRED_COLUMNS),
    UCDP("ucdp", UcdpRowMapper.REQUIRED_COLUMNS);

    private final String id;
    private final Set<String> requiredColumns;

    Feed(String id, Set<String> requiredColumns) {
        this.id = id;
        this.requiredColumns = requiredColumns;
    }

    public String id() {
        return id;
    }

    /** Lower-case columns without which a CSV file is not this feed. */
    public Set<String> requiredColumns() {
        return requiredColumns;
    }

    public RowMapper mapper(Gazetteer gazetteer) {
        return switch (this) {
            case ACLED -> new AcledRowMapper(gazetteer);
            case UCDP -> new UcdpRowMapper(gazetteer);
        };
    }

    /** The feed a {@code source} parameter names, case ignored. */
    public static Optional<Feed> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String folded = id.trim().toLowerCase(Locale.ROOT);
        for (Feed feed : values()) {
            if (feed.id.equals(folded)) {
                return Optional.of(feed);
            }
        }
        return Optional.empty();
    }
}
