package org.tabale.streams.topology;

/**
 * Which of two versions of one event stands: the newer ACLED timestamp; on a tie, a deletion
 * beats an event (ACLED deletes after the last change), and otherwise the version stored first
 * stays, so that re-sends change nothing.
 */
public final class Versions {

    private Versions() {
    }

    public static EventVersion newer(EventVersion stored, EventVersion incoming) {
        if (incoming.timestamp() != stored.timestamp()) {
            return incoming.timestamp() > stored.timestamp() ? incoming : stored;
        }
        return !incoming.live() && stored.live() ? incoming : stored;
    }
}
