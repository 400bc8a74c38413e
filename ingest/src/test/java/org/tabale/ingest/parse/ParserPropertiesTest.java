package org.tabale.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tabale.ingest.publish.EventIngestor;
import org.tabale.ingest.publish.IngestLimits;
import org.tabale.ingest.publish.RecordingSink;
import org.tabale.model.ConflictEvent;
import org.tabale.model.Gazetteer;
import org.tabale.model.JsonSerde;

/**
 * Two properties of the parsers: a canonical event written out (as our JSON, or as an ACLED CSV
 * row) and read back is the same event; and no input, however malformed, makes the ingest path
 * throw anything but a refusal of the whole body.
 */
class ParserPropertiesTest {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();
    private static final AcledRowMapper MAPPER = new AcledRowMapper(GAZETTEER);
    private static final List<String> COLUMNS = List.of("event_id_cnty", "event_date", "time_precision", "disorder_type",
            "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
            "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
            "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp");

    @Provide
    Arbitrary<Map<String, String>> acledRows() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40).injectNull(0.2);
        Arbitrary<String> id = Arbitraries.strings().withCharRange('A', 'Z').ofLength(3)
                .flatMap(p -> Arbitraries.integers().between(1, 99_999).map(n -> p + n));
        Arbitrary<String> date = Arbitraries.integers().between(0, 12_000).map(d -> LocalDate.of(1997, 1, 1).plusDays(d).toString());
        Arbitrary<String> type = Arbitraries.of("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
                "Riots", "Strategic developments", "Battle-No change of territory", "Remote violence", "Riots/Protests",
                "strategic development", "Headquarters or base established");
        Arbitrary<String> country = Arbitraries.of("Mali", "Burkina Faso", "Niger", "MALI", "Chad", "Nigeria", "Atlantis");
        Arbitrary<String> admin1 = Arbitraries.oneOf(Arbitraries.of("Mopti", "Segou", "Ségou", "Tombouctou", "Timbuktu",
                "Menaka", "Sahel", "Tillaberi", "Boucle du Mouhoun"), text);
        Arbitrary<String> coordinate = Arbitraries.doubles().between(-90, 90).ofScale(4).map(String::valueOf).injectNull(0.3);
        Arbitrary<String> count = Arbitraries.integers().between(0, 2_000).map(String::valueOf);
        Arbitrary<String> targeting = Arbitraries.of("Civilian targeting", "", "true", "false").injectNull(0.3);
        return Combinators.combine(id, date, type, country, admin1, coordinate, count, targeting)
                .flatAs((i, d, t, c, a, lat, f, ct) -> Combinators.combine(text, text, text, Arbitraries.of("1", "5", "7", "Rioters"))
                        .as((notes, actor, location, inter) -> {
                            Map<String, String> row = new LinkedHashMap<>();
                            row.put("event_id_cnty", i);
                            row.put("event_date", d);
                            row.put("event_type", t);
                            row.put("country", c);
                            row.put("admin1", a);
                            row.put("latitude", lat);
                            row.put("longitude", lat);
                            row.put("fatalities", f);
                            row.put("notes", notes);
                            row.put("actor1", actor);
                            row.put("location", location);
                            row.put("inter1", inter);
                            row.put("timestamp", "1553500000");
                            if (ct != null) {
                                row.put("civilian_targeting", ct);
                            }
                            return row;
                        }));
    }

    private static ConflictEvent parse(Map<String, String> fields) {
        Map<String, String> present = new LinkedHashMap<>();
        fields.forEach((k, v) -> present.put(k, v == null ? "" : v));
        RowOutcome outcome = MAPPER.map(new FeedRow(1, present, ""));
        if (outcome instanceof RowOutcome.Accepted accepted) {
            return accepted.event();
        }
        return null;
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void shouldReadBackAnEventWrittenAsJson(@ForAll("acledRows") Map<String, String> row) throws IOException {
        ConflictEvent event = parse(row);
        Statistics.label("canonical").collect(event != null);
        Statistics.label("canonical").coverage(c -> c.check(true).percentage(p -> p > 50));
        if (event == null) {
            return; // refused input: the property is about canonical events
        }
        String json = "[" + JsonSerde.MAPPER.writeValueAsString(event) + "]";

        List<FeedRow> rows = JsonFeedReader.read(json);

        assertThat(rows).hasSize(1);
        RowOutcome again = MAPPER.map(rows.get(0));
        assertThat(again).isInstanceOf(RowOutcome.Accepted.class);
        assertThat(((RowOutcome.Accepted) again).event()).isEqualTo(event);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void shouldReadBackAnEventWrittenAsAnAcledCsvRow(@ForAll("acledRows") Map<String, String> row) throws IOException {
        ConflictEvent event = parse(row);
        Statistics.label("canonical").collect(event != null);
        Statistics.label("canonical").coverage(c -> c.check(true).percentage(p -> p > 50));
        if (event == null) {
            return;
        }
        Map<String, Object> values = JsonSerde.MAPPER.convertValue(event, Map.class);
        List<String> header = new ArrayList<>(COLUMNS);
        if (event.civilianTargeting() == null) {
            header.remove("civilian_targeting");
        }
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            printer.printRecord(header.stream().map(c -> values.get(c) == null ? "" : String.valueOf(values.get(c))).toList());
        }

        List<FeedRow> rows = CsvFeedReader.read(csv.toString(), AcledRowMapper.REQUIRED_COLUMNS);

        assertThat(rows).hasSize(1);
        RowOutcome again = MAPPER.map(rows.get(0));
        assertThat(again).isInstanceOf(RowOutcome.Accepted.class);
        assertThat(((RowOutcome.Accepted) again).event()).isEqualTo(event);
    }

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> structural = Arbitraries.strings().withChars(",\"\n\r;{}[]:#\\ \t\u0000\uFEFFé’").ofMaxLength(60);
        Arbitrary<String> headerThenJunk = Arbitraries.strings().all().ofMaxLength(200)
                .map(junk -> "event_id_cnty,event_date,event_type,country,fatalities\n" + junk);
        Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789abcdefnulltrue ").ofMaxLength(80);
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200), structural, headerThenJunk, jsonish);
    }

    @Property(tries = 500)
    void shouldOnlyEverRefuseWhateverTheBody(@ForAll("hostileText") String body, @ForAll boolean json,
                                             @ForAll byte[] noise) {
        EventIngestor ingestor = new EventIngestor(GAZETTEER, new RecordingSink(),
                org.tabale.ingest.publish.StoredVersions.NONE, new IngestLimits(100, 1000),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry());
        for (byte[] bytes : List.of(body.getBytes(StandardCharsets.UTF_8), noise)) {
            for (Feed feed : Feed.values()) {
                try {
                    ingestor.ingest(bytes, json ? EventIngestor.Format.JSON : EventIngestor.Format.CSV, feed, "test");
                } catch (FeedFormatException | IngestLimits.TooManyRows refusal) {
                    assertThat(refusal.getMessage()).isNotBlank();
                } catch (RuntimeException other) {
                    fail("input " + org.assertj.core.util.Strings.quote(body) + " made the parser throw " + other, other);
                }
            }
        }
    }
}
