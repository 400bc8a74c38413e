package org.tabale.ingest.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabale.model.CommunityReport;

class PseudonymiserTest {

    static final PseudonymKey KEY = PseudonymKey.of("test-pseudonym-key-0123456789abcdef");
    private final Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);

    private String phone(String number, String iso3) {
        return pseudonymiser.pseudonym(new Identity(null, number, null), iso3).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+223 76 12 34 56", "0022376123456", "+223-76-12-34-56", "(+223) 76.12.34.56",
            "76 12 34 56", "76123456", "076123456", "223 76 12 34 56"})
    void shouldGiveOnePseudonymWhenOneMalianNumberIsWrittenInAnyFormat(String written) {
        assertThat(phone(written, "MLI")).isEqualTo(phone("+22376123456", "MLI"));
    }

    @Property(tries = 200)
    void shouldGiveOnePseudonymForInternationalAndNationalFormsOfANumber(@ForAll @IntRange(min = 60_000_000,
            max = 99_999_999) int national) {
        String digits = String.valueOf(national);
        String spaced = digits.replaceAll("(\\d\\d)(?=\\d)", "$1 ");

        assertThat(phone(spaced, "BFA")).isEqualTo(phone("+226" + digits, null))
                .isEqualTo(phone("00226" + digits, "NER"));
    }

    @Test
    void shouldHashThePhoneWhateverNameOrAccountComesWithIt() {
        String byPhone = phone("+223 76 12 34 56", "MLI");

        assertThat(pseudonymiser.pseudonym(new Identity("Amadou Traoré", "76123456", "@amadou"), "MLI")).contains(byPhone);
        assertThat(pseudonymiser.pseudonym(new Identity("Someone Else", "76 12 34 56", null), "MLI")).contains(byPhone);
    }

    @Test
    void shouldFoldCaseAccentsPunctuationAndWordOrderOfNames() {
        String name = pseudonymiser.pseudonym(new Identity("Amadou Traoré", null, null), null).orElseThrow();

        assertThat(pseudonymiser.pseudonym(new Identity("  TRAORE,  amadou ", null, null), "MLI")).contains(name);
        assertThat(pseudonymiser.pseudonym(new Identity("Amadou Traore-Diallo", null, null), "MLI")).isNotEqualTo(
                java.util.Optional.of(name));
    }

    @Test
    void shouldFoldCaseAndLeadingAtOfAccounts() {
        String account = pseudonymiser.pseudonym(new Identity(null, null, "@Mopti_Watch"), null).orElseThrow();

        assertThat(pseudonymiser.pseudonym(new Identity(null, null, "mopti_watch"), null)).contains(account);
        assertThat(pseudonymiser.pseudonym(new Identity("Mopti Watch", null, null), null)).isNotEqualTo(
                java.util.Optional.of(account));
    }

    @Test
    void shouldGiveNoPseudonymWhenTheIdentityNamesNobody() {
        assertThat(pseudonymiser.pseudonym(Identity.NONE, "MLI")).isEmpty();
        assertThat(pseudonymiser.pseudonym(new Identity(" ", "n/a", ""), "MLI")).isEmpty();
    }

    @Test
    void shouldGiveOtherPseudonymsUnderAnotherKey() {
        Pseudonymiser other = new Pseudonymiser(PseudonymKey.of("another-pseudonym-key-0123456789abcdef"));
        Identity identity = new Identity(null, "+22376123456", null);

        assertThat(other.pseudonym(identity, "MLI")).isNotEqualTo(pseudonymiser.pseudonym(identity, "MLI"));
    }

    @Test
    void shouldShapePseudonymsAndIdsAsTheRecordsRequire() {
        String pseudonym = phone("+22376123456", "MLI");
        String id = pseudonymiser.reportId("radio-mopti", "sms-42");

        assertThat(pseudonym).matches(CommunityReport.PSEUDONYM).doesNotContain("76123456");
        assertThat(id).matches(CommunityReport.ID);
        assertThat(Pseudonymiser.randomReportId()).matches(CommunityReport.ID);
    }

    @Test
    void shouldDeriveTheSameReportIdForTheSameSourceAndExternalIdOnly() {
        String id = pseudonymiser.reportId("radio-mopti", "sms-42");

        assertThat(pseudonymiser.reportId("radio-mopti", " sms-42 ")).isEqualTo(id);
        assertThat(pseudonymiser.reportId("ushahidi", "sms-42")).isNotEqualTo(id);
        assertThat(pseudonymiser.reportId("radio-mopti", "sms-43")).isNotEqualTo(id);
        // the separator keeps ("a", "b:c") and ("a:b", "c") apart
        assertThat(pseudonymiser.reportId("a", "bc")).isNotEqualTo(pseudonymiser.reportId("ab", "c"));
    }

    @Test
    void shouldNeverRepeatARandomReportId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(Pseudonymiser.randomReportId());
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void shouldWithholdValuesWhenPrinted() {
        assertThat(new Identity("Amadou Traoré", "+22376123456", "amadou@example.org").toString())
                .doesNotContain("Amadou").doesNotContain("76").doesNotContain("example");
        assertThat(KEY.toString()).doesNotContain("0123456789");
    }
}
