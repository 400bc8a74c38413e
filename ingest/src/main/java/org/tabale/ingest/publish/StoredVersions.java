package org.tabale.ingest.publish;

/**
 * What the ingest side knows of the versions already stored, so that it can tell an integrator
 * which rows were new, repeats or older than what Tabalé holds. A version is ranked as the
 * statistics rank it: by ACLED timestamp, a deletion above an event of the same second
 * ({@link #rank}).
 */
public interface StoredVersions {

    /** Nothing stored is known: every version counts as new. */
    StoredVersions NONE = new StoredVersions() {
        @Override
        public long standing(String eventId) {
            return -1;
        }

        @Override
        public void stored(String eventId, long rank) {
        }
    };

    /** The rank of the standing version of an event id, or -1 when none is known. */
    long standing(String eventId);

    /** Records a version this process has just stored. */
    void stored(String eventId, long rank);

    static long rank(long timestamp, boolean deletion) {
        return timestamp * 2 + (deletion ? 1 : 0);
    }
}
