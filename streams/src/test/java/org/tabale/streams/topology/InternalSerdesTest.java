package org.tabale.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventDeletion;
import org.tabale.model.EventType;
import org.tabale.model.Totals;
import org.tabale.model.VerificationState;
import org.tabale.streams.window.Lethal;

class InternalSerdesTest {

    @Property(tries = 500)
    void shouldReadBackEveryStandingVersion(@ForAll("standings") Standing standing) {
        assertThat(roundTrip(InternalSerdes.STANDING, standing)).isEqualTo(standing);
    }

    @Property(tries = 300)
    void shouldReadBackEveryDelta(@ForAll("contributions") Standing.Contribution contribution, @ForAll boolean retract) {
        Delta delta = new Delta(contribution, retract);
        assertThat(roundTrip(InternalSerdes.DELTA, delta)).isEqualTo(delta);
    }

    @Property(tries = 300)
    void shouldReadBackEveryDayTotals(@ForAll("text") String regionId, @ForAll("text") String country,
                                      @ForAll("text") String admin1, @ForAll("totals") Totals totals,
                                      @ForAll("evidence") List<Lethal> events) {
        DayTotals day = new DayTotals(regionId, country, admin1, totals, events);
        DayTotals back = roundTrip(InternalSerdes.DAY_TOTALS, day);
        assertThat(back).isEqualTo(day);
        assertThat(back.events()).hasSameSizeAs(events).isSortedAccordingTo(Lethal.MOST_FIRST);
    }

