package org.tabale.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ACLED's six event types (taxonomy in force since March 2019), with the labels of the
 * pre-2019 taxonomy mapped onto them.
 */
public enum EventType {
    BATTLES("Battles", true),
    EXPLOSIONS_REMOTE_VIOLENCE("Explosions/Remote violence", true),
    VIOLENCE_AGAINST_CIVILIANS("Violence against civilians", true),
    PROTESTS("Protests", false),
    RIOTS("Riots", false),
    STRATEGIC_DEVELOPMENTS("Strategic developments", false);

    private static final Map<String, EventType> LEGACY = Map.of(
            "battle-no change of territory", BATTLES,
            "battle-non-state actor overtakes territory", BATTLES,
            "battle-government regains territory", BATTLES,
            "remote violence", EXPLOSIONS_REMOTE_VIOLENCE,
            "riots/protests", PROTESTS,
            "strategic development", STRATEGIC_DEVELOPMENTS,
            "non-violent transfer of territory", STRATEGIC_DEVELOPMENTS,
            "headquarters or base established", STRATEGIC_DEVELOPMENTS);

    private final String label;
    private final boolean violent;

    EventType(String label, boolean violent) {
        this.label = label;
        this.violent = violent;
    }

    /** ACLED's spelling of the type, also its JSON form. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Counted in {@code violentEvents}: Battles, Explosions/Remote violence, Violence against civilians. */
    public boolean violent() {
        return violent;
    }

    /** Reads ACLED's label (or, from older records, the constant's name). */
    @JsonCreator
    static EventType fromJson(String text) {
        for (EventType type : values()) {
            if (type.name().equals(text)) {
                return type;
            }
        }
        return fromLabel(text, null).orElseThrow(() -> new IllegalArgumentException("unknown event type: " + text));
    }

    /**
     * The type for a label of either taxonomy, case and surrounding space ignored. A legacy
     * "Riots/Protests" row is a riot when its first actor is a rioter (inter1 = 5).
     */
    public static Optional<EventType> fromLabel(String label, String inter1) {
        if (label == null) {
            return Optional.empty();
        }
        String folded = label.trim().toLowerCase(Locale.ROOT);
        for (EventType type : values()) {
            if (type.label.toLowerCase(Locale.ROOT).equals(folded)) {
                return Optional.of(type);
            }
        }
        EventType legacy = LEGACY.get(folded);
        if (legacy == PROTESTS && inter1 != null
                && (inter1.trim().equals("5") || inter1.trim().equalsIgnoreCase("Rioters"))) {
            return Optional.of(RIOTS);
        }
        return Optional.ofNullable(legacy);
    }
}
