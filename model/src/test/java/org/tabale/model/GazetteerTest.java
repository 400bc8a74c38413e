package org.tabale.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
        assertThat(GAZETTEER.knownRegions()).filteredOn(r -> r.iso3().equals("MLI")).extracting(Region::id)
                .containsExactlyInAnyOrder("MLI.Bamako", "MLI.Gao", "MLI.Kayes", "MLI.Kidal", "MLI.Koulikoro",
                        "MLI.Menaka", "MLI.Mopti", "MLI.Segou", "MLI.Sikasso", "MLI.Taoudenit", "MLI.Tombouctou");
        assertThat(GAZETTEER.knownRegions()).allMatch(Region::known);
    }

    @Test
    void shouldListEveryAdmin1OfBurkinaNigerMyanmarAndBangladeshWhenBundled() {
        // when
        Map<String, List<String>> ids = GAZETTEER.knownRegions().stream().collect(Collectors.groupingBy(
                Region::iso3, TreeMap::new, Collectors.mapping(Region::id, Collectors.toList())));

        // then
        assertThat(ids).containsOnlyKeys("BFA", "BGD", "MLI", "MMR", "NER");
        assertThat(ids.get("BFA")).containsExactlyInAnyOrder("BFA.Boucle du Mouhoun", "BFA.Cascades", "BFA.Centre",
                "BFA.Centre-Est", "BFA.Centre-Nord", "BFA.Centre-Ouest", "BFA.Centre-Sud", "BFA.Est",
                "BFA.Hauts-Bassins", "BFA.Nord", "BFA.Plateau-Central", "BFA.Sahel", "BFA.Sud-Ouest");
        assertThat(ids.get("NER")).containsExactlyInAnyOrder("NER.Agadez", "NER.Diffa", "NER.Dosso", "NER.Maradi",
                "NER.Niamey", "NER.Tahoua", "NER.Tillaberi", "NER.Zinder");
        assertThat(ids.get("MMR")).hasSize(15).contains("MMR.Bago", "MMR.Kayin", "MMR.Nay Pyi Taw", "MMR.Shan");
        assertThat(ids.get("BGD")).containsExactlyInAnyOrder("BGD.Barishal", "BGD.Chattogram", "BGD.Dhaka",
                "BGD.Khulna", "BGD.Mymensingh", "BGD.Rajshahi", "BGD.Rangpur", "BGD.Sylhet");
    }

    @Test
    void shouldGiveEveryKnownRegionAnIso3166CodeOfItsCountryAndAUniqueAccentFreeId() {
        // given the ISO 3166-1 alpha-2 prefix of each country's subdivision codes
        Map<String, String> alpha2 = Map.of("MLI", "ML-", "BFA", "BF-", "NER", "NE-", "MMR", "MM-", "BGD", "BD-");

        // then
        assertThat(GAZETTEER.knownRegions()).hasSize(55).allSatisfy(region -> {
            assertThat(region.iso3166_2()).startsWith(alpha2.get(region.iso3()));
            String accentFree = Normalizer.normalize(region.admin1(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            assertThat(region.id()).isEqualTo(region.iso3() + "." + accentFree).matches("[A-Z]{3}\\.[A-Za-z][A-Za-z -]*");
            assertThat(region.country()).isEqualTo(GAZETTEER.country(region.iso3()).orElseThrow().name());
        });
        assertThat(GAZETTEER.knownRegions()).extracting(Region::iso3166_2).doesNotHaveDuplicates();
        assertThat(GAZETTEER.knownRegions()).extracting(Region::pcode).filteredOn(Objects::nonNull)
                .doesNotHaveDuplicates().hasSize(52);
    }

    @Test
    void shouldHoldBurkinaRegionWithPcodeIsoCodeAndPopulationWhenLookedUp() {
        assertThat(GAZETTEER.lookup("BFA.Boucle du Mouhoun")).contains(new Region("BFA.Boucle du Mouhoun", "BFA",
                "Burkina Faso", "Boucle du Mouhoun", "BF46", "BF-01", 2_080_724L, List.of(), true));
        assertThat(GAZETTEER.lookup("Burkina Faso/Hauts Bassins")).contains(new Region("BFA.Hauts-Bassins", "BFA",
                "Burkina Faso", "Hauts-Bassins", "BF53", "BF-09", 2_510_498L, List.of("Hauts Bassins", "Haut-Bassins"),
                true));
    }

    @Test
    void shouldHoldNigerRegionWithoutPopulationWhenNoCensusTableIsBundled() {
        assertThat(GAZETTEER.lookup("Niger/Tillabery")).contains(new Region("NER.Tillaberi", "NER", "Niger",
                "Tillabéri", "NE006", "NE-6", null, List.of("Tillaberi", "Tillabery"), true));
        assertThat(GAZETTEER.knownRegions()).filteredOn(r -> r.iso3().equals("NER")).hasSize(8)
                .allSatisfy(r -> assertThat(r.population()).isNull());
    }

    @Test
    void shouldKnowEveryBurkinaPopulationFromTheInsd2023ProjectionWhenBundled() {
        // the sum of the 13 T_TL figures of bfa_admpop_adm1_2023, counted with python3's csv module
        assertThat(GAZETTEER.knownRegions()).filteredOn(r -> r.iso3().equals("BFA")).hasSize(13)
                .extracting(Region::population).doesNotContainNull()
                .satisfies(p -> assertThat(p.stream().mapToLong(Long::longValue).sum()).isEqualTo(22_868_915L));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(delimiter = '|', textBlock = """
            BFA | Boucle du Mouhoun | BFA.Boucle du Mouhoun
            BFA | BOUCLE DU MOUHOUN | BFA.Boucle du Mouhoun
            BFA | Hauts-Bassins     | BFA.Hauts-Bassins
            BFA | Plateau Central   | BFA.Plateau-Central
            BFA | Centre-Nord       | BFA.Centre-Nord
            BFA | centre nord       | BFA.Centre-Nord
            BFA | Sud-Ouest         | BFA.Sud-Ouest
            NER | Tillaberi         | NER.Tillaberi
            NER | Tillabery         | NER.Tillaberi
            NER | TILLABÉRI         | NER.Tillaberi
            NER | Agadès            | NER.Agadez
            MMR | Karen             | MMR.Kayin
            MMR | Bago-East         | MMR.Bago
            MMR | Shan (North)      | MMR.Shan
            MMR | Magwe             | MMR.Magway
            BGD | Chittagong        | BGD.Chattogram
            BGD | Barisal           | BGD.Barishal
            """)
    void shouldResolveRegionWhenFeedsSpellItTheirWay(String iso3, String admin1, String expectedId) {
        // when
        Region region = GAZETTEER.region(iso3, "ignored", admin1);

        // then
        assertThat(region.id()).isEqualTo(expectedId);
        assertThat(region.known()).isTrue();
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

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Democratic Republic of Congo  | COD
            DR Congo (Zaire)              | COD
            Republic of Congo             | COG
            Ivory Coast                   | CIV
            Cote d'Ivoire                 | CIV
            Swaziland                     | SWZ
            eSwatini                      | SWZ
            Myanmar (Burma)               | MMR
            Turkey                        | TUR
            Russia                        | RUS
            Palestine                     | PSE
            Curacao                       | CUW
            Kosovo                        | XKX
            XKX                           | XKX
            Bolivia                       | BOL
            068                           | BOL
            68                            | BOL
            104                           | MMR
            050                           | BGD
            """)
    void shouldResolveCountryWhenAcledOrUcdpSpellItTheirWay(String nameOrCode, String iso3) {
        assertThat(GAZETTEER.country(nameOrCode)).map(Gazetteer.Country::iso3).contains(iso3);
    }

    @ParameterizedTest(name = "GW {0} -> {1}")
    @CsvSource(textBlock = """
            490, COD
            484, COG
            437, CIV
            572, SWZ
            615, DZA
            520, SOM
            775, MMR
            771, BGD
            """)
    void shouldResolveCountryWhenGivenGleditschWardNumberSeenInFeeds(int gwno, String iso3) {
        assertThat(GAZETTEER.countryByGwno(gwno)).map(Gazetteer.Country::iso3).contains(iso3);
    }

    @Test
    void shouldHoldExactlyTheJdkIsoCountriesPlusKosovoWhenBundled() {
        // given the JDK's own ISO 3166-1 alpha-3 list, an independent source for the codes
        Set<String> jdk = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

        // then
        assertThat(GAZETTEER.knownCountries()).extracting(Gazetteer.Country::iso3)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Stream.concat(jdk.stream(), Stream.of("XKX")).toList());
        assertThat(GAZETTEER.knownCountries()).filteredOn(c -> !c.iso3().equals("XKX"))
                .allSatisfy(c -> assertThat(c.isoNumeric()).isBetween(1, 999))
                .extracting(Gazetteer.Country::isoNumeric).doesNotHaveDuplicates();
        assertThat(GAZETTEER.knownCountries()).extracting(Gazetteer.Country::gwno).filteredOn(Objects::nonNull)
                .hasSize(51).doesNotHaveDuplicates();
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
