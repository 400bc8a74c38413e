package org.tabale.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.tabale.ingest.protect.PseudonymKey;
import org.tabale.ingest.protect.Pseudonymiser;
import org.tabale.model.Gazetteer;

/** Reading and mapping community reports the way the ingest path does, under a fixed key and clock. */
public final class Reports {

    public static final PseudonymKey KEY = PseudonymKey.of("reports-test-key-0123456789abcdef");
    public static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser(KEY);
    public static final Instant NOW = Instant.parse("2024-05-20T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ReportMapper MAPPER = new ReportMapper(Gazetteer.bundled(), CLOCK);

    private Reports() {
    }

    public static List<ReportOutcome> json(String body, String source, String country) {
        ReportSubmission submission = new ReportSubmission(source, ReportSubmission.FEED_JSON, country);
        return ReportJsonReader.read(body, edge(submission)).stream().map(row -> MAPPER.map(row, submission, NOW)).toList();
    }

    public static List<ReportOutcome> ushahidi(String csv, String country) {
        ReportSubmission submission = new ReportSubmission("ushahidi", ReportSubmission.FEED_USHAHIDI, country);
        return UshahidiCsvReader.read(csv, edge(submission)).stream().map(row -> MAPPER.map(row, submission, NOW)).toList();
    }

    public static ReportEdge edge(ReportSubmission submission) {
        return new ReportEdge(PSEUDONYMISER, Gazetteer.bundled(), submission);
    }

    /** A test resource under {@code reports/}. */
    public static String resource(String name) {
        try (InputStream in = Reports.class.getResourceAsStream("/reports/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test fixture missing: reports/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReportOutcome.Accepted accepted(ReportOutcome outcome) {
        if (outcome instanceof ReportOutcome.Accepted accepted) {
            return accepted;
        }
        throw new AssertionError("refused: " + ((ReportOutcome.Refused) outcome).reason());
    }

    public static ReportOutcome.Refused refused(ReportOutcome outcome) {
        if (outcome instanceof ReportOutcome.Refused refused) {
            return refused;
        }
        throw new AssertionError("accepted: " + ((ReportOutcome.Accepted) outcome).report());
    }
}
