package org.tabale.app.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tabale.ingest.parse.CsvFeedReader;
import org.tabale.ingest.parse.Feed;
import org.tabale.ingest.parse.FeedFormatException;
import org.tabale.ingest.parse.FeedRow;
import org.tabale.ingest.parse.RowMapper;
import org.tabale.ingest.parse.RowOutcome;
import org.tabale.ingest.parse.TextDecoder;
import org.tabale.model.ConflictEvent;
import org.tabale.model.Gazetteer;

/**
 * Reads event files straight from disk, with the ingest module's parsers (any ACLED dialect and
 * encoding, or UCDP GED), and keeps what the events table would: of several versions of one
 * {@code event_id_cnty} the newest ACLED {@code timestamp} wins, repeats of a version (monadic
 * exports) count once. No Kafka.
 */
public final class FeedFiles {

    /** What reading gave: the live events, and what was left out. */
    public record Read(List<ConflictEvent> events, long rows, long refused, long repeated, List<String> problems) {
    }

    private FeedFiles() {
    }

    public static Read read(List<Path> files, Feed feed, Gazetteer gazetteer) throws IOException {
        RowMapper mapper = feed.mapper(gazetteer);
        Map<String, ConflictEvent> newest = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        long rows = 0;
        long refused = 0;
        long repeated = 0;
        for (Path file : files) {
            List<FeedRow> feedRows;
            try {
                feedRows = CsvFeedReader.read(TextDecoder.decode(Files.readAllBytes(file)), feed.requiredColumns());
            } catch (FeedFormatException e) {
                problems.add(file + ": not read: " + e.getMessage());
                continue;
            }
            long refusedHere = 0;
            String firstReason = null;
            for (FeedRow row : feedRows) {
                rows++;
                RowOutcome outcome = mapper.map(row);
                if (outcome instanceof RowOutcome.Refused refusal) {
                    refusedHere++;
                    firstReason = firstReason == null ? "row " + row.row() + ": " + refusal.reason() : firstReason;
                    continue;
                }
                ConflictEvent event = ((RowOutcome.Accepted) outcome).event();
                ConflictEvent earlier = newest.get(event.eventId());
                if (earlier != null) {
                    repeated++;
                }
                if (earlier == null || event.timestamp() > earlier.timestamp()) {
                    newest.put(event.eventId(), event);
                }
            }
            if (refusedHere > 0) {
                problems.add(file + ": " + refusedHere + " of " + feedRows.size() + " rows refused (first: " + firstReason + ")");
            }
            refused += refusedHere;
        }
        return new Read(List.copyOf(newest.values()), rows, refused, repeated, List.copyOf(problems));
    }
}
