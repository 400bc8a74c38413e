package org.tabale.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a community report is confirmed: {@code unverified} until someone checked it,
 * {@code verified} or {@code rejected} after. Written in lower case in JSON and in the API.
 */
public enum VerificationState {
    UNVERIFIED, VERIFIED, REJECTED;

    /** The JSON and API spelling: {@code verified}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state for a label, case and surrounding space ignored. */
    public static Optional<VerificationState> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String folded = label.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(folded)).findFirst();
    }

    /** {@code unverified, verified, rejected}: for error messages. */
    public static String labels() {
        return Arrays.stream(values()).map(VerificationState::label).collect(Collectors.joining(", "));
    }

    @JsonCreator
    static VerificationState fromJson(String label) {
        return fromLabel(label).orElseThrow(() ->
                new IllegalArgumentException("verification state '" + label + "' is not one of " + labels()));
    }
}
