package org.tabale.app.bench;

import java.util.List;
import java.util.Map;

/**
 * What one measurement found: its figures for the JSON file (names and units in the keys:
 * {@code eventsPerSecond}, {@code seconds}), a table for the Markdown file, and whether its goal
 * was met.
 *
 * @param id      the measurement's id
 * @param title   a heading for the Markdown file
 * @param figures every figure, JSON-ready (numbers, strings, nested maps)
 * @param header  the table's column names
 * @param rows    the table's rows, already formatted
 * @param goal    the goal in words ({@code pipeline >= 25% of baseline})
 * @param met     whether it was met
 * @param notes   what the reader must know to read the figures right
 */
public record MeasurementResult(String id, String title, Map<String, Object> figures, List<String> header,
                                List<List<String>> rows, String goal, boolean met, List<String> notes) {

    public MeasurementResult {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }
}
