package org.tabale.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes a {@link RegionStats} as JSON by hand: the shape Jackson gives the records (field names
 * and order, {@code "zero"} of {@link Totals}, ISO date, {@code "highs": null} when absent), with
 * the windows in ascending order, and without reflection or boxing. Figures are rounded to four
 * decimals ({@link Figures}), so most print exactly as {@link Double#toString} prints them, from
 * their scaled whole value, with no floating-point formatting. The region-stats topic carries
 * several of these per changed day, which made this the bulk of the stream thread's work.
 */
final class RegionStatsJson extends StdSerializer<RegionStats> {

    RegionStatsJson() {
        super(RegionStats.class);
    }

    @Override
    public void serialize(RegionStats stats, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("regionId", stats.regionId());
        gen.writeStringField("country", stats.country());
        gen.writeStringField("admin1", stats.admin1());
        gen.writeStringField("date", stats.date().toString());
        gen.writeFieldName("windows");
        gen.writeStartObject();
        for (int window : sortedKeys(stats.windows())) {
            gen.writeFieldName(Integer.toString(window));
            writeTotals(gen, stats.windows().get(window));
        }
        gen.writeEndObject();
        gen.writeFieldName("baselines");
        gen.writeStartObject();
        for (int window : sortedKeys(stats.baselines())) {
            Baseline baseline = stats.baselines().get(window);
            gen.writeFieldName(Integer.toString(window));
            gen.writeStartObject();
            gen.writeFieldName("mean");
            writeFigures(gen, baseline.mean());
            gen.writeFieldName("spread");
            writeFigures(gen, baseline.spread());
            gen.writeEndObject();
        }
        gen.writeEndObject();
        gen.writeFieldName("highs");
        Highs highs = stats.highs();
        if (highs == null) {
            gen.writeNull();
        } else {
            gen.writeStartObject();
            gen.writeFieldName("year");
            writeTotals(gen, highs.year());
            gen.writeFieldName("threeYears");
            writeTotals(gen, highs.threeYears());
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    private static int[] sortedKeys(Map<Integer, ?> map) {
        int[] keys = new int[map.size()];
        int i = 0;
        for (Integer key : map.keySet()) {
            keys[i++] = key;
        }
        Arrays.sort(keys);
        return keys;
    }

    private static void writeTotals(JsonGenerator gen, Totals totals) throws IOException {
        if (totals == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        gen.writeNumberField("events", totals.events());
        gen.writeNumberField("fatalities", totals.fatalities());
        gen.writeNumberField("violentEvents", totals.violentEvents());
        gen.writeNumberField("civilianEvents", totals.civilianEvents());
        gen.writeNumberField("civilianFatalities", totals.civilianFatalities());
        gen.writeNumberField("reports", totals.reports());
        gen.writeNumberField("verifiedReports", totals.verifiedReports());
        gen.writeBooleanField("zero", totals.isZero());
        gen.writeEndObject();
    }

    private static void writeFigures(JsonGenerator gen, Figures figures) throws IOException {
        if (figures == null) {
            gen.writeNull();
            return;
        }
        char[] buffer = new char[24];
        gen.writeStartObject();
        writeFigure(gen, "events", figures.events(), buffer);
        writeFigure(gen, "fatalities", figures.fatalities(), buffer);
        writeFigure(gen, "violentEvents", figures.violentEvents(), buffer);
        writeFigure(gen, "civilianEvents", figures.civilianEvents(), buffer);
        writeFigure(gen, "civilianFatalities", figures.civilianFatalities(), buffer);
        writeFigure(gen, "reports", figures.reports(), buffer);
        writeFigure(gen, "verifiedReports", figures.verifiedReports(), buffer);
        gen.writeEndObject();
    }

    private static void writeFigure(JsonGenerator gen, String name, double value, char[] buffer) throws IOException {
        gen.writeFieldName(name);
        int length = fourDecimals(value, buffer);
        if (length < 0) {
            gen.writeNumber(value);
        } else {
            gen.writeNumber(buffer, 0, length);
        }
    }

    /**
     * Writes {@code value} into {@code buffer} as {@link Double#toString} would when it has at most
     * four decimals and lies where that method prints no exponent (0 or 10<sup>-3</sup> up to
     * 10<sup>7</sup>); returns the length, or -1 for any other value.
     */
    static int fourDecimals(double value, char[] buffer) {
        if (!(value == 0 || value >= 1e-3 && value < 1e7) || Double.doubleToRawLongBits(value) == Long.MIN_VALUE) {
            return -1;
        }
        long scaled = Math.round(value * 10_000d);
        if (scaled / 10_000d != value) {
            return -1;
        }
        long whole = scaled / 10_000;
        int fraction = (int) (scaled % 10_000);
        String digits = Long.toString(whole);
        int at = 0;
        for (int i = 0; i < digits.length(); i++) {
            buffer[at++] = digits.charAt(i);
        }
        buffer[at++] = '.';
        int divisor = 1_000;
        do {
            buffer[at++] = (char) ('0' + fraction / divisor);
            fraction %= divisor;
            divisor /= 10;
        } while (fraction != 0 && divisor > 0);
        return at;
    }
}
