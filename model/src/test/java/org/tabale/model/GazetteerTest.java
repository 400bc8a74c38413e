package org.tabale.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GazetteerTest {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    private static final Region MOPTI = new Region("MLI.Mopti", "MLI", "Mali", "Mopti", "ML05", "ML-5",
            2_509_703L, List.of(), true);
    private static final Region TOMBOUCTOU = new Region("MLI.Tombouctou", "MLI", "Mali", "Tombouctou", "ML06",
            "ML-6", 831_707L, List.of("Timbuktu", "Tombouctou"), true);
    private static final Region SEGOU = new Region("MLI.Segou", "MLI", "Mali", "Ségou", "ML04", "ML-4",
            2_882_102L, List.of("Segou"), true);
    private static final Region MENAKA = new Region("MLI.Menaka", "MLI", "Mali", "Ménaka", "ML10", "ML-9",
            null, List.of("Menaka"), true);
    private static final Region TAOUDENIT = new Region("MLI.Taoudenit", "MLI", "Mali", "Taoudénit", null, "ML-10",
            null, List.of("Taoudeni", "Taoudenni", "Taoudénit"), true);
    private static final Gazetteer.Country MALI = new Gazetteer.Country("MLI", "Mali", 466, 432,
            List.of("Republic of Mali", "République du Mali"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Tombouctou", "Timbuktu", "TIMBUKTU", "tombouctou", "  Timbuktu  "})
    void shouldResolveTombouctouWhenNamedByAnyAliasOrCase(String admin1) {
        // when
        Region region = GAZETTEER.region("MLI", "Mali", admin1);

        // then
        assertThat(region).isEqualTo(TOMBOUCTOU);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ségou", "Segou", "SEGOU", "SÉGOU", "ségou"})
    void shouldResolveSegouWhenAccentsAndCaseDiffer(String admin1) {
        assertThat(GAZETTEER.region("MLI", "Mali", admin1)).isEqualTo(SEGOU);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ménaka", "Menaka", "MENAKA"})
    void shouldResolveMenakaWhenAccentIsDropped(String admin1) {
        assertThat(GAZETTEER.region("MLI", "Mali", admin1)).isEqualTo(MENAKA);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Taoudénit", "Taoudenit", "Taoudeni", "Taoudenni", "TAOUDENI"})
    void shouldResolveTaoudenitWhenSpelledAnyKnownWay(String admin1) {
        assertThat(GAZETTEER.region("MLI", "Mali", admin1)).isEqualTo(TAOUDENIT);
    }

    @Test
    void shouldGiveUnknownRegionAnAccentFreeIdWhenAdmin1IsNotInGazetteer() {
        // when
        Region region = GAZETTEER.region("MLI", "Mali", " Dioïla ");

        // then
        assertThat(region).isEqualTo(new Region("MLI.Dioila", "MLI", "Mali", "Dioïla", null, null, null,
                List.of(), false));
    }

    @Test
    void shouldNameRegionUnknownWhenAdmin1IsBlank() {
        assertThat(GAZETTEER.region("MLI", "Mali", " ")).isEqualTo(
                new Region("MLI.Unknown", "MLI", "Mali", "Unknown", null, null, null, List.of(), false));
        assertThat(GAZETTEER.region("MLI", "Mali", null).id()).isEqualTo("MLI.Unknown");
    }

    @Test
    void shouldNotMatchMaliRegionWhenCountryDiffers() {
        // given a Burkina Faso row whose admin1 happens to carry a Malian region's name
        Region region = GAZETTEER.region("BFA", "Burkina Faso", "Mopti");

        // then
        assertThat(region.known()).isFalse();
        assertThat(region.id()).isEqualTo("BFA.Mopti");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MLI.Mopti       | MLI.Mopti
            mli.mopti       | MLI.Mopti
            MLI.Segou       | MLI.Segou
            MLI.Ségou       | MLI.Segou
            Mali/Ségou      | MLI.Segou
            mali / segou    | MLI.Segou
            MLI/Timbuktu    | MLI.Tombouctou
            466/Tombouctou  | MLI.Tombouctou
            Mali/Menaka     | MLI.Menaka
            République du Mali/Taoudeni | MLI.Taoudenit
            """)
    void shouldResolveAnalystQueryWhenGivenIdOrCountrySlashAdmin1(String query, String expectedId) {
        // when
        Optional<Region> region = GAZETTEER.lookup(query);

        // then
        assertThat(region).map(Region::id).contains(expectedId);
        assertThat(region).get().extracting(Region::known).isEqualTo(true);
    }

    @Test
    void shouldReturnWholeRegionWhenLookedUpById() {
        assertThat(GAZETTEER.lookup("MLI.Mopti")).contains(MOPTI);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "Mopti", "Atlantis/Gao", "Mali/Atlantis", "MLI.Atlantis", "BFA/Mopti"})
    void shouldFindNothingWhenQueryNamesNoKnownRegion(String query) {
        assertThat(GAZETTEER.lookup(query)).isEmpty();
    }

    @Test
    void shouldKnowPopulationOfMoptiButNotOfMenakaOrTaoudenit() {
        assertThat(GAZETTEER.region("MLI", "Mali", "Mopti").population()).isEqualTo(2_509_703L);
        assertThat(GAZETTEER.region("MLI", "Mali", "Ménaka").population()).isNull();
        assertThat(GAZETTEER.region("MLI", "Mali", "Taoudénit").population()).isNull();
    }

    @Test
    void shouldListElevenKnownMaliRegionsWhenBundled() {
        assertThat(GAZETTEER.knownRegions()).extracting(Region::id).containsExactlyInAnyOrder(
                "MLI.Bamako", "MLI.Gao", "MLI.Kayes", "MLI.Kidal", "MLI.Koulikoro", "MLI.Menaka", "MLI.Mopti",
                "MLI.Segou", "MLI.Sikasso", "MLI.Taoudenit", "MLI.Tombouctou");
        assertThat(GAZETTEER.knownRegions()).allMatch(Region::known);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Mali", "MALI", "mali", "MLI", "mli", "466", "Republic of Mali", "République du Mali",
            "Republique du Mali"})
    void shouldResolveMaliWhenGivenNameIso3OrIsoNumeric(String nameOrCode) {
        assertThat(GAZETTEER.country(nameOrCode)).contains(MALI);
    }

    @Test
    void shouldResolveMaliWhenGivenGleditschWardNumber() {
        assertThat(GAZETTEER.countryByGwno(432)).contains(MALI);
    }

    @Test
    void shouldResolveSahelNeighboursWhenGivenTheirCodes() {
        assertThat(GAZETTEER.country("854")).map(Gazetteer.Country::iso3).contains("BFA");
        assertThat(GAZETTEER.countryByGwno(439)).map(Gazetteer.Country::iso3).contains("BFA");
        assertThat(GAZETTEER.country("Burkina")).map(Gazetteer.Country::iso3).contains("BFA");
        assertThat(GAZETTEER.country("NER")).map(Gazetteer.Country::name).contains("Niger");
        assertThat(GAZETTEER.countryByGwno(436)).map(Gazetteer.Country::iso3).contains("NER");
    }

    @Test
    void shouldFindNoCountryWhenNameOrNumberIsUnknown() {
        assertThat(GAZETTEER.country("Atlantis")).isEmpty();
        assertThat(GAZETTEER.country(null)).isEmpty();
        // 432 is Mali's Gleditsch-Ward number, not its ISO numeric code
        assertThat(GAZETTEER.country("432")).isEmpty();
        assertThat(GAZETTEER.countryByGwno(466)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Ségou           | segou
            '  SÉGOU  '     | segou
            Taoudénit       | taoudenit
            'Nioro   du  Sahel' | nioro du sahel
            République du Mali | republique du mali
            """)
    void shouldFoldCaseAccentsAndSpaceWhenComparingNames(String name, String folded) {
        assertThat(Gazetteer.fold(name)).isEqualTo(folded);
    }
}
