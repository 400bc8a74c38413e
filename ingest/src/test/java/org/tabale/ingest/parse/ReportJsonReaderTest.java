package org.tabale.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tabale.ingest.parse.Reports.accepted;
import static org.tabale.ingest.parse.Reports.refused;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tabale.ingest.protect.Identity;
import org.tabale.model.CommunityReport;
import org.tabale.model.VerificationState;

class ReportJsonReaderTest {

    private static final String FULL = """
            {"id": "sms-42", "date": "2024-05-12", "extra": "Awa's cousin +22399887766",
             "place": {"country": "Mali", "admin1": "Ségou", "admin2": "Niono", "location": "Dogofry",
                       "latitude": 14.25173, "longitude": -5.98311},
             "category": ["attack", "livestock theft", "attack"], "title": "Village attacked",
             "description": "Armed men burned the granary. Call Awa Sangaré on 76 12 34 56 or awa@example.org",
             "dead": 3, "injured": "5", "civiliansTargeted": true, "verification": "Unverified",
             "reporter": {"name": "Awa Sangaré", "phone": "+223 76 12 34 56", "account": "@awa_s"}}
            """;

    @Test
    void shouldMapEveryFieldOfAFullReportWhenTheReporterIsNamed() {
        ReportOutcome.Accepted outcome = accepted(Reports.json(FULL, "radio-mopti", null).get(0));

        String pseudonym = Reports.PSEUDONYMISER.pseudonym(new Identity(null, "+22376123456", null), "MLI").orElseThrow();
        assertThat(outcome.report()).isEqualTo(new CommunityReport(
                Reports.PSEUDONYMISER.reportId("radio-mopti", "sms-42"), "radio-mopti", "report", "sms-42",
                LocalDate.of(2024, 5, 12), "MLI.Segou", "MLI", "Mali", "Ségou", "Niono", "Dogofry", 14.25173, -5.98311,
                List.of("attack", "livestock theft"), "Village attacked",
                "Armed men burned the granary. Call [reporter] on [phone] or [email]", 3, 5, true,
                VerificationState.UNVERIFIED, null, pseudonym, Reports.NOW));
    }

