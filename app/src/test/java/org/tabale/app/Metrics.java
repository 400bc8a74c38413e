package org.tabale.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads figures from the app's {@code /metrics} (Prometheus text): the sum of a metric's samples whose labels match. */
final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)$");

    private Metrics() {
    }

    /** The sum of the samples of {@code name} whose label set contains every one of {@code labels} ({@code key="value"}). */
    static double sum(Http http, String name, String... labels) {
        String text = http.get("/metrics", null).body();
        double sum = 0;
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            if (!sample.group(1).equals(name)) {
                continue;
            }
            String set = sample.group(2) == null ? "" : sample.group(2);
            boolean all = true;
            for (String label : labels) {
                all &= set.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }
}
