package org.tabale.streams.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventDeletion;
import org.tabale.model.EventType;
import org.tabale.model.JsonSerde;
import org.tabale.model.Totals;
import org.tabale.streams.topology.CompactSerde.In;
import org.tabale.streams.topology.CompactSerde.Out;
import org.tabale.streams.window.Lethal;

/**
 * The {@link CompactSerde}s of the topology's internal records. Each starts with its own format
 * byte; a change of fields takes a new one (and a reset of the application's internal topics).
 * Community reports and their verifications, rare beside events, keep JSON inside {@link Standing}.
 */
final class InternalSerdes {

    private static final EventType[] EVENT_TYPES = EventType.values();

    static final CompactSerde<DayTotals> DAY_TOTALS = new CompactSerde<>("DayTotals", 6, (value, out) -> {
        out.writeString(value.regionId());
        out.writeString(value.country());
        out.writeString(value.admin1());
        writeTotals(value.totals(), out);
        out.writeVarLong(value.events().size());
        for (Lethal event : value.events()) {
            out.writeString(event.eventId());
            out.writeVarLong(event.fatalities());
        }
    }, in -> {
        String regionId = in.readString();
        String country = in.readString();
        String admin1 = in.readString();
        Totals totals = readTotals(in);
        int count = Math.toIntExact(in.readVarLong());
        List<Lethal> events = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            events.add(new Lethal(in.readString(), in.readVarLong()));
        }
        return new DayTotals(regionId, country, admin1, totals, events);
    });

    static final CompactSerde<Delta> DELTA = new CompactSerde<>("Delta", 7, (value, out) -> {
        Standing.Contribution c = value.contribution();
        out.writeBoolean(value.retract());
        out.writeString(c.id());
        out.writeString(c.regionId());
        out.writeString(c.country());
        out.writeString(c.admin1());
        out.writeDate(c.day());
        writeTotals(c.totals(), out);
    }, in -> {
        boolean retract = in.readBoolean();
        return new Delta(new Standing.Contribution(in.readString(), in.readString(), in.readString(), in.readString(), in.readDate(),
                readTotals(in)), retract);
    });

    static final CompactSerde<SeenRegion> SEEN_REGION = new CompactSerde<>("SeenRegion", 4, (value, out) -> {
        out.writeString(value.country());
        out.writeString(value.admin1());
    }, in -> new SeenRegion(in.readString(), in.readString()));

    private static final int EVENT = 0;
    private static final int DELETION = 1;
    private static final int REPORT_JSON = 2;

    static final CompactSerde<Standing> STANDING = new CompactSerde<>("Standing", 5, (value, out) -> {
        if (value.event() != null) {
            out.writeByte(EVENT);
            writeEvent(value.event(), out);
        } else if (value.deletion() != null) {
            out.writeByte(DELETION);
            out.writeString(value.deletion().eventId());
            out.writeVarLong(value.deletion().deletedTimestamp());
        } else {
            out.writeByte(REPORT_JSON);
            try {
                out.writeString(JsonSerde.MAPPER.writeValueAsString(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }, in -> switch (in.readByte()) {
        case EVENT -> Standing.of(readEvent(in));
        case DELETION -> Standing.of(new EventDeletion(in.readString(), in.readVarLong()));
        case REPORT_JSON -> {
            try {
                yield JsonSerde.MAPPER.readValue(in.readString().getBytes(StandardCharsets.UTF_8), Standing.class);
            } catch (IOException e) {
                throw new IllegalArgumentException("unreadable report: " + e.getMessage(), e);
            }
        }
        default -> throw new IllegalArgumentException("unknown standing kind");
    });

    private InternalSerdes() {
    }

    private static void writeTotals(Totals t, Out out) {
        out.writeVarLong(t.events());
        out.writeVarLong(t.fatalities());
        out.writeVarLong(t.violentEvents());
        out.writeVarLong(t.civilianEvents());
        out.writeVarLong(t.civilianFatalities());
        out.writeVarLong(t.reports());
        out.writeVarLong(t.verifiedReports());
    }

    private static Totals readTotals(In in) {
        return new Totals(in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readVarLong(),
                in.readVarLong(), in.readVarLong());
    }

    private static void writeEvent(ConflictEvent e, Out out) {
        out.writeString(e.eventId());
        out.writeDate(e.eventDate());
        out.writeNullableInt(e.timePrecision());
        out.writeString(e.disorderType());
        out.writeByte(e.eventType().ordinal());
        out.writeString(e.subEventType());
        out.writeString(e.actor1());
        out.writeString(e.assocActor1());
        out.writeString(e.inter1());
        out.writeString(e.actor2());
        out.writeString(e.assocActor2());
        out.writeString(e.inter2());
        out.writeString(e.interaction());
        out.writeNullableBoolean(e.civilianTargeting());
        out.writeNullableInt(e.iso());
        out.writeString(e.acledRegion());
        out.writeString(e.country());
        out.writeString(e.admin1());
        out.writeString(e.admin2());
        out.writeString(e.admin3());
        out.writeString(e.location());
        out.writeNullableDouble(e.latitude());
        out.writeNullableDouble(e.longitude());
        out.writeNullableInt(e.geoPrecision());
        out.writeString(e.source());
        out.writeString(e.sourceScale());
        out.writeString(e.notes());
        out.writeZigZag(e.fatalities());
        out.writeString(e.tags());
        out.writeZigZag(e.timestamp());
        out.writeString(e.regionId());
        out.writeString(e.feed());
    }

    private static ConflictEvent readEvent(In in) {
        return new ConflictEvent(in.readString(), in.readDate(), in.readNullableInt(), in.readString(),
                EVENT_TYPES[in.readByte()], in.readString(), in.readString(), in.readString(), in.readString(),
                in.readString(), in.readString(), in.readString(), in.readString(), in.readNullableBoolean(),
                in.readNullableInt(), in.readString(), in.readString(), in.readString(), in.readString(),
                in.readString(), in.readString(), in.readNullableDouble(), in.readNullableDouble(),
                in.readNullableInt(), in.readString(), in.readString(), in.readString(), in.readInt(),
                in.readString(), in.readZigZag(), in.readString(), in.readString());
    }
}
