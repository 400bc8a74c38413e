package org.tabale.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tabale.ingest.parse.Reports;
import org.tabale.ingest.publish.KnownReports;
import org.tabale.ingest.publish.RecordingReportSink;
import org.tabale.ingest.publish.ReportIngestor;
import org.tabale.model.CommunityReport;
import org.tabale.model.Gazetteer;
import org.tabale.model.JsonSerde;
import org.tabale.model.ReportVerification;
import org.tabale.model.VerificationState;

/** The two report endpoints on a bare Javalin, with a recording sink: answers, codes and what is stored. */
class ReportsHttpTest {

    private static final String REPORT = "{\"id\":\"v-1\",\"date\":\"2024-05-12\",\"place\":{\"country\":\"MLI\","
            + "\"admin1\":\"Kidal\",\"latitude\":18.44111,\"longitude\":1.40778},\"title\":\"Convoy attacked\"}";

    private final RecordingReportSink sink = new RecordingReportSink();
    private final KnownReports known = KnownReports.inMemory();
    private final HttpClient client = HttpClient.newHttpClient();
    private boolean indexReady = true;
    private Javalin javalin;

    @BeforeEach
    void start() {
        KnownReports gated = new KnownReports() {
            @Override
            public OptionalLong fingerprint(String reportId) {
                return known.fingerprint(reportId);
            }

            @Override
            public void remember(CommunityReport report) {
                known.remember(report);
            }

            @Override
            public boolean ready() {
                return indexReady;
            }
        };
        ReportIngestor ingestor = new ReportIngestor(Gazetteer.bundled(), Reports.PSEUDONYMISER, sink, gated,
                Reports.CLOCK, new SimpleMeterRegistry());
        javalin = Javalin.create(config -> config.jsonMapper(new JavalinJackson(JsonSerde.MAPPER, false)))
                .addHttpHandler(HandlerType.POST, ReportsHandler.PATH, new ReportsHandler(ingestor))
                .addHttpHandler(HandlerType.POST, VerificationHandler.PATH, new VerificationHandler(gated, sink,
                        Reports.CLOCK, ctx -> "officer", new SimpleMeterRegistry()))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        javalin.stop();
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + javalin.port() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String storedId() throws Exception {
        HttpResponse<String> response = post(ReportsHandler.PATH, "application/json", REPORT);
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonSerde.MAPPER.readTree(response.body()).path("reports").get(0).path("id").asText();
    }

    @Test
    void shouldAnswerTheRowAccountWithRoundedCoordinates() throws Exception {
        HttpResponse<String> response = post(ReportsHandler.PATH + "?source=kidal-net", "application/json; charset=utf-8",
                REPORT);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = JsonSerde.MAPPER.readTree(response.body());
        assertThat(body.path("accepted").asLong()).isEqualTo(1);
        assertThat(body.path("reports").get(0).path("latitude").asDouble()).isEqualTo(18.4);
        assertThat(body.path("reports").get(0).path("longitude").asDouble()).isEqualTo(1.4);
        assertThat(body.path("reports").get(0).path("id").asText())
                .isEqualTo(Reports.PSEUDONYMISER.reportId("kidal-net", "v-1"));
        assertThat(response.body()).doesNotContain("18.44111");
    }

    @Test
    void shouldRecordAnOfficersDecisionWithRoleTimeAndARedactedNote() throws Exception {
        String id = storedId();

        HttpResponse<String> response = post("/api/v1/reports/" + id + "/verification", "application/json",
                "{\"state\":\"Verified\",\"note\":\"confirmed by phone with +223 70 00 11 22\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        ReportVerification expected = new ReportVerification(id, VerificationState.VERIFIED, "officer", Reports.NOW,
                "confirmed by phone with [phone]");
        assertThat(sink.verifications()).containsExactly(expected);
        assertThat(JsonSerde.MAPPER.readValue(response.body(), ReportVerification.class)).isEqualTo(expected);
    }

    @Test
    void shouldAnswer400NamingABadStateOrNote() throws Exception {
        String path = "/api/v1/reports/" + storedId() + "/verification";

        HttpResponse<String> badState = post(path, "application/json", "{\"state\":\"probably\"}");
        HttpResponse<String> noState = post(path, "application/json", "{\"note\":\"x\"}");
        HttpResponse<String> badNote = post(path, "application/json", "{\"state\":\"rejected\",\"note\":[1]}");
        HttpResponse<String> notJson = post(path, "application/json", "state=verified");

        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("state is unknown: it must be one of unverified, verified, rejected")
                .doesNotContain("probably");
        assertThat(noState.body()).contains("state is missing");
        assertThat(badNote.statusCode()).isEqualTo(400);
        assertThat(badNote.body()).contains("note must be a string");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(sink.verifications()).isEmpty();
    }

    @Test
    void shouldAnswer404ForAnUnknownReportWithoutEchoingAMalformedId() throws Exception {
        HttpResponse<String> unknown = post("/api/v1/reports/rpt-00000000000000000000000000000000/verification",
                "application/json", "{\"state\":\"verified\"}");
        HttpResponse<String> malformed = post("/api/v1/reports/Kwamimbo-76123456/verification", "application/json",
                "{\"state\":\"verified\"}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no report with id rpt-00000000000000000000000000000000");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.body()).doesNotContain("Kwamimbo").doesNotContain("76123456");
    }

    @Test
    void shouldAnswer503WhileTheIndexIsBeingRead() throws Exception {
        String id = storedId();
        indexReady = false;

        HttpResponse<String> response = post("/api/v1/reports/" + id + "/verification", "application/json",
                "{\"state\":\"verified\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
    }

    @Test
    void shouldAnswer415ForAnotherMediaTypeAnd400ForABadSource() throws Exception {
        assertThat(post(ReportsHandler.PATH, "application/xml", "<r/>").statusCode()).isEqualTo(415);
        HttpResponse<String> badSource = post(ReportsHandler.PATH + "?source=a%20b", "application/json", REPORT);
        assertThat(badSource.statusCode()).isEqualTo(400);
        assertThat(badSource.body()).contains("source must be");
    }

    @Test
    void shouldAnswer503AndStoreNothingWhenTheBrokerIsDown() throws Exception {
        sink.down();

        HttpResponse<String> response = post(ReportsHandler.PATH, "application/json", REPORT);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("reports not stored, send again");
        assertThat(known.contains(Reports.PSEUDONYMISER.reportId("report", "v-1"))).isFalse();
    }
}
