package org.tabale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tabale.ingest.parse.ReportOutcome;
import org.tabale.ingest.parse.Reports;
import org.tabale.ingest.parse.TextDecoder;
import org.tabale.model.CommunityReport;
import org.tabale.model.Gazetteer;
import org.tabale.model.VerificationState;
import org.tabale.testkit.SharedFeeds;

/**
 * Reads the real Ushahidi v2 export kept outside the repository ({@code shared/data/feeds/
 * ushahidi_libya_2011}: 6 reports of the 2011 Libya Crisis Map). Skipped, not passed, where it is
 * absent. The expected figures were counted independently of this code (Python's csv module).
 */
@Timeout(30)
@SharedFeeds.Required
class RealUshahidiTest {

    private static final String EXPORT = "ushahidi_libya_2011/ushahidi-report-test.csv";
    private static String csv;

    @BeforeAll
    static void read() throws IOException {
        csv = TextDecoder.decode(Files.readAllBytes(SharedFeeds.file(EXPORT)));
    }

    private static List<CommunityReport> reports() {
        return Reports.ushahidi(csv, "LBY").stream().map(o -> Reports.accepted(o).report()).toList();
    }

    @Test
    void shouldAcceptAllSixReportsWhenTheCountryIsGiven() {
        List<CommunityReport> reports = reports();

        assertThat(reports).extracting(CommunityReport::externalId)
                .containsExactly("1258", "1257", "1256", "1255", "1254", "1253");
        assertThat(reports).extracting(CommunityReport::id).doesNotHaveDuplicates();
        assertThat(reports).extracting(CommunityReport::date).containsOnly(LocalDate.of(2011, 3, 20));
        // Libya is outside the gazetteer: accepted by its code, in the country's Unknown region
        assertThat(reports).extracting(CommunityReport::regionId).containsOnly("LBY.Unknown");
        assertThat(reports).extracting(CommunityReport::reporter).containsOnlyNulls();
    }

    @Test
    void shouldKeepFullPrecisionCoordinates() {
        assertThat(reports()).extracting(CommunityReport::latitude)
                .containsExactly(32.374298, 32.116667, 32.329923, 32.110124, 32.355159, 32.844737);
        assertThat(reports().get(5).longitude()).isEqualTo(13.30917);
    }

    @Test
    void shouldSplitCategoryListsWithTheirTrailingSeparator() {
        Map<String, Long> categories = reports().stream().flatMap(r -> r.categories().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(categories).containsExactlyInAnyOrderEntriesOf(Map.of("Geo-Located", 6L, "Media News", 5L,
                "Air Strike", 4L, "Dead", 3L, "Other Violence", 1L, "Armed Attack", 1L, "Twitter", 1L));
        assertThat(reports().get(0).categories()).containsExactly("Geo-Located", "Air Strike", "Dead", "Media News");
    }

    @Test
    void shouldReadApprovedAndVerifiedApart() {
        List<CommunityReport> reports = reports();

        assertThat(reports).filteredOn(r -> r.verification() == VerificationState.VERIFIED)
                .extracting(CommunityReport::externalId).containsExactly("1253");
        assertThat(reports).filteredOn(r -> !r.sourceApproved()).extracting(CommunityReport::externalId)
                .containsExactly("1253");
    }

    @Test
    void shouldDecodeEntitiesKeepCurlyQuotesAndLineBreaks() {
        List<CommunityReport> reports = reports();

        assertThat(reports).extracting(CommunityReport::description).noneMatch(d -> d.contains("&quot;"));
        assertThat(reports.get(1).description()).contains("says: \"The ICRC is deeply worried").contains("\n0214:");
        assertThat(reports.get(3).description()).contains("\u201CNow we hope America teaches us how to be democracies,\u201D");
        assertThat(reports.get(5).description().lines().count()).isEqualTo(22);
    }

    @Test
    void shouldRedactTheTwitterHandlesAndNothingElse() {
        List<CommunityReport> reports = reports();

        assertThat(reports.get(5).description()).doesNotContain("@libyansrevolt").doesNotContain("@OnlyOneLibya")
                .contains("#Tripoli").contains("32.87 N, 13.35 E");
        assertThat(reports.get(5).description().split("\\[account]", -1)).hasSize(6);
        assertThat(reports).extracting(CommunityReport::description).noneMatch(d -> d.contains("[phone]"));
        assertThat(reports.subList(0, 5)).extracting(CommunityReport::description).noneMatch(d -> d.contains("["));
    }

    @Test
    void shouldTakeTheCountryFromLocationOnlyWhenTheGazetteerKnowsIt() {
        List<ReportOutcome> outcomes = Reports.ushahidi(csv, null);

        assertThat(outcomes).hasSize(6);
        if (Gazetteer.bundled().country("Libya").isEmpty()) {
            // every LOCATION but the last ends with "Libya"; none names a country the gazetteer knows
            assertThat(outcomes).allSatisfy(o -> assertThat(Reports.refused(o).reason()).contains("?country="));
        } else {
            assertThat(outcomes.subList(0, 5)).allSatisfy(o -> assertThat(Reports.accepted(o).report().iso3())
                    .isEqualTo("LBY"));
        }
    }
}
