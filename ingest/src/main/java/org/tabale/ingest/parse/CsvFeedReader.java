package org.tabale.ingest.parse;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV feed into rows keyed by lower-case column name. Copes with what real exports carry:
 * upper-case headers, legacy column names ({@code ALLY_ACTOR_1}), blank trailing columns, an
 * unnamed R row-index column, and a second header row of HXL hashtags. Refuses the whole body when
 * its header is that of an aggregate table (HDX HAPI) or lacks a required column.
 */
public final class CsvFeedReader {

    private static final Map<String, String> LEGACY_COLUMNS = Map.of(
            "ally_actor_1", "assoc_actor_1",
            "ally_actor_2", "assoc_actor_2");

    private CsvFeedReader() {
    }

    /**
     * The data rows of {@code text}. The header must name every column of {@code required}.
     *
     * @throws FeedFormatException when the text is not CSV with such a header
     */
    public static List<FeedRow> read(String text, Set<String> required) {
        if (text.isBlank()) {
            throw new FeedFormatException("body is empty: expected CSV with a header row");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<FeedRow> rows = new ArrayList<>();
            List<String> header = null;
            long dataRow = 0;
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = header(record, required);
                    continue;
                }
                if (isBlank(record) || isHxlRow(record)) {
                    continue;
                }
                dataRow++;
                Map<String, String> fields = new HashMap<>(header.size() * 2);
                for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
                    if (!header.get(i).isEmpty()) {
                        fields.put(header.get(i), record.get(i));
                    }
                }
                // Re-quoted, so that the dead-lettered original reads back as the same row; only when refused.
                String[] values = record.values();
                rows.add(FeedRow.withOriginal(dataRow, fields, () -> format.format((Object[]) values)));
            }
            if (header == null) {
                throw new FeedFormatException("body has no header row");
            }
            return rows;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new FeedFormatException("body is not valid CSV: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> header(CSVRecord record, Set<String> required) {
        List<String> names = new ArrayList<>();
        for (String raw : record) {
            String name = raw.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
            names.add(LEGACY_COLUMNS.getOrDefault(name, name));
        }
        FeedShapes.refuseAggregates(names);
        List<String> missing = required.stream().filter(c -> !names.contains(c)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new FeedFormatException("not a recognised CSV feed: header lacks " + String.join(", ", missing)
                    + " (first line was: " + abbreviate(String.join(",", record.toList())) + ")"
                    + FeedShapes.hint(names));
        }
        return names;
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static boolean isHxlRow(CSVRecord record) {
        return record.stream().filter(v -> !v.isBlank()).allMatch(v -> v.trim().startsWith("#"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
