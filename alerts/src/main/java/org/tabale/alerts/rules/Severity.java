package org.tabale.alerts.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgent an alert is; maps onto CAP 1.2 severity (Minor, Moderate, Severe, Extreme). */
public enum Severity {
    MINOR, MODERATE, SEVERE, EXTREME;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // No cause: Jackson reports the root cause, and this message is the one a user needs.
            throw new IllegalArgumentException("severity must be minor, moderate, severe or extreme, was '" + text + "'");
        }
    }
}
