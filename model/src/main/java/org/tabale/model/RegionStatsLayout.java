package org.tabale.model;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link RegionStats} from exactly the bytes {@link RegionStatsJson} writes (its field
 * order, no whitespace, strings without escapes, figures of at most 15 digits without exponent),
 * with a {@link JsonCursor}; anything else, down to one extra space, answers {@code null} and
 * {@link RegionStatsReader} reads it with Jackson's parser instead. The alert service reads every
 * record of the region-stats topic, and Jackson's tokenising of their field names and numbers was
 * three quarters of its thread (JFR, 1,000,000-row replay).
 */
final class RegionStatsLayout {

    private static final byte[] REGION_ID = ascii("{\"regionId\":");
    private static final byte[] COUNTRY = ascii(",\"country\":");
    private static final byte[] ADMIN1 = ascii(",\"admin1\":");
    private static final byte[] DATE = ascii(",\"date\":\"");
    private static final byte[] WINDOWS = ascii("\",\"windows\":");
    private static final byte[] BASELINES = ascii(",\"baselines\":");
    private static final byte[] MEAN = ascii("{\"mean\":");
    private static final byte[] SPREAD = ascii(",\"spread\":");
    private static final byte[] HIGHS = ascii(",\"highs\":");
    private static final byte[] YEAR = ascii("{\"year\":");
    private static final byte[] THREE_YEARS = ascii(",\"threeYears\":");
    private static final byte[] EVIDENCE = ascii(",\"evidence\":");

    private interface Part<T> {
        T read();
    }

    private final JsonCursor in;

    private RegionStatsLayout(byte[] json) {
        this.in = new JsonCursor(json);
    }

    /** The record, or null when the bytes are not in the writer's layout. */
    static RegionStats read(byte[] json) {
        try {
            return new RegionStatsLayout(json).stats();
        } catch (JsonCursor.Elsewhere | DateTimeException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private RegionStats stats() {
        in.expect(REGION_ID);
        String regionId = in.string();
        in.expect(COUNTRY);
        String country = in.string();
        in.expect(ADMIN1);
        String admin1 = in.string();
        in.expect(DATE);
        LocalDate date = in.date();
        in.expect(WINDOWS);
        Map<Integer, Totals> windows = byWindow(this::totals);
        in.expect(BASELINES);
        Map<Integer, Baseline> baselines = byWindow(this::baseline);
        in.expect(HIGHS);
        Highs highs = null;
        if (!in.nullHere()) {
            in.expect(YEAR);
            Totals year = totals();
            in.expect(THREE_YEARS);
            Totals threeYears = totals();
            in.expect((byte) '}');
            highs = new Highs(year, threeYears);
        }
        in.expect(EVIDENCE);
        Map<Integer, List<String>> evidence = byWindow(this::ids);
        in.expect((byte) '}');
        in.expectEnd();
        return new RegionStats(regionId, country, admin1, date, windows, baselines, highs, evidence);
    }

    private <T> Map<Integer, T> byWindow(Part<T> part) {
        in.expect((byte) '{');
        Map<Integer, T> result = new HashMap<>(8);
        if (in.take((byte) '}')) {
            return result;
        }
        do {
            in.expect((byte) '"');
            int window = (int) in.whole(false);
            in.expect((byte) '"');
            in.expect((byte) ':');
            if (result.put(window, part.read()) != null) {
                throw JsonCursor.Elsewhere.INSTANCE;
            }
        } while (!in.closes((byte) '}'));
        return result;
    }

    private Totals totals() {
        long[] v = new long[7];
        for (int m = 0; m < 7; m++) {
            in.expect(RegionStatsJson.TOTALS[m]);
            v[m] = in.whole(true);
        }
        Totals totals = new Totals(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        in.expect(totals.isZero() ? RegionStatsJson.ZERO_TRUE : RegionStatsJson.ZERO_FALSE);
        return totals;
    }

    private Baseline baseline() {
        in.expect(MEAN);
        Figures mean = figures();
        in.expect(SPREAD);
        Figures spread = figures();
        in.expect((byte) '}');
        return new Baseline(mean, spread);
    }

    private Figures figures() {
        double[] v = new double[7];
        for (int m = 0; m < 7; m++) {
            in.expect(RegionStatsJson.TOTALS[m]);
            v[m] = in.decimal();
        }
        in.expect((byte) '}');
        return new Figures(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private List<String> ids() {
        in.expect((byte) '[');
        List<String> ids = new ArrayList<>();
        if (in.take((byte) ']')) {
            return ids;
        }
        do {
            String id = in.string();
            if (id == null) {
                throw JsonCursor.Elsewhere.INSTANCE;
            }
            ids.add(id);
        } while (!in.closes((byte) ']'));
        return ids;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