    @Property(tries = 200)
    void shouldKeepTheLiveEventsOfADayThroughAddsAndSubtracts(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 15) Integer> ids,
                                                              @ForAll @IntRange(min = 0, max = 1_000) int seed) {
        // Each id in turn is added with new fatalities (its old version subtracted first), or deleted.
        java.util.Random random = new java.util.Random(seed);
        Map<String, Standing.Contribution> live = new HashMap<>();
        DayTotals day = DayTotals.EMPTY;
        for (int id : ids) {
            Standing.Contribution before = live.remove("MLI" + id);
            if (before != null) {
                day = roundTrip(InternalSerdes.DAY_TOTALS, day.subtract(before));
            }
            if (random.nextInt(4) > 0) {
                Standing.Contribution after = new Standing.Contribution("MLI" + id, "MLI.Mopti", "Mali", "Mopti",
                        LocalDate.of(2019, 1, 1), new Totals(1, random.nextInt(5), 1, 0, 0));
                live.put(after.id(), after);
                day = roundTrip(InternalSerdes.DAY_TOTALS, day.add(after));
            }
        }
        day = day.add(new Standing.Contribution("rpt-1", "MLI.Mopti", "Mali", "Mopti", LocalDate.of(2019, 1, 1),
                Totals.ofReport(true)));

        List<Lethal> expected = live.values().stream().map(c -> new Lethal(c.id(), c.totals().fatalities()))
                .sorted(Lethal.MOST_FIRST).toList();
        assertThat(day.events()).as("reports are no evidence").isEqualTo(expected);
        assertThat(day.totals().events()).isEqualTo(expected.size());
    }

    @Property(tries = 100)
    void shouldReadBackEverySeenRegion(@ForAll("text") String country, @ForAll("text") String admin1) {
        SeenRegion region = new SeenRegion(country, admin1);
        assertThat(roundTrip(InternalSerdes.SEEN_REGION, region)).isEqualTo(region);
    }

    @Property(tries = 200)
    void shouldRefuseTruncatedBytesAsASerializationError(@ForAll("standings") Standing standing, @ForAll @IntRange(min = 0, max = 1_000) int cut) {
        byte[] bytes = InternalSerdes.STANDING.serializer().serialize("t", standing);
        byte[] truncated = Arrays.copyOf(bytes, Math.min(cut, bytes.length - 1));
        assertThatThrownBy(() -> InternalSerdes.STANDING.deserializer().deserialize("t", truncated))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldRefuseAnotherRecordsBytes() {
        byte[] delta = InternalSerdes.DELTA.serializer().serialize("t",
                new Delta(new Standing.Contribution("MLI1", "MLI.Mopti", "Mali", "Mopti", LocalDate.of(2019, 1, 1), Totals.ZERO), false));
        assertThatThrownBy(() -> InternalSerdes.DAY_TOTALS.deserializer().deserialize("t", delta))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> InternalSerdes.DAY_TOTALS.deserializer().deserialize("t", "{\"totals\":{}}".getBytes()))
                .isInstanceOf(SerializationException.class);
        assertThat(InternalSerdes.DAY_TOTALS.serializer().serialize("t", null)).isNull();
        assertThat(InternalSerdes.DAY_TOTALS.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldBeSmallerThanJson() {
        Standing standing = Standing.of(Events.attack("MLI1234", "MLI.Mopti", LocalDate.of(2019, 3, 1), 4, 1_600_000_000L));
        byte[] compact = InternalSerdes.STANDING.serializer().serialize("t", standing);
        byte[] json = new org.tabale.model.JsonSerde<>(Standing.class).serializer().serialize("t", standing);
        assertThat(compact.length).isLessThan(json.length / 3);
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40), Arbitraries.strings().alpha().ofMaxLength(8),
                // Any text a UTF-8 body can carry: no lone surrogates, but characters beyond the BMP.
                Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF').ofMaxLength(300),
                Arbitraries.strings().alpha().ofMaxLength(5).map(s -> s + "\uD834\uDD1E\u00E9")).injectNull(0.2);
    }

    private Arbitrary<String> required() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<Totals> totals() {
        Arbitrary<Long> count = Arbitraries.oneOf(Arbitraries.longs().between(0, 200), Arbitraries.longs().between(0, Long.MAX_VALUE));
        return Combinators.combine(count, count, count, count, count, count, count)
                .as((a, b, c, d, e, f, g) -> new Totals(a, b, c, d, e, f, g));
    }

    private Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(-800_000, 2_900_000).map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<Standing.Contribution> contributions() {
        return Combinators.combine(text(), text(), text(), text(), dates(), totals()).as(Standing.Contribution::new);
    }

    @Provide
    Arbitrary<List<Lethal>> evidence() {
        Arbitrary<Lethal> event = Combinators.combine(required(),
                Arbitraries.oneOf(Arbitraries.longs().between(0, 50), Arbitraries.longs().between(0, Long.MAX_VALUE)))
                .as(Lethal::new);
        return event.list().ofMaxSize(30).uniqueElements(Lethal::eventId);
    }

    private Arbitrary<ConflictEvent> events() {
        Arbitrary<Integer> ints = Arbitraries.integers().injectNull(0.3);
        Arbitrary<Boolean> flags = Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.3);
        Arbitrary<Double> latitudes = Arbitraries.doubles().between(-90, 90).injectNull(0.3);
        Arbitrary<Double> longitudes = Arbitraries.doubles().between(-180, 180).injectNull(0.3);
        Arbitrary<Object[]> head = Combinators.combine(required(), dates(), ints, text(), Arbitraries.of(EventType.class),
                text(), text(), text()).as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
        Arbitrary<Object[]> middle = Combinators.combine(text(), text(), text(), text(), text(), flags, ints, text())
                .as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
        Arbitrary<Object[]> place = Combinators.combine(required(), text(), text(), text(), text(), latitudes, longitudes, ints)
                .as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
        Arbitrary<Object[]> tail = Combinators.combine(text(), text(), text(), Arbitraries.integers().between(0, Integer.MAX_VALUE),
                text(), Arbitraries.longs(), required(), text())
                .as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
        return Combinators.combine(head, middle, place, tail).as((h, m, p, t) -> new ConflictEvent(
                (String) h[0], (LocalDate) h[1], (Integer) h[2], (String) h[3], (EventType) h[4], (String) h[5], (String) h[6],
                (String) h[7], (String) m[0], (String) m[1], (String) m[2], (String) m[3], (String) m[4], (Boolean) m[5],
                (Integer) m[6], (String) m[7], (String) p[0], (String) p[1], (String) p[2], (String) p[3], (String) p[4],
                (Double) p[5], (Double) p[6], (Integer) p[7], (String) t[0], (String) t[1], (String) t[2], (Integer) t[3],
                (String) t[4], (Long) t[5], (String) t[6], (String) t[7]));
    }

    @Provide
    Arbitrary<Standing> standings() {
        Arbitrary<Standing> deletions = Combinators.combine(required(), Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as((id, at) -> Standing.of(new EventDeletion(id, at)));
        Arbitrary<String> reportIds = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32).map(hex -> "rpt-" + hex);
        Arbitrary<Standing> reports = Combinators.combine(reportIds, dates(), Arbitraries.of(VerificationState.class),
                Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(0, 3))
                .as((id, day, state, second, shape) -> {
                    var report = Events.report(id, "MLI.Mopti", day);
                    var verification = new org.tabale.model.ReportVerification(id, state, "officer",
                            Instant.parse("2020-01-01T00:00:00Z").plusSeconds(second), shape == 0 ? null : "note");
                    return switch (shape) {
                        case 0 -> Standing.of(report);
                        case 1 -> Standing.of(verification);
                        default -> new Standing(null, null, report, verification);
                    };
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, events().map(Standing::of)), net.jqwik.api.Tuple.of(2, deletions),
                net.jqwik.api.Tuple.of(1, reports));
    }
}
