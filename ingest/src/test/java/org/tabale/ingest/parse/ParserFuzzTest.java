package org.tabale.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.tabale.model.Gazetteer;

/**
 * Fuzz tests of every ingest parser, from the bytes of a submission as the HTTP API gets them
 * (decoded by {@link TextDecoder}) to each row's outcome: the body is read or refused as a whole
 * with a {@link FeedFormatException} that says why, and each row it gives is accepted or refused
 * with a reason and its original text for the dead-letter topic. Anything else thrown (a
 * NullPointerException, an index out of bounds, a stack overflow) is a finding.
 *
 * <p>A plain build runs each method once per committed input, in
 * {@code src/test/resources/org/tabale/ingest/parse/ParserFuzzTestInputs/<method>/}, and once on
 * empty input. {@code JAZZER_FUZZ=1} fuzzes one method from those inputs (docs/FUZZING.md).
 */
class ParserFuzzTest {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();
    private static final RowMapper ACLED = Feed.ACLED.mapper(GAZETTEER);
    private static final RowMapper UCDP = Feed.UCDP.mapper(GAZETTEER);
    private static final ReportMapper REPORTS = new ReportMapper(GAZETTEER, Reports.CLOCK);
    private static final ReportSubmission JSON_REPORTS = new ReportSubmission("fuzz", ReportSubmission.FEED_JSON, null);
    private static final ReportSubmission USHAHIDI = new ReportSubmission("fuzz", ReportSubmission.FEED_USHAHIDI, null);
    private static final Instant NOW = Reports.NOW;

    /** {@code POST /api/v1/events?source=acled} as {@code text/csv}: every ACLED dialect, HXL rows, BOMs. */
    @FuzzTest(maxDuration = "60s")
    void shouldReadOrRefuseAnyAcledCsv(byte[] body) {
        List<FeedRow> rows = readOrRefuse(body, text -> CsvFeedReader.read(text, Feed.ACLED.requiredColumns()));
        rows.forEach(row -> checkOutcome(ACLED.map(row)));
    }

    /** {@code POST /api/v1/events?source=ucdp} as {@code text/csv}: UCDP GED and HDX's copy with its HXL row. */
    @FuzzTest(maxDuration = "60s")
    void shouldReadOrRefuseAnyUcdpCsv(byte[] body) {
        List<FeedRow> rows = readOrRefuse(body, text -> CsvFeedReader.read(text, Feed.UCDP.requiredColumns()));
        rows.forEach(row -> checkOutcome(UCDP.map(row)));
    }

    /** {@code POST /api/v1/events} as {@code application/json}: an array, ACLED's envelope or UCDP's, either source. */
    @FuzzTest(maxDuration = "60s")
    void shouldReadOrRefuseAnyEventJson(byte[] body) {
        List<FeedRow> rows = readOrRefuse(body, JsonFeedReader::read);
        for (FeedRow row : rows) {
            checkOutcome(ACLED.map(row));
            checkOutcome(UCDP.map(row));
        }
    }

    /** {@code POST /api/v1/reports} as {@code text/csv}: a Ushahidi v2 export. */
    @FuzzTest(maxDuration = "60s")
    void shouldReadOrRefuseAnyUshahidiCsv(byte[] body) {
        List<ReportRow> rows = readOrRefuse(body, text -> UshahidiCsvReader.read(text, Reports.edge(USHAHIDI)));
        rows.forEach(row -> checkOutcome(REPORTS.map(row, USHAHIDI, NOW)));
    }

    /** {@code POST /api/v1/reports} as {@code application/json}: one report or an array of them. */
    @FuzzTest(maxDuration = "60s")
    void shouldReadOrRefuseAnyReportJson(byte[] body) {
        List<ReportRow> rows = readOrRefuse(body, text -> ReportJsonReader.read(text, Reports.edge(JSON_REPORTS)));
        rows.forEach(row -> checkOutcome(REPORTS.map(row, JSON_REPORTS, NOW)));
    }

    /** The rows read from the decoded body, or none when the body is refused as a whole for a stated reason. */
    private static <R> List<R> readOrRefuse(byte[] body, Function<String, List<R>> reader) {
        List<R> rows;
        try {
            rows = reader.apply(TextDecoder.decode(body));
        } catch (FeedFormatException refused) {
            assertThat(refused.getMessage()).as("reason of a refused body").isNotBlank().doesNotEndWith(": ")
                    .doesNotEndWith(": null");
            return List.of();
        }
        assertThat(rows).doesNotContainNull();
        return rows;
    }

    private static void checkOutcome(RowOutcome outcome) {
        assertThat(outcome).isNotNull();
        if (outcome instanceof RowOutcome.Refused refused) {
            assertThat(refused.reason()).as("reason of a refused row").isNotBlank().isNotEqualTo("null");
            assertThat(refused.row().original()).as("original of a refused row").isNotNull();
        } else {
            assertThat(((RowOutcome.Accepted) outcome).event()).isNotNull();
        }
    }

    private static void checkOutcome(ReportOutcome outcome) {
        assertThat(outcome).isNotNull();
        if (outcome instanceof ReportOutcome.Refused refused) {
            assertThat(refused.reason()).as("reason of a refused report").isNotBlank().isNotEqualTo("null");
            assertThat(refused.row().original()).as("original of a refused report").isNotNull();
        } else {
            assertThat(((ReportOutcome.Accepted) outcome).report()).isNotNull();
        }
    }
}
