package org.tabale.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link RegionStats} from its JSON with Jackson's streaming parser instead of its
 * data binding: the alert service reads every record of the region-stats topic, and binding the
 * nested records through their constructors was most of its thread's work (JFR). Accepts what
 * Jackson's binding accepts of these records: fields in any order, unknown fields skipped,
 * {@code null} for absent parts, numbers as JSON numbers or strings ({@code "NaN"}). What it
 * cannot read it refuses with an {@link IOException} naming the field. Records in exactly the layout
 * {@link RegionStatsJson} writes are read without Jackson ({@link RegionStatsLayout}), several times
 * faster.
 */
final class RegionStatsReader {

    private RegionStatsReader() {
    }

    /** The record: by {@link RegionStatsLayout} when the bytes are as Tabalé writes them, else by Jackson's parser. */
    static RegionStats read(byte[] json) throws IOException {
        RegionStats written = RegionStatsLayout.read(json);
        return written != null ? written : parse(json);
    }

    /** The record, read with Jackson's streaming parser. */
    static RegionStats parse(byte[] json) throws IOException {
        try (JsonParser in = JsonSerde.MAPPER.getFactory().createParser(json)) {
            expect(in, in.nextToken(), JsonToken.START_OBJECT, "region stats");
            String regionId = null;
            String country = null;
            String admin1 = null;
            LocalDate date = null;
            Map<Integer, Totals> windows = Map.of();
            Map<Integer, Baseline> baselines = Map.of();
            Highs highs = null;
            Map<Integer, List<String>> evidence = Map.of();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                switch (field) {
                    case "regionId" -> regionId = text(in, value);
                    case "country" -> country = text(in, value);
                    case "admin1" -> admin1 = text(in, value);
                    case "date" -> {
                        String text = text(in, value);
                        date = text == null ? null : LocalDate.parse(text);
                    }
                    case "windows" -> windows = byWindow(in, value, RegionStatsReader::totals);
                    case "baselines" -> baselines = byWindow(in, value, RegionStatsReader::baseline);
                    case "highs" -> highs = highs(in, value);
                    case "evidence" -> evidence = byWindow(in, value, RegionStatsReader::ids);
                    default -> in.skipChildren();
                }
            }
            expect(in, in.currentToken(), JsonToken.END_OBJECT, "region stats");
            return new RegionStats(regionId, country, admin1, date, windows, baselines, highs, evidence);
        } catch (RuntimeException e) {
            throw new IOException("unreadable region stats: " + e.getMessage(), e);
        }
    }

    private interface Part<T> {
        T read(JsonParser in, JsonToken first) throws IOException;
    }

    private static <T> Map<Integer, T> byWindow(JsonParser in, JsonToken first, Part<T> part) throws IOException {
        if (first == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(in, first, JsonToken.START_OBJECT, "a map by window");
        Map<Integer, T> result = new HashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            int window = Integer.parseInt(in.currentName().trim());
            result.put(window, part.read(in, in.nextToken()));
        }
        return result;
    }

    /** Sets the figure of the metric at {@code index} from the parser's current value. */
    private interface MetricValue {
        void set(int index, JsonParser in, JsonToken value) throws IOException;
    }

    /** Reads an object of the seven metrics ({@code "zero"} and unknown fields skipped); false for JSON null. */
    private static boolean metrics(JsonParser in, JsonToken first, String what, MetricValue set) throws IOException {
        if (first == JsonToken.VALUE_NULL) {
            return false;
        }
        expect(in, first, JsonToken.START_OBJECT, what);
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            int index = metric(in.currentName());
            JsonToken value = in.nextToken();
            if (index < 0) {
                in.skipChildren();
            } else {
                set.set(index, in, value);
            }
        }
        return true;
    }

    private static Totals totals(JsonParser in, JsonToken first) throws IOException {
        long[] v = new long[7];
        return metrics(in, first, "totals", (i, p, token) -> v[i] = token == JsonToken.VALUE_STRING
                ? Long.parseLong(p.getText().trim()) : p.getValueAsLong())
                ? new Totals(v[0], v[1], v[2], v[3], v[4], v[5], v[6]) : null;
    }

    private static Figures figures(JsonParser in, JsonToken first) throws IOException {
        double[] v = new double[7];
        return metrics(in, first, "figures", (i, p, token) -> v[i] = token == JsonToken.VALUE_STRING
                ? Double.parseDouble(p.getText().trim()) : p.getDoubleValue())
                ? new Figures(v[0], v[1], v[2], v[3], v[4], v[5], v[6]) : null;
    }

    private static Baseline baseline(JsonParser in, JsonToken first) throws IOException {
        if (first == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(in, first, JsonToken.START_OBJECT, "baseline");
        Figures mean = null;
        Figures spread = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            switch (field) {
                case "mean" -> mean = figures(in, value);
                case "spread" -> spread = figures(in, value);
                default -> in.skipChildren();
            }
        }
        return new Baseline(mean, spread);
    }

    private static Highs highs(JsonParser in, JsonToken first) throws IOException {
        if (first == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(in, first, JsonToken.START_OBJECT, "highs");
        Totals year = null;
        Totals threeYears = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            switch (field) {
                case "year" -> year = totals(in, value);
                case "threeYears" -> threeYears = totals(in, value);
                default -> in.skipChildren();
            }
        }
        return new Highs(year, threeYears);
    }

    private static List<String> ids(JsonParser in, JsonToken first) throws IOException {
        if (first == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(in, first, JsonToken.START_ARRAY, "evidence");
        List<String> ids = new ArrayList<>();
        for (JsonToken token = in.nextToken(); token != JsonToken.END_ARRAY; token = in.nextToken()) {
            ids.add(text(in, token));
        }
        return ids;
    }

    /** The index of a metric's field in {@link Totals} and {@link Figures} order, or -1 ({@code "zero"}, unknown). */
    private static int metric(String name) {
        return switch (name) {
            case "events" -> 0;
            case "fatalities" -> 1;
            case "violentEvents" -> 2;
            case "civilianEvents" -> 3;
            case "civilianFatalities" -> 4;
            case "reports" -> 5;
            case "verifiedReports" -> 6;
            default -> -1;
        };
    }

    private static String text(JsonParser in, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            throw new IOException("expected text at " + in.currentName() + ", found " + token);
        }
        return in.getText();
    }

    private static void expect(JsonParser in, JsonToken found, JsonToken wanted, String what) throws IOException {
        if (found != wanted) {
            throw new IOException("expected " + what + " (" + wanted + ") at " + in.currentLocation() + ", found " + found);
        }
    }
}
