package org.tabale.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tabale.ingest.parse.Reports.accepted;
import static org.tabale.ingest.parse.Reports.refused;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabale.ingest.protect.Identity;
import org.tabale.model.CommunityReport;
import org.tabale.model.VerificationState;

class UshahidiCsvReaderTest {

    private static final String EXPORT = Reports.resource("ushahidi-synthetic.csv");

    @Test
    void shouldMapEveryColumnWhenTheExportCarriesPersonalInformation() {
        CommunityReport report = accepted(Reports.ushahidi(EXPORT, null).get(0)).report();

        String pseudonym = Reports.PSEUDONYMISER.pseudonym(new Identity(null, "0022376123456", null), null).orElseThrow();
        assertThat(report).isEqualTo(new CommunityReport(Reports.PSEUDONYMISER.reportId("ushahidi", "101"), "ushahidi",
                "ushahidi", "101", LocalDate.of(2024, 5, 10), "MLI.Mopti", "MLI", "Mali", "Mopti", null,
                "Foire de Bankass, Mopti, Mali", 14.0762531, -3.5189244, List.of("Attack", "Civilians", "Dead"),
                "Attaque \"au marché\" de Bankass",
                "Des hommes armés sont arrivés à l\u2019aube.\n\n[reporter] dit : \u201cils ont brûlé le grenier\u201d.\n"
                        + "Rappeler le [phone] ou [email]",
                null, null, null, VerificationState.UNVERIFIED, true, pseudonym, Reports.NOW));
    }

    @Test
    void shouldTakeVerifiedYesAsVerifiedAndKeepApprovedApart() {
        CommunityReport report = accepted(Reports.ushahidi(EXPORT, null).get(1)).report();

        assertThat(report.verification()).isEqualTo(VerificationState.VERIFIED);
        assertThat(report.sourceApproved()).isFalse();
        assertThat(report.regionId()).isEqualTo("MLI.Tombouctou");
        assertThat(report.description()).isEqualTo("Tirs près du camp & panique.");
        assertThat(report.reporter()).isNull();
    }

    @Test
    void shouldRefuseARowWithoutCountryUnlessTheSubmissionNamesOne() {
        ReportOutcome.Refused refused = refused(Reports.ushahidi(EXPORT, null).get(2));
        CommunityReport withCountry = accepted(Reports.ushahidi(EXPORT, "MLI").get(2)).report();

        assertThat(refused.reason()).contains("no country").contains("?country=");
        assertThat(withCountry.regionId()).isEqualTo("MLI.Unknown");
        assertThat(withCountry.reporter()).matches(CommunityReport.PSEUDONYM);
    }

    @Test
    void shouldKeepTheReporterAndCustomColumnsOutOfEverything() {
        List<ReportOutcome> outcomes = Reports.ushahidi(EXPORT, null);

        assertThat(refused(outcomes.get(3)).reason()).contains("date 'last tuesday' is not a date");
        for (ReportOutcome outcome : outcomes) {
            String all = outcome.row().original() + outcome.row().fields()
                    + (outcome instanceof ReportOutcome.Accepted a ? a.report().toString() : refused(outcome).reason());
            assertThat(all).doesNotContain("Sangar").doesNotContain("Kwamimbo").doesNotContain("Moussa")
                    .doesNotContain("Boubacar").doesNotContain("example.").doesNotContain("76 12")
                    .doesNotContain("65 43").doesNotContain("65432109");
        }
        assertThat(outcomes.get(3).row().original()).contains("\"reporter\":\"inf-").contains("[reporter] au [phone]");
    }

    @Test
    void shouldNormaliseANationalNumberByTheCountryLocationEndsWith() {
        String export = "#,INCIDENT TITLE,INCIDENT DATE,LOCATION,PHONE,APPROVED,VERIFIED\n"
                + "\"7\",\"Shots\",\"2024-05-01 10:00:00\",\"Gao, Mali\",\"76 12 34 56\",YES,NO\n"
                + "\"8\",\"Shots\",\"2024-05-01 11:00:00\",\"Gao, Mali\",\"+223 76 12 34 56\",YES,NO\n";

        List<ReportOutcome> outcomes = Reports.ushahidi(export, null);

        assertThat(accepted(outcomes.get(0)).report().reporter()).isEqualTo(accepted(outcomes.get(1)).report().reporter());
    }

    /** Found by fuzzing: a LOCATION of commas only split into nothing, and its last part was read anyway. */
    @Test
    void shouldRefuseARowWithoutCountryWhenItsLocationIsOnlyCommas() {
        String export = "#,INCIDENT TITLE,INCIDENT DATE,LOCATION,PHONE\n\"10\",\"Shots\",\"2024-05-01\",\",\",\"76 12 34 56\"\n";

        assertThat(refused(Reports.ushahidi(export, null).get(0)).reason()).startsWith("no country: LOCATION ','");
        assertThat(accepted(Reports.ushahidi(export, "MLI").get(0)).report().regionId()).isEqualTo("MLI.Unknown");
    }

    @Test
    void shouldReadAnExportWithOnlyTheColumnsEveryExportHas() {
        String minimal = "#,INCIDENT TITLE,INCIDENT DATE,APPROVED,VERIFIED\n\"9\",\"Shots\",\"2024-05-01 10:00:00\",YES,YES\n";

        CommunityReport report = accepted(Reports.ushahidi(minimal, "Mali").get(0)).report();

        assertThat(report.regionId()).isEqualTo("MLI.Unknown");
        assertThat(report.latitude()).isNull();
        assertThat(report.verification()).isEqualTo(VerificationState.VERIFIED);
    }

    @Test
    void shouldRefuseABodyThatIsNotAUshahidiExportWithoutQuotingIt() {
        String notAnExport = "Kwamimbo Zerbo,+22670112233,k.zerbo@example.net\nx,y,z\n";

        assertThatThrownBy(() -> Reports.ushahidi(notAnExport, "MLI")).isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("not a Ushahidi v2 CSV export").hasMessageNotContaining("Kwamimbo")
                .hasMessageNotContaining("7011");
        assertThatThrownBy(() -> Reports.ushahidi("#,INCIDENT TITLE,INCIDENT DATE\n\"1\",\"a\"b\",\"Zerbo\"\n", "MLI"))
                .hasMessageStartingWith("body is not valid CSV").hasMessageNotContaining("Zerbo");
    }

    @Test
    void shouldTurnHtmlIntoPlainText() {
        assertThat(HtmlText.plain("a&quot;b&amp;c&#8217;d&#x2019;e&unknown;<br/>f <b>g</b> 3 < 4"))
                .isEqualTo("a\"b&c\u2019d\u2019e&unknown;\nf g 3 < 4");
    }
}
