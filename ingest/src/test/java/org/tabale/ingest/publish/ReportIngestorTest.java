package org.tabale.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tabale.ingest.parse.FeedFormatException;
import org.tabale.ingest.parse.ReportSubmission;
import org.tabale.ingest.parse.Reports;
import org.tabale.model.CommunityReport;
import org.tabale.model.DeadLetter;
import org.tabale.model.Gazetteer;
import org.tabale.model.JsonSerde;

class ReportIngestorTest {

    private static final String ORIGIN = "http:/api/v1/reports";
    private static final String TWO = """
            [{"id": "a-1", "date": "2024-05-12", "place": {"country": "Mali", "admin1": "Mopti",
              "latitude": 14.4567891, "longitude": -4.1987654}, "category": "attack", "dead": 2,
              "reporter": {"name": "Zoumana Diarrassouba", "phone": "+223 79 31 86 42"}},
             {"id": "a-2", "date": "2024-05-13", "place": {"country": "Mali", "admin1": "Gao",
              "latitude": -0.05, "longitude": 0.04}, "title": "Shots near the river"}]
            """;

    private final RecordingReportSink sink = new RecordingReportSink();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final KnownReports known = KnownReports.inMemory();
    private final ReportIngestor ingestor = new ReportIngestor(Gazetteer.bundled(), Reports.PSEUDONYMISER, sink, known,
            Reports.CLOCK, meters);

    private ReportIngestResult json(String body) {
        return ingestor.ingest(body.getBytes(StandardCharsets.UTF_8), ReportIngestor.Format.JSON,
                new ReportSubmission("radio-mopti", ReportSubmission.FEED_JSON, null), ORIGIN);
    }

    private double rows(String outcome) {
        return meters.get("tabale.reports.rows").tag("outcome", outcome).counter().count();
    }

