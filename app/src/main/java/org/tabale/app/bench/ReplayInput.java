package org.tabale.app.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tabale.app.demo.SyntheticAcled;
import org.tabale.model.Gazetteer;

/**
 * The generated rows, materialised before anything is timed: cut into submissions of
 * {@code batch} rows in publication order, each an ACLED CSV body of its event rows and a CSV
 * body of its deletions (as an integrator would POST them to {@code /api/v1/events} and
 * {@code /api/v1/events/deletions}), plus what a batch recomputation says the statistics must
 * hold at the end.
 *
 * @param batches  the submissions, in order
 * @param counts   what the input holds
 */
public record ReplayInput(List<Batch> batches, Counts counts) {

    /** One submission: event rows (CSV with header), then deletions (CSV with header, or null when none). */
    public record Batch(byte[] events, int eventRows, byte[] deletions, int deletionRows) {
    }

    /**
     * @param rows            input rows of every kind (the unit of the events/s figures)
     * @param eventRows       rows of the events path (first versions, monadic repeats, revisions)
     * @param duplicateRows   monadic repeats
     * @param revisionRows    later versions
     * @param deletionRows    rows of the deletions path
     * @param distinctEvents  distinct event ids
     * @param liveEvents      distinct events not deleted: what the statistics count
     * @param liveFatalities  fatalities of the newest version of every live event
     */
    public record Counts(long rows, long eventRows, long duplicateRows, long revisionRows, long deletionRows,
                         long distinctEvents, long liveEvents, long liveFatalities, int regions, int countries,
                         String firstDay, String lastDay, long seed) {
    }

    static final String DELETIONS_HEADER = "event_id_cnty,deleted_timestamp";

    /** Generates {@code rows} rows from {@code seed} and cuts them into submissions of {@code batch} rows. */
    public static ReplayInput generate(long seed, long rows, int batch, Gazetteer gazetteer) {
        Builder builder = new Builder(batch);
        GlobalAcled.generate(seed, rows, gazetteer, builder::add);
        return builder.build(seed);
    }

    private static final class Builder {
        private final int batch;
        private final List<Batch> batches = new ArrayList<>();
        /** Per event id: {timestamp of the newest version, its fatalities, 1 when deleted}. */
        private final Map<String, long[]> standing = new HashMap<>();
        private final long[] kinds = new long[GlobalAcled.Kind.values().length];
        private StringBuilder events = new StringBuilder(SyntheticAcled.HEADER).append('\n');
        private StringBuilder deletions = new StringBuilder(DELETIONS_HEADER).append('\n');
        private int eventRows;
        private int deletionRows;

        Builder(int batch) {
            this.batch = batch;
        }

        void add(GlobalAcled.Row row) {
            kinds[row.kind().ordinal()]++;
            if (row.kind() == GlobalAcled.Kind.DELETION) {
                deletions.append(row.csv()).append('\n');
                deletionRows++;
                standing.get(row.eventId())[2] = 1;
            } else {
                events.append(row.csv()).append('\n');
                eventRows++;
                long[] version = standing.computeIfAbsent(row.eventId(), id -> new long[] {Long.MIN_VALUE, 0, 0});
                if (row.published() > version[0]) {
                    version[0] = row.published();
                    version[1] = row.fatalities();
                }
            }
            if (eventRows + deletionRows == batch) {
                cut();
            }
        }

        private void cut() {
            if (eventRows + deletionRows == 0) {
                return;
            }
            batches.add(new Batch(events.toString().getBytes(StandardCharsets.UTF_8), eventRows,
                    deletionRows == 0 ? null : deletions.toString().getBytes(StandardCharsets.UTF_8), deletionRows));
            events = new StringBuilder(SyntheticAcled.HEADER).append('\n');
            deletions = new StringBuilder(DELETIONS_HEADER).append('\n');
            eventRows = 0;
            deletionRows = 0;
        }

        ReplayInput build(long seed) {
            cut();
            long live = 0;
            long fatalities = 0;
            for (long[] version : standing.values()) {
                if (version[2] == 0) {
                    live++;
                    fatalities += version[1];
                }
            }
            long deletion = kinds[GlobalAcled.Kind.DELETION.ordinal()];
            long all = java.util.Arrays.stream(kinds).sum();
            return new ReplayInput(List.copyOf(batches), new Counts(all, all - deletion,
                    kinds[GlobalAcled.Kind.DUPLICATE.ordinal()], kinds[GlobalAcled.Kind.REVISION.ordinal()], deletion,
                    standing.size(), live, fatalities, GlobalAcled.regions(), GlobalAcled.COUNTRIES,
                    GlobalAcled.FIRST_DAY.toString(), GlobalAcled.LAST_DAY.toString(), seed));
        }
    }
}
