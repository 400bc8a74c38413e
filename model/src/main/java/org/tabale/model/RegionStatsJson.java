package org.tabale.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes a {@link RegionStats} as JSON by hand, straight to UTF-8 bytes: the shape Jackson gives
 * the records (field names and order, {@code "zero"} of {@link Totals}, ISO date,
 * {@code "highs": null} when absent, {@code "evidence"} last), with the windows in ascending
 * order, and without reflection, boxing or floating-point formatting: figures are rounded to four
 * decimals ({@link Figures}), so most print exactly as {@link Double#toString} prints them from
 * their scaled whole value. The region-stats topic carries several of these records per changed
 * day, which made their JSON the bulk of the stream thread's work. {@link JsonSerde} uses
 * {@link #write} for this type; Jackson (the API) goes through this serializer.
 */
final class RegionStatsJson extends StdSerializer<RegionStats> {

    private static final byte[] REGION_ID = ascii("{\"regionId\":");
    private static final byte[] COUNTRY = ascii(",\"country\":");
    private static final byte[] ADMIN1 = ascii(",\"admin1\":");
    private static final byte[] DATE = ascii(",\"date\":\"");
    private static final byte[] WINDOWS = ascii("\",\"windows\":{");
    private static final byte[] BASELINES = ascii("},\"baselines\":{");
    private static final byte[] MEAN = ascii("{\"mean\":");
    private static final byte[] SPREAD = ascii(",\"spread\":");
    private static final byte[] HIGHS = ascii("},\"highs\":");
    private static final byte[] YEAR = ascii("{\"year\":");
    private static final byte[] THREE_YEARS = ascii(",\"threeYears\":");
    private static final byte[] EVIDENCE = ascii(",\"evidence\":{");
    static final byte[] NULL = ascii("null");
    static final byte[] ZERO = ascii("0.0");
    static final byte[][] TOTALS = names("{\"events\":", ",\"fatalities\":", ",\"violentEvents\":",
            ",\"civilianEvents\":", ",\"civilianFatalities\":", ",\"reports\":", ",\"verifiedReports\":");
    static final byte[] ZERO_TRUE = ascii(",\"zero\":true}");
    static final byte[] ZERO_FALSE = ascii(",\"zero\":false}");

    RegionStatsJson() {
        super(RegionStats.class);
    }

    @Override
    public void serialize(RegionStats stats, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeRawValue(new String(write(stats), StandardCharsets.UTF_8));
    }

    /** The JSON of {@code stats} in UTF-8. */
    static byte[] write(RegionStats stats) {
        JsonBytes out = new JsonBytes();
        out.put(REGION_ID);
        out.string(stats.regionId());
        out.put(COUNTRY);
        out.string(stats.country());
        out.put(ADMIN1);
        out.string(stats.admin1());
        out.put(DATE);
        out.ascii(stats.date().toString());
        out.put(WINDOWS);
        boolean first = true;
        for (int window : sortedKeys(stats.windows())) {
            out.key(window, first);
            first = false;
            out.totals(stats.windows().get(window));
        }
        out.put(BASELINES);
        first = true;
        for (int window : sortedKeys(stats.baselines())) {
            Baseline baseline = stats.baselines().get(window);
            out.key(window, first);
            first = false;
            out.put(MEAN);
            out.figures(baseline.mean());
            out.put(SPREAD);
            out.figures(baseline.spread());
            out.put((byte) '}');
        }
        out.put(HIGHS);
        Highs highs = stats.highs();
        if (highs == null) {
            out.put(NULL);
        } else {
            out.put(YEAR);
            out.totals(highs.year());
            out.put(THREE_YEARS);
            out.totals(highs.threeYears());
            out.put((byte) '}');
        }
        out.put(EVIDENCE);
        first = true;
        for (int window : sortedKeys(stats.evidence())) {
            out.key(window, first);
            first = false;
            out.put((byte) '[');
            boolean firstId = true;
            for (String id : stats.evidence().get(window)) {
                if (!firstId) {
                    out.put((byte) ',');
                }
                firstId = false;
                out.string(id);
            }
            out.put((byte) ']');
        }
        out.put((byte) '}');
        out.put((byte) '}');
        return out.toByteArray();
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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] names(String... names) {
        byte[][] result = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            result[i] = ascii(names[i]);
        }
        return result;
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
