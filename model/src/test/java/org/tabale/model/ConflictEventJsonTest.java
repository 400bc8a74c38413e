package org.tabale.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ConflictEventJsonTest {

    @Property(tries = 1_000)
    void shouldWriteExactlyWhatJacksonWrites(@ForAll("events") ConflictEvent event) throws Exception {
        byte[] mine = new JsonSerde<>(ConflictEvent.class).serializer().serialize("t", event);
        String jackson = JsonSerde.MAPPER.writeValueAsString(event);

        assertThat(new String(mine, StandardCharsets.UTF_8)).isEqualTo(jackson);
        assertThat(new JsonSerde<>(ConflictEvent.class).deserializer().deserialize("t", mine)).isEqualTo(event);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF').ofMaxLength(80),
                Arbitraries.of("\"", "\\", "a/b", "\u2028", "\u0000\u001f\u007f", "S\u00e9gou \uD834\uDD1E", "</script>"))
                .filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF))
                .injectNull(0.3);
    }

    private Arbitrary<String> required() {
        return text().filter(s -> s != null && !s.isBlank());
    }

    @Provide
    Arbitrary<ConflictEvent> events() {
        Arbitrary<Integer> ints = Arbitraries.integers().injectNull(0.3);
        Arbitrary<Double> latitudes = Arbitraries.oneOf(Arbitraries.doubles().between(-90, 90),
                Arbitraries.of(0.0, -0.0, 1e-5, 12.5, 90.0, -89.99999, 0.001)).injectNull(0.3);
        Arbitrary<Double> longitudes = Arbitraries.oneOf(Arbitraries.doubles().between(-180, 180),
                Arbitraries.of(0.0, -0.0, 1.0E-4, 179.123456789)).injectNull(0.3);
        Arbitrary<Object[]> head = Combinators.combine(required(), Arbitraries.longs().between(-100_000, 2_900_000).map(LocalDate::ofEpochDay),
                ints, text(), Arbitraries.of(EventType.class), text(), text(), text())
                .as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
        Arbitrary<Object[]> middle = Combinators.combine(text(), text(), text(), text(), text(),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.3), ints, text())
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
}