    @Test
    void shouldPublishReportsAndAnswerWithCoordinatesRoundedToATenthOfADegree() {
        ReportIngestResult result = json(TWO);

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.reports()).extracting(ReportIngestResult.StoredReport::latitude,
                ReportIngestResult.StoredReport::longitude).containsExactly(
                org.assertj.core.groups.Tuple.tuple(14.5, -4.2), org.assertj.core.groups.Tuple.tuple(-0.1, 0.0));
        assertThat(result.reports().get(0).regionId()).isEqualTo("MLI.Mopti");
        assertThat(result.reports().get(0).date()).isEqualTo(LocalDate.of(2024, 5, 12));
        assertThat(result.reports().get(0).id()).isEqualTo(Reports.PSEUDONYMISER.reportId("radio-mopti", "a-1"));
        assertThat(sink.reports()).extracting(CommunityReport::latitude).containsExactly(14.4567891, -0.05);
        assertThat(rows("accepted")).isEqualTo(2);
    }

    @Test
    void shouldCountAReSentReportAsDuplicateAndStoreARevision() {
        json(TWO);

        ReportIngestResult again = json(TWO);
        ReportIngestResult revised = json(TWO.replace("\"dead\": 2", "\"dead\": 3"));

        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(again.reports()).extracting(ReportIngestResult.StoredReport::status).containsOnly("duplicate");
        assertThat(revised.accepted()).isEqualTo(1);
        assertThat(revised.duplicates()).isEqualTo(1);
        assertThat(sink.reports()).hasSize(3);
        assertThat(sink.reports().get(2).dead()).isEqualTo(3);
        assertThat(rows("duplicate")).isEqualTo(3);
    }

    @Test
    void shouldCountARepeatWithinOneSubmissionAsDuplicate() {
        String one = "{\"id\":\"x\",\"date\":\"2024-05-01\",\"place\":{\"country\":\"MLI\",\"admin1\":\"Gao\"},\"title\":\"t\"}";

        ReportIngestResult result = json("[" + one + "," + one + "]");

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(sink.reports()).hasSize(1);
    }

    @Test
    void shouldDeadLetterARefusedRowWithItsReasonAndAProtectedOriginal() {
        String body = """
                [{"id": "b-1", "date": "2024-05-12", "place": {"country": "Mali"}, "category": "attack",
                  "description": "Zoumana says: call 79 31 86 42",
                  "reporter": {"name": "Zoumana Diarrassouba", "phone": "+223 79 31 86 42", "account": "zdiarra"}}]
                """;

        ReportIngestResult result = json(body);

        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(1);
            assertThat(error.externalId()).isEqualTo("b-1");
            assertThat(error.reason()).contains("place.admin1 is missing");
        });
        DeadLetter letter = sink.deadLetters().get(0);
        assertThat(letter.source()).isEqualTo(ORIGIN);
        assertThat(letter.feed()).isEqualTo("report");
        assertThat(letter.row()).isEqualTo(1);
        assertThat(letter.eventId()).isEqualTo(Reports.PSEUDONYMISER.reportId("radio-mopti", "b-1"));
        assertThat(letter.reason()).isEqualTo(result.errors().get(0).reason());
        assertThat(letter.original()).contains("[reporter] says: call [phone]").contains("\"reporter\":\"inf-")
                .doesNotContain("Zoumana").doesNotContain("79 31").doesNotContain("zdiarra");
        assertThat(rows("rejected")).isEqualTo(1);
    }

    @Test
    void shouldPublishNoIdentityAndServeNoneWhateverTheRowsCarry() throws Exception {
        String body = TWO + "";
        String refused = "[{\"date\":\"never\",\"reporter\":{\"name\":\"Zoumana Diarrassouba\",\"phone\":\"0022379318642\","
                + "\"account\":\"zdiarra@example.org\"},\"title\":\"zdiarra@example.org and Diarrassouba\"}]";

        String answers = JsonSerde.MAPPER.writeValueAsString(json(body)) + JsonSerde.MAPPER.writeValueAsString(json(refused));

        String published = JsonSerde.MAPPER.writeValueAsString(sink.reports())
                + JsonSerde.MAPPER.writeValueAsString(sink.deadLetters());
        for (String text : new String[] {answers, published}) {
            assertThat(text).doesNotContain("Zoumana").doesNotContain("Diarrassouba").doesNotContain("zdiarra")
                    .doesNotContain("79 31 86 42").doesNotContain("79318642");
        }
        assertThat(sink.reports().get(0).reporter()).matches(CommunityReport.PSEUDONYM);
        // the same informant, by the same number written another way, under the same pseudonym
        assertThat(sink.deadLetters().get(0).original()).contains(sink.reports().get(0).reporter());
    }

    @Test
    void shouldPublishNothingWhenTheBodyIsUnreadableOrTheBrokerIsDown() {
        assertThatThrownBy(() -> json("[{")).isInstanceOf(FeedFormatException.class);
        assertThat(sink.reports()).isEmpty();

        ReportIngestor failing = new ReportIngestor(Gazetteer.bundled(), Reports.PSEUDONYMISER,
                new RecordingReportSink().down(), known, Reports.CLOCK, meters);
        assertThatThrownBy(() -> failing.ingest(TWO.getBytes(StandardCharsets.UTF_8), ReportIngestor.Format.JSON,
                new ReportSubmission("radio-mopti", ReportSubmission.FEED_JSON, null), ORIGIN))
                .isInstanceOf(EventPublisher.PublishException.class);
        assertThat(known.contains(Reports.PSEUDONYMISER.reportId("radio-mopti", "a-1"))).isFalse();
    }

    @Test
    void shouldReadAUshahidiExportThroughTheSamePath() {
        ReportIngestResult result = ingestor.ingest(Reports.resource("ushahidi-synthetic.csv").getBytes(StandardCharsets.UTF_8),
                ReportIngestor.Format.USHAHIDI_CSV, new ReportSubmission("ushahidi", ReportSubmission.FEED_USHAHIDI, null),
                ORIGIN);

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(result.errors()).extracting(ReportIngestResult.RowError::row).containsExactly(3L, 4L);
        assertThat(sink.deadLetters()).extracting(DeadLetter::feed).containsOnly("ushahidi");
        assertThat(result.reports().get(0).latitude()).isEqualTo(14.1);
    }
}
