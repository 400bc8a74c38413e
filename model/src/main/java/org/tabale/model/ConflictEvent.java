package org.tabale.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One violent-event record in canonical form, whatever feed it came from. Field names in JSON
 * follow ACLED's columns so that an integrator recognises them; {@code region_id} and
 * {@code feed} are ours.
 *
 * <p>{@code civilianTargeting} is {@code null} when the feed has no such column (pre-2022 ACLED,
 * UCDP): then "Violence against civilians" stands in for it, as DESIGN.md defines.
 */
public record ConflictEvent(
        @JsonProperty("event_id_cnty") String eventId,
        @JsonProperty("event_date") LocalDate eventDate,
        @JsonProperty("time_precision") Integer timePrecision,
        @JsonProperty("disorder_type") String disorderType,
        @JsonProperty("event_type") EventType eventType,
        @JsonProperty("sub_event_type") String subEventType,
        @JsonProperty("actor1") String actor1,
        @JsonProperty("assoc_actor_1") String assocActor1,
        @JsonProperty("inter1") String inter1,
        @JsonProperty("actor2") String actor2,
        @JsonProperty("assoc_actor_2") String assocActor2,
        @JsonProperty("inter2") String inter2,
        @JsonProperty("interaction") String interaction,
        @JsonProperty("civilian_targeting") Boolean civilianTargeting,
        @JsonProperty("iso") Integer iso,
        @JsonProperty("region") String acledRegion,
        @JsonProperty("country") String country,
        @JsonProperty("admin1") String admin1,
        @JsonProperty("admin2") String admin2,
        @JsonProperty("admin3") String admin3,
        @JsonProperty("location") String location,
        @JsonProperty("latitude") Double latitude,
        @JsonProperty("longitude") Double longitude,
        @JsonProperty("geo_precision") Integer geoPrecision,
        @JsonProperty("source") String source,
        @JsonProperty("source_scale") String sourceScale,
        @JsonProperty("notes") String notes,
        @JsonProperty("fatalities") int fatalities,
        @JsonProperty("tags") String tags,
        @JsonProperty("timestamp") long timestamp,
        @JsonProperty("region_id") String regionId,
        @JsonProperty("feed") String feed) {

    public ConflictEvent {
        requireText(eventId, "event_id_cnty");
        Objects.requireNonNull(eventDate, "event_date is required");
        Objects.requireNonNull(eventType, "event_type is required");
        requireText(country, "country");
        requireText(regionId, "region_id");
        if (fatalities < 0) {
            throw new IllegalArgumentException("fatalities must be >= 0, was " + fatalities);
        }
        if (latitude != null && (latitude < -90 || latitude > 90)) {
            throw new IllegalArgumentException("latitude out of range: " + latitude);
        }
        if (longitude != null && (longitude < -180 || longitude > 180)) {
            throw new IllegalArgumentException("longitude out of range: " + longitude);
        }
    }

    /** Battles, Explosions/Remote violence or Violence against civilians. */
    @JsonIgnore
    public boolean violent() {
        return eventType.violent();
    }

    /** Civilians were the primary target (ACLED's flag, or the event type where the flag is absent). */
    @JsonIgnore
    public boolean targetsCivilians() {
        return civilianTargeting != null
                ? civilianTargeting
                : eventType == EventType.VIOLENCE_AGAINST_CIVILIANS;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
