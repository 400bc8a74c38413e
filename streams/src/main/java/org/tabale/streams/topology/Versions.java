package org.tabale.streams.topology;

import org.tabale.model.ConflictEvent;

/** Which of two versions of one event stands: the newer ACLED {@code timestamp}; on a tie, the one stored. */
public final class Versions {

    private Versions() {
    }

    public static ConflictEvent newer(ConflictEvent stored, ConflictEvent incoming) {
        return incoming.timestamp() > stored.timestamp() ? incoming : stored;
    }
}
