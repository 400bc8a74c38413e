package org.tabale.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class CommunityReportTest {

    private static final String ID = "rpt-0123456789abcdef0123456789abcdef";
    private static final String PSEUDONYM = "inf-fedcba9876543210fedcba9876543210";

    static CommunityReport report(String reporter) {
        return new CommunityReport(ID, "radio-mopti", "report", "sms-42", LocalDate.of(2024, 5, 12), "MLI.Mopti", "MLI",
                "Mali", "Mopti", "Bankass", "near the well", 14.123456, -3.987654, List.of("attack", "livestock"),
                "Village attacked", "Armed men came at dawn.", 3, 5, true, VerificationState.UNVERIFIED, null,
                reporter, Instant.parse("2024-05-12T18:00:00Z"));
    }

    @Test
    void shouldReadBackEqualReportWhenWrittenAndRead() {
        Serde<CommunityReport> serde = Topics.REPORTS.valueSerde();
        CommunityReport report = report(PSEUDONYM);

        CommunityReport read = serde.deserializer().deserialize(Topics.REPORTS.name(),
                serde.serializer().serialize(Topics.REPORTS.name(), report));

        assertThat(read).isEqualTo(report);
    }

    @Test
    void shouldWriteTheVerificationStateInLowerCaseWhenSerialising() throws Exception {
        byte[] bytes = Topics.REPORTS.valueSerde().serializer().serialize(Topics.REPORTS.name(), report(PSEUDONYM));

        Map<String, Object> json = JsonSerde.MAPPER.readerForMapOf(Object.class).readValue(bytes);
        assertThat(json).containsEntry("verification", "unverified").containsEntry("latitude", 14.123456)
                .containsEntry("reporter", PSEUDONYM).containsEntry("date", "2024-05-12");
    }

    @Test
    void shouldRefuseAReporterThatIsNotAPseudonymWithoutEchoingIt() {
        assertThatThrownBy(() -> report("Amadou Traoré +223 76 12 34 56"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pseudonym")
                .hasMessageNotContaining("Amadou")
                .hasMessageNotContaining("76");
    }

    @Test
    void shouldAcceptAReportWithoutReporter() {
        assertThat(report(null).reporter()).isNull();
    }

    @Test
    void shouldRefuseLatitudeWithoutLongitude() {
        CommunityReport r = report(null);
        assertThatThrownBy(() -> new CommunityReport(r.id(), r.source(), r.feed(), r.externalId(), r.date(), r.regionId(),
                r.iso3(), r.country(), r.admin1(), r.admin2(), r.location(), 14.0, null, r.categories(), r.title(),
                r.description(), r.dead(), r.injured(), r.civiliansTargeted(), r.verification(), r.sourceApproved(),
                r.reporter(), r.receivedAt())).hasMessageContaining("latitude and longitude");
    }

    @Test
    void shouldParseVerificationLabelsInAnyCaseAndRefuseOthers() {
        assertThat(VerificationState.fromLabel(" Verified ")).contains(VerificationState.VERIFIED);
        assertThat(VerificationState.fromLabel("maybe")).isEmpty();
        assertThat(VerificationState.labels()).isEqualTo("unverified, verified, rejected");
    }

    @Test
    void shouldReadBackAVerificationWhenWrittenAndRead() {
        ReportVerification verification = new ReportVerification(ID, VerificationState.REJECTED, "officer",
                Instant.parse("2024-05-13T09:00:00Z"), "duplicate of another report");
        Serde<ReportVerification> serde = Topics.REPORT_VERIFICATIONS.valueSerde();

        ReportVerification read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", verification));

        assertThat(read).isEqualTo(verification);
    }

    @Test
    void shouldCreateReportTopicsCompactedAndKeptForever() {
        assertThat(Topics.ALL).contains(Topics.REPORTS, Topics.REPORT_VERIFICATIONS);
        assertThat(Topics.REPORTS.config()).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1");
        assertThat(Topics.REPORT_VERIFICATIONS.config()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.REPORTS.partitions()).isEqualTo(Topics.REPORT_VERIFICATIONS.partitions());
    }
}
