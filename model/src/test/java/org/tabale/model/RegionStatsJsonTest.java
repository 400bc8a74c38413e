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