    @Test
    void shouldReadOneObjectAnArrayAndAFlatPlace() {
        String flat = """
                [{"date": "2024-05-01", "country": "MLI", "admin1": "Tombouctou", "category": "attack"},
                 {"date": "2024-05-02", "place": {"country": "Burkina Faso", "admin1": "Sahel"}, "title": "Shots"}]
                """;

        List<ReportOutcome> outcomes = Reports.json(flat, "report", null);

        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOf(ReportOutcome.Accepted.class));
        assertThat(accepted(outcomes.get(0)).report().regionId()).isEqualTo("MLI.Tombouctou");
        assertThat(accepted(outcomes.get(1)).report().regionId()).isEqualTo("BFA.Sahel");
        assertThat(accepted(outcomes.get(1)).report().reporter()).isNull();
        assertThat(Reports.json("{\"date\":\"2024-05-01\",\"place\":{\"admin1\":\"Gao\"},\"title\":\"t\"}", "report", "Mali"))
                .singleElement().satisfies(o -> assertThat(accepted(o).report().regionId()).isEqualTo("MLI.Gao"));
    }

    @Test
    void shouldGiveTheSameIdToAReSentReportAndARandomOneToAReportWithoutId() {
        String withId = "{\"id\": 7, \"date\": \"2024-05-01\", \"place\": {\"country\": \"MLI\", \"admin1\": \"Gao\"}, \"title\": \"t\"}";
        String withoutId = "{\"date\": \"2024-05-01\", \"place\": {\"country\": \"MLI\", \"admin1\": \"Gao\"}, \"title\": \"t\"}";

        assertThat(accepted(Reports.json(withId, "report", null).get(0)).report().id())
                .isEqualTo(accepted(Reports.json(withId, "report", null).get(0)).report().id());
        assertThat(accepted(Reports.json(withoutId, "report", null).get(0)).report().id())
                .isNotEqualTo(accepted(Reports.json(withoutId, "report", null).get(0)).report().id());
    }

    @Test
    void shouldTakeTheUtcDayOfATimestampWithOffset() {
        assertThat(ReportMapper.parseDate("2024-05-12T23:30:00-05:00")).contains(LocalDate.of(2024, 5, 13));
        assertThat(ReportMapper.parseDate("2024-05-12T23:30:00")).contains(LocalDate.of(2024, 5, 12));
        assertThat(ReportMapper.parseDate("2011-03-20 01:25:00")).contains(LocalDate.of(2011, 3, 20));
        assertThat(ReportMapper.parseDate("2024-05-12Tnoon")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"place\":{\"country\":\"MLI\",\"admin1\":\"Gao\"},\"title\":\"t\"}                    | date is missing",
            "{\"date\":\"someday\",\"place\":{\"country\":\"MLI\",\"admin1\":\"Gao\"},\"title\":\"t\"} | date 'someday' is not a date",
            "{\"date\":\"2024-06-30\",\"place\":{\"country\":\"MLI\",\"admin1\":\"Gao\"},\"title\":\"t\"} | date 2024-06-30 is in the future",
            "{\"date\":\"2024-05-01\",\"place\":{\"admin1\":\"Gao\"},\"title\":\"t\"}                    | place.country is missing",
            "{\"date\":\"2024-05-01\",\"place\":{\"country\":\"Atlantis\",\"admin1\":\"Gao\"},\"title\":\"t\"} | country 'Atlantis' is not one the gazetteer knows",
            "{\"date\":\"2024-05-01\",\"place\":{\"country\":\"MLI\"},\"title\":\"t\"}                   | place.admin1 is missing",
            "{\"date\":\"2024-05-01\",\"place\":{\"country\":\"MLI\",\"admin1\":\"Gao\",\"latitude\":16.2},\"title\":\"t\"} | latitude and longitude go together",
            "{\"date\":\"2024-05-01\",\"place\":{\"country\":\"MLI\",\"admin1\":\"Gao\",\"latitude\":96,\"longitude\":1},\"title\":\"t\"} | coordinates are not valid degrees (latitude -90 to 90",
            "{\"date\":\"2024-05-01\",\"place\":{\"country\":\"MLI\",\"admin1\":\"Gao\",\"latitude\":\"14.45678N\",\"longitude\":1},\"title\":\"t\"} | latitude is not a number of degrees",
            "{\"date\":\"2024-05-01\",\"place\":{\"country\":\"MLI\",\"admin1\":\"Gao\"}}                  | a report needs a category, a title or a description",
            "{\"date\":\"2024-05-01\",\"place\":{\"country\":\"MLI\",\"admin1\":\"Gao\"},\"title\":\"t\",\"dead\":-2} | dead '-2' is not a count >= 0",
            "{\"date\":\"2024-05-01\",\"place\":{\"country\":\"MLI\",\"admin1\":\"Gao\"},\"title\":\"t\",\"civiliansTargeted\":\"maybe\"} | civiliansTargeted 'maybe' is not yes or no",
            "{\"date\":\"2024-05-01\",\"place\":{\"country\":\"MLI\",\"admin1\":\"Gao\"},\"title\":\"t\",\"verification\":\"sure\"} | verification 'sure' is not one of unverified, verified, rejected",
            "{\"date\":\"2024-05-01\",\"place\":\"Gao\",\"title\":\"t\"}                                    | place must be an object",
            "{\"date\":[\"2024-05-01\"],\"place\":{\"country\":\"MLI\",\"admin1\":\"Gao\"},\"title\":\"t\"} | date must be a single value",
            "\"just a string\"                                                                           | expected a JSON report object"})
    void shouldRefuseARowNamingWhatIsWrong(String body, String reason) {
        if (body.startsWith("\"")) {
            assertThatThrownBy(() -> Reports.json(body, "report", null)).hasMessageContaining(reason);
            return;
        }
        assertThat(refused(Reports.json(body, "report", null).get(0)).reason()).contains(reason);
    }

    @Test
    void shouldAcceptACountryOutsideTheGazetteerByItsIsoCode() {
        String body = "{\"date\":\"2011-03-20\",\"place\":{\"country\":\"lby\",\"admin1\":\"Misrata\"},\"title\":\"t\"}";

        CommunityReport report = accepted(Reports.json(body, "report", null).get(0)).report();

        assertThat(report.regionId()).isEqualTo("LBY.Misrata");
        assertThat(report.iso3()).isEqualTo("LBY");
    }

    @Test
    void shouldKeepTheReporterOutOfTheProtectedOriginalOfARefusedRow() {
        String body = """
                [{"date": "someday", "description": "Kwamimbo Zerbo saw it, call 0022365432109",
                  "reporter": {"name": "Kwamimbo Zerbo", "phone": "65 43 21 09", "account": "k.zerbo@example.net"},
                  "informant_note": "Zerbo's wife +226 70 11 22 33"},
                 {"date": "2024-05-01", "reporter": "Kwamimbo Zerbo 70112233"},
                 "Kwamimbo Zerbo +22670112233"]
                """;

        List<ReportOutcome> outcomes = Reports.json(body, "report", "BFA");

        assertThat(outcomes).hasSize(3).allSatisfy(o -> assertThat(o).isInstanceOf(ReportOutcome.Refused.class));
        assertThat(refused(outcomes.get(1)).reason()).contains("reporter must be an object");
        assertThat(refused(outcomes.get(2)).reason()).isEqualTo("row is not a JSON object");
        for (ReportOutcome outcome : outcomes) {
            String original = outcome.row().original();
            assertThat(original + refused(outcome).reason()).doesNotContainIgnoringCase("kwamimbo")
                    .doesNotContainIgnoringCase("zerbo").doesNotContain("65 43").doesNotContain("65432109")
                    .doesNotContain("70112233").doesNotContain("70 11").doesNotContain("example.net");
        }
        assertThat(outcomes.get(0).row().original()).contains("\"date\":\"someday\"").contains("\"reporter\":\"inf-")
                .contains("[reporter] saw it, call [phone]").doesNotContain("informant_note");
    }

    @Test
    void shouldAnswerInvalidJsonByLineAndColumnWithoutQuotingIt() {
        assertThatThrownBy(() -> Reports.json("[{\"reporter\": Kwamimbo Zerbo}]", "report", null))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageStartingWith("body is not valid JSON (line 1, column")
                .hasMessageNotContaining("Kwamimbo");
    }
}
