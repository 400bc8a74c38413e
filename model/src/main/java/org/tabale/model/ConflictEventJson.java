package org.tabale.model;

import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link ConflictEvent} as JSON by hand, straight to UTF-8 bytes, exactly as Jackson
 * writes the record (ACLED's field names in declaration order, nulls written, ISO date, the event
 * type's label): ingest writes one per accepted row, and Jackson's reflection was a sixth of its
 * work. {@link JsonSerde} uses it for this type; reading stays with Jackson.
 */
final class ConflictEventJson {

    private static final String[] FIELDS = {"event_id_cnty", "event_date", "time_precision", "disorder_type",
        "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
        "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
        "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
        "region_id", "feed"};
    private static final byte[][] NAMES = new byte[FIELDS.length][];

    static {
        for (int i = 0; i < FIELDS.length; i++) {
            NAMES[i] = ((i == 0 ? "{\"" : ",\"") + FIELDS[i] + "\":").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private ConflictEventJson() {
    }

    static byte[] write(ConflictEvent e) {
        JsonBytes out = new JsonBytes();
        int i = 0;
        out.put(NAMES[i++]);
        out.string(e.eventId());
        out.put(NAMES[i++]);
        out.string(e.eventDate() == null ? null : e.eventDate().toString());
        out.put(NAMES[i++]);
        integer(out, e.timePrecision());
        out.put(NAMES[i++]);
        out.string(e.disorderType());
        out.put(NAMES[i++]);
        out.string(e.eventType() == null ? null : e.eventType().label());
        out.put(NAMES[i++]);
        out.string(e.subEventType());
        out.put(NAMES[i++]);
        out.string(e.actor1());
        out.put(NAMES[i++]);
        out.string(e.assocActor1());
        out.put(NAMES[i++]);
        out.string(e.inter1());
        out.put(NAMES[i++]);
        out.string(e.actor2());
        out.put(NAMES[i++]);
        out.string(e.assocActor2());
        out.put(NAMES[i++]);
        out.string(e.inter2());
        out.put(NAMES[i++]);
        out.string(e.interaction());
        out.put(NAMES[i++]);
        if (e.civilianTargeting() == null) {
            out.put(RegionStatsJson.NULL);
        } else {
            out.ascii(e.civilianTargeting() ? "true" : "false");
        }
        out.put(NAMES[i++]);
        integer(out, e.iso());
        out.put(NAMES[i++]);
        out.string(e.acledRegion());
        out.put(NAMES[i++]);
        out.string(e.country());
        out.put(NAMES[i++]);
        out.string(e.admin1());
        out.put(NAMES[i++]);
        out.string(e.admin2());
        out.put(NAMES[i++]);
        out.string(e.admin3());
        out.put(NAMES[i++]);
        out.string(e.location());
        out.put(NAMES[i++]);
        decimal(out, e.latitude());
        out.put(NAMES[i++]);
        decimal(out, e.longitude());
        out.put(NAMES[i++]);
        integer(out, e.geoPrecision());
        out.put(NAMES[i++]);
        out.string(e.source());
        out.put(NAMES[i++]);
        out.string(e.sourceScale());
        out.put(NAMES[i++]);
        out.string(e.notes());
        out.put(NAMES[i++]);
        out.number(e.fatalities());
        out.put(NAMES[i++]);
        out.string(e.tags());
        out.put(NAMES[i++]);
        out.number(e.timestamp());
        out.put(NAMES[i++]);
        out.string(e.regionId());
        out.put(NAMES[i++]);
        out.string(e.feed());
        out.put((byte) '}');
        return out.toByteArray();
    }

    private static void integer(JsonBytes out, Integer value) {
        if (value == null) {
            out.put(RegionStatsJson.NULL);
        } else {
            out.number(value);
        }
    }

    private static void decimal(JsonBytes out, Double value) {
        if (value == null) {
            out.put(RegionStatsJson.NULL);
        } else {
            out.decimal(value);
        }
    }
}
