package org.tabale.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The additive metrics, by the names the API and the rules use. */
public enum Metric {
    EVENTS("events"),
    FATALITIES("fatalities"),
    VIOLENT_EVENTS("violentEvents"),
    CIVILIAN_EVENTS("civilianEvents"),
    CIVILIAN_FATALITIES("civilianFatalities"),
    /** Community reports that are not rejected, counted apart from ACLED figures. */
    REPORTS("reports"),
    /** Community reports an officer (or the source) verified. */
    VERIFIED_REPORTS("verifiedReports");

    private final String apiName;

    Metric(String apiName) {
        this.apiName = apiName;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }

    public static Optional<Metric> fromApiName(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName.equalsIgnoreCase(name)).findFirst();
    }

    @JsonCreator
    static Metric parse(String name) {
        // The value quoted: an empty one ("metric: !tag") must still read as a reason.
        return fromApiName(name).orElseThrow(() -> new IllegalArgumentException("metric must be one of "
                + Arrays.stream(values()).map(Metric::apiName).collect(Collectors.joining(", ")) + ", was '" + name + "'"));
    }
}
