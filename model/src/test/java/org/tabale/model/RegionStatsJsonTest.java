package org.tabale.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RegionStatsJsonTest {

    /** Jackson's own bean serialisation of the records, as the topic carried them before the hand-written writer. */
    private static final ObjectMapper BEANS = JsonSerde.MAPPER.copy().addMixIn(RegionStats.class, Beans.class);

    @JsonSerialize(using = JsonSerializer.None.class)
    private abstract static class Beans {
        @JsonIgnore
        abstract String key();
    }

    private final JsonSerde<RegionStats> serde = new JsonSerde<>(RegionStats.class);

    @Property(tries = 300)
    void shouldWriteWhatJacksonWritesForTheRecordsAndReadBack(@ForAll("stats") RegionStats stats) throws Exception {
        byte[] written = serde.serializer().serialize("t", stats);
        JsonNode mine = JsonSerde.MAPPER.readTree(written);
        JsonNode jackson = JsonSerde.MAPPER.readTree(BEANS.writeValueAsBytes(stats));

        assertThat(mine).isEqualTo(jackson);
        assertThat(fieldNames(mine)).isEqualTo(fieldNames(jackson));
        assertThat(serde.deserializer().deserialize("t", written)).isEqualTo(stats);
        assertThat(serde.deserializer().deserialize("t", BEANS.writeValueAsBytes(stats))).as("Jackson's JSON, read")
                .isEqualTo(stats).isEqualTo(JsonSerde.MAPPER.readValue(written, RegionStats.class));
        assertThat(JsonSerde.MAPPER.readTree(JsonSerde.MAPPER.writeValueAsBytes(stats))).as("through Jackson").isEqualTo(jackson);
    }

    @Property(tries = 500)
    void shouldReadTheWrittenLayoutWithoutJacksonAsJacksonReadsIt(@ForAll("stats") RegionStats stats) throws Exception {
        byte[] written = RegionStatsJson.write(stats);

        RegionStats fast = RegionStatsLayout.read(written);

        if (fast != null) {
            assertThat(fast).isEqualTo(stats).isEqualTo(RegionStatsReader.parse(written));
        }
    }

    @Property(tries = 300)
    void shouldReadTypicalRecordsWithoutJackson(@ForAll("typical") RegionStats stats) {
        assertThat(RegionStatsLayout.read(RegionStatsJson.write(stats))).isEqualTo(stats);
    }

    @Property(tries = 2_000)
    void shouldLeaveAnyDamagedRecordToJacksonOrReadItAsJacksonDoes(@ForAll("typical") RegionStats stats,
                                                                 @ForAll("damage") int[] damage) throws Exception {
        byte[] written = RegionStatsJson.write(stats);
        int at = Math.floorMod(damage[0], written.length);
        byte[] damaged = switch (Math.floorMod(damage[1], 3)) {
            case 0 -> { // one byte changed
                byte[] copy = written.clone();
                copy[at] = (byte) damage[2];
                yield copy;
            }
            case 1 -> { // one byte inserted
                byte[] copy = new byte[written.length + 1];
                System.arraycopy(written, 0, copy, 0, at);
                copy[at] = (byte) damage[2];
                System.arraycopy(written, at, copy, at + 1, written.length - at);
                yield copy;
            }
            default -> { // one byte removed
                byte[] copy = new byte[written.length - 1];
                System.arraycopy(written, 0, copy, 0, at);
                System.arraycopy(written, at + 1, copy, at, written.length - at - 1);
                yield copy;
            }
        };

        RegionStats fast = RegionStatsLayout.read(damaged);

        if (fast != null) {
            assertThat(fast).as(new String(damaged, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(RegionStatsReader.parse(damaged));
        }
    }

    @Test
    void shouldLeaveOtherLayoutsToJackson() throws Exception {
        RegionStats stats = new RegionStats("MLI.Mopti", "Mali", "Mopti", LocalDate.of(2019, 3, 23),
                Map.of(7, new Totals(1, 157, 1, 1, 157, 0, 0)), Map.of(), null, Map.of(7, List.of("MLI1")));
        String written = new String(RegionStatsJson.write(stats), java.nio.charset.StandardCharsets.UTF_8);

        for (String other : List.of(written.replace(",", ", "), written.replace("157", "1.57e2"),
                written.replace("Mopti\"", "Mop\\u0074i\""))) {
            byte[] bytes = other.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(RegionStatsLayout.read(bytes)).as(other).isNull();
            assertThat(serde.deserializer().deserialize("t", bytes)).as(other).isEqualTo(stats);
        }
        assertThat(RegionStatsLayout.read(written.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(stats);
    }

    @Property(tries = 2_000)
    void shouldPrintFourDecimalFiguresAsDoubleToStringDoes(@ForAll("scaled") long scaled) {
        double value = Math.round(scaled) / 10_000d;
        char[] buffer = new char[24];
        int length = RegionStatsJson.fourDecimals(value, buffer);
        if (length >= 0) {
            assertThat(new String(buffer, 0, length)).isEqualTo(Double.toString(value));
        } else {
            assertThat(value == 0 || value >= 1e-3 && value < 1e7).isFalse();
        }
    }

    @Test
    void shouldPrintEdgeFiguresAsDoubleToStringDoes() {
        char[] buffer = new char[24];
        for (double value : new double[] {0.0, 0.001, 0.0015, 0.1, 1.0, 1.05, 9_999_999.9999, 123.4567, 0.0009, 1e7, -0.0, -1.5,
                Double.NaN, Double.POSITIVE_INFINITY, 0.1 + 0.2}) {
            int length = RegionStatsJson.fourDecimals(value, buffer);
            String printed = length < 0 ? Double.toString(value) : new String(buffer, 0, length);
            assertThat(printed).as("%s", value).isEqualTo(Double.toString(value));
        }
    }

    @Test
    void shouldCompareWithJacksonsBeanSerialiser() throws Exception {
        assertThat(BEANS.getSerializerProviderInstance().findValueSerializer(RegionStats.class))
                .isNotInstanceOf(RegionStatsJson.class);
        assertThat(JsonSerde.MAPPER.getSerializerProviderInstance().findValueSerializer(RegionStats.class))
                .isInstanceOf(RegionStatsJson.class);
    }

    @Test
    void shouldWriteNullHighsAndNoBaselines() throws Exception {
        RegionStats stats = new RegionStats("MLI.Mopti", null, "Mopti", LocalDate.of(2019, 3, 1),
                Map.of(7, new Totals(1, 2, 3, 4, 5)));
        String json = new String(serde.serializer().serialize("t", stats), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"regionId\":\"MLI.Mopti\",\"country\":null,\"admin1\":\"Mopti\",\"date\":\"2019-03-01\","
                + "\"windows\":{\"7\":{\"events\":1,\"fatalities\":2,\"violentEvents\":3,\"civilianEvents\":4,"
                + "\"civilianFatalities\":5,\"reports\":0,\"verifiedReports\":0,\"zero\":false}},\"baselines\":{},\"highs\":null,"
                + "\"evidence\":{}}");
    }

    @Test
    void shouldWriteTheEvidenceOfEachWindowInAscendingOrder() throws Exception {
        RegionStats stats = new RegionStats("MLI.Mopti", "Mali", "Mopti", LocalDate.of(2019, 3, 1), Map.of(), Map.of(), null,
                Map.of(30, List.of("MLI2", "MLI\"1"), 7, List.of("MLI2"), 90, List.of()));
        String json = new String(serde.serializer().serialize("t", stats), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json).endsWith("\"highs\":null,\"evidence\":{\"7\":[\"MLI2\"],\"30\":[\"MLI2\",\"MLI\\\"1\"],\"90\":[]}}");
        assertThat(serde.deserializer().deserialize("t", json.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(stats);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Provide
    Arbitrary<Long> scaled() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 100_000), Arbitraries.longs().between(0, 100_000_000_000L));
    }

    @Provide
    Arbitrary<int[]> damage() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(),
                Arbitraries.oneOf(Arbitraries.of((int) '"', (int) ',', (int) '.', (int) '-', (int) '0', (int) '9', (int) 'E',
                        (int) '}', (int) ']', (int) '\\', 0xC3, 0xA9, 0x80), Arbitraries.integers().between(-128, 127)))
                .as((at, kind, b) -> new int[] {at, kind, b});
    }

    /** Records as the emitter makes them: small counts, figures of four decimals, names with accents. */
    @Provide
    Arbitrary<RegionStats> typical() {
        Arbitrary<Long> count = Arbitraries.longs().between(0, 100_000);
        Arbitrary<Totals> totals = Combinators.combine(count, count, count, count, count, count, count)
                .as((a, b, c, d, e, f, g) -> new Totals(a, b, c, d, e, f, g));
        // Below 10^-3 Double.toString (and so Jackson) prints an exponent: those go through Jackson.
        Arbitrary<Double> figure = Arbitraries.oneOf(Arbitraries.doubles().between(1e-3, 1_000).ofScale(4),
                Arbitraries.of(0.0, 1e-3, 9_999_999.9999));
        Arbitrary<Figures> figures = Combinators.combine(figure, figure, figure, figure, figure, figure, figure)
                .as((a, b, c, d, e, f, g) -> new Figures(a, b, c, d, e, f, g));
        Arbitrary<Baseline> baseline = Combinators.combine(figures, figures).as(Baseline::new);
        Arbitrary<Integer> window = Arbitraries.of(7, 30, 90, 365);
        Arbitrary<String> name = Arbitraries.of("Mopti", "Ségou", "Tombouctou", "Boucle du Mouhoun", "Tillabéri", "Region 17");
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 20_000).map(d -> LocalDate.of(1990, 1, 1).plusDays(d));
        Arbitrary<List<String>> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12).list().ofMaxSize(10);
        return Combinators.combine(name, date, Arbitraries.maps(window, totals).ofMaxSize(4),
                        Arbitraries.maps(window, baseline).ofMaxSize(4), Combinators.combine(totals, totals).as(Highs::new).injectNull(0.2),
                        Arbitraries.maps(window, ids).ofMaxSize(4))
                .as((admin1, d, w, b, hi, e) -> new RegionStats("MLI." + admin1, "Mali", admin1, d, new HashMap<>(w), b, hi, e));
    }

    @Provide
    Arbitrary<RegionStats> stats() {
        Arbitrary<Long> count = Arbitraries.oneOf(Arbitraries.longs().between(0, 50), Arbitraries.longs().between(0, Long.MAX_VALUE / 8));
        Arbitrary<Totals> totals = Combinators.combine(count, count, count, count, count, count, count)
                .as((a, b, c, d, e, f, g) -> new Totals(a, b, c, d, e, f, g));
        Arbitrary<Double> figure = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1_000).ofScale(4),
                Arbitraries.doubles().between(0, 1e12), Arbitraries.of(0.0, -0.0, 1e-4, 1e7, 9_999_999.9999, Double.NaN),
                Arbitraries.doubles().between(0, 0.01));
        Arbitrary<Figures> figures = Combinators.combine(figure, figure, figure, figure, figure, figure, figure)
                .as((a, b, c, d, e, f, g) -> new Figures(a, b, c, d, e, f, g));
        Arbitrary<Baseline> baseline = Combinators.combine(figures, figures).as(Baseline::new);
        Arbitrary<Integer> window = Arbitraries.of(7, 30, 90, 365, 1);
        Arbitrary<Map<Integer, Totals>> windows = Arbitraries.maps(window, totals).ofMaxSize(5);
        Arbitrary<Map<Integer, Baseline>> baselines = Arbitraries.maps(window, baseline).ofMaxSize(5);
        Arbitrary<Highs> highs = Combinators.combine(totals, totals).as(Highs::new).injectNull(0.2);
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12).injectNull(0.1);
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 20_000).map(d -> LocalDate.of(1990, 1, 1).plusDays(d));
        Arbitrary<List<String>> ids = Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(8)).list().ofMaxSize(10);
        Arbitrary<Map<Integer, List<String>>> evidence = Arbitraries.maps(window, ids).ofMaxSize(5);
        Arbitrary<Object[]> head = Combinators.combine(Arbitraries.strings().ofMinLength(1).ofMaxLength(12), text, text, date)
                .as((id, country, admin1, d) -> new Object[] {id, country, admin1, d});
        return Combinators.combine(head, windows, baselines, highs, evidence)
                .as((h, w, b, hi, e) -> new RegionStats((String) h[0], (String) h[1], (String) h[2], (LocalDate) h[3],
                        new HashMap<>(w), b, hi, e));
    }

    @Test
    void shouldReadFieldsInAnyOrderSkipUnknownOnesAndRefuseBrokenRecordsNamingThem() {
        String json = "{\"extra\":{\"a\":[1,2]},\"date\":\"2019-03-23\",\"evidence\":{\"7\":[\"MLI1\"]},\"highs\":null,"
                + "\"baselines\":{\"7\":{\"spread\":{\"events\":\"NaN\"},\"mean\":{\"events\":1.5,\"zero\":false}}},"
                + "\"windows\":{\"7\":{\"zero\":false,\"fatalities\":3,\"events\":1}},\"admin1\":\"Mopti\",\"regionId\":\"MLI.Mopti\"}";
        RegionStats stats = serde.deserializer().deserialize("t", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(stats.regionId()).isEqualTo("MLI.Mopti");
        assertThat(stats.country()).isNull();
        assertThat(stats.windows().get(7)).isEqualTo(new Totals(1, 3, 0, 0, 0, 0, 0));
        assertThat(stats.baselines().get(7).mean().events()).isEqualTo(1.5);
        assertThat(stats.baselines().get(7).spread().events()).isNaN();
        assertThat(stats.evidence()).isEqualTo(Map.of(7, List.of("MLI1")));
        for (String broken : List.of("{\"regionId\":\"MLI.Mopti\",\"date\":\"23/03/2019\",\"windows\":{}}",
                "{\"regionId\":\"MLI.Mopti\",\"date\":\"2019-03-23\",\"windows\":{\"seven\":{}}}",
                "{\"regionId\":\"MLI.Mopti\",\"date\":\"2019-03-23\",\"windows\":[]}", "[]", "{\"regionId\":",
                "{\"date\":\"2019-03-23\",\"windows\":{}}")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> serde.deserializer().deserialize("t",
                            broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .as(broken).isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
                    .hasMessageContaining("cannot read RegionStats");
        }
    }
}
