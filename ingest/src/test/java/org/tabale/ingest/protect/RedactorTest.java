package org.tabale.ingest.protect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    @ParameterizedTest
    @ValueSource(strings = {"+223 76 12 34 56", "0022376123456", "76 12 34 56", "76.12.34.56", "76-12-34-56",
            "(+223) 76123456", "+223-76-12-34-56", "22376123456", "+1 (555) 010-9999", "76 12 34 56 78 90 12"})
    void shouldRedactAPhoneNumberWhenWrittenInAnyCommonFormat(String number) {
        String redacted = Redactor.redact("Call me on " + number + ", thanks.");

        assertThat(redacted).isEqualTo("Call me on [phone], thanks.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Attack on 2011-03-20 01:25:00 near the market",
            "On 20/03/2011 at dawn",
            "On 20.03.2011 at dawn",
            "at 32.374298 N, 15.09492 E",
            "a city of almost 750,000 people",
            "1 000 000 displaced",
            "the 0314 bulletin, 200km east",
            "tweet 49271061535133697 was deleted",
            "code ab12345678cd"})
    void shouldKeepDatesDecimalsFiguresAndLongIdsWhenTheyAreNotPhoneNumbers(String text) {
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void shouldLeaveTheBracketsOfASentenceAroundANumber() {
        assertThat(Redactor.redact("Awa (76 12 34 56) saw it")).isEqualTo("Awa ([phone]) saw it");
    }

    @Test
    void shouldRedactAPhoneNumberThatFollowsADate() {
        assertThat(Redactor.redact("2024-05-12 76 12 34 56")).isEqualTo("2024-05-12 [phone]");
    }

    /** Found by fuzzing: an unbounded regex repetition overflowed the stack on a few thousand digits. */
    @Test
    void shouldKeepALongRunOfDigitsAndStillRedactTheNumberAfterIt() {
        String run = "1 2 ".repeat(5_000);

        assertThat(Redactor.redact(run + "call 76 12 34 56")).isEqualTo(run + "call [phone]");
    }

    /** Found by fuzzing: a domain of a few thousand labels overflowed the stack. */
    @Test
    void shouldKeepALongDottedWordAndStillRedactTheAddressAfterIt() {
        String word = "a.".repeat(10_000);

        assertThat(Redactor.redact(word + " x@" + word + "1 or y@example.org")).isEqualTo(word + " x@" + word + "1 or [email]");
    }

    @Test
    void shouldRedactAnAddressThatFollowsAnotherWithoutASpace() {
        assertThat(Redactor.redact("a@b.org.x@c.org")).isEqualTo("[email][email]");
    }

    @Test
    void shouldRedactEmailAddressesAndHandles() {
        String text = "Write to amadou.traore+alerts@example.org or ping @mopti_watch (not a@b).";

        assertThat(Redactor.redact(text)).isEqualTo("Write to [email] or ping [account] (not a@b).");
    }

    @Test
    void shouldRemoveTheReportersOwnNameWhateverItsCaseAndAccents() {
        Identity reporter = new Identity("Amadou Traoré", null, null);

        String redacted = Redactor.redact("AMADOU TRAORE saw it; Traoré fled; Mr traore called Fatou.", reporter);

        assertThat(redacted).isEqualTo("[reporter] saw it; [reporter] fled; Mr [reporter] called Fatou.");
    }

    @Test
    void shouldRemoveTheReportersAccountAndNumberInAnotherFormat() {
        Identity reporter = new Identity(null, "+223 76 12 34 56", "Mopti_Watch");

        String redacted = Redactor.redact("mopti_watch here, reach me at 7612-3456 or @Mopti_Watch", reporter);

        assertThat(redacted).isEqualTo("[reporter] here, reach me at [phone] or [reporter]");
    }

    @Test
    void shouldRemoveAShortNumberOfTheReporterThatThePhoneRuleMisses() {
        Identity reporter = new Identity(null, "612 34 56", null);

        assertThat(Redactor.redact("my line is 612.34.56, or 6123456", reporter))
                .isEqualTo("my line is [reporter], or [reporter]");
        assertThat(Redactor.redact("my line is 612.34.56")).isEqualTo("my line is 612.34.56");
    }

    @Test
    void shouldKeepThirdPartyNamesWhichCannotBeDetected() {
        // Documented limit: names in free text are only removed when they are the reporter's own.
        assertThat(Redactor.redact("Moussa Keïta was wounded", new Identity("Amadou Traoré", null, null)))
                .isEqualTo("Moussa Keïta was wounded");
    }

    @Test
    void shouldNotMatchNamePartsInsideOtherWords() {
        assertThat(Redactor.redact("Mali and Somalia", new Identity("Ali Ag", null, null))).isEqualTo("Mali and Somalia");
    }

    @Test
    void shouldFoldOneCharacterForOne() {
        assertThat(Redactor.fold("ÉCOLE Ségou ǅ")).hasSize("ÉCOLE Ségou ǅ".length()).startsWith("ecole segou");
    }

    @Test
    void shouldRemoveOnlyTheWholeNameFromStructuredValues() {
        Identity reporter = new Identity("Mopti Traoré", null, null);

        assertThat(Redactor.redactValue("Mopti", reporter)).isEqualTo("Mopti");
        assertThat(Redactor.redactValue("MOPTI traore", reporter)).isEqualTo("[reporter]");
        assertThat(Redactor.redact("Mopti", reporter)).isEqualTo("[reporter]");
        assertThat(Redactor.redactValue("2024-05-12 14:30:00", reporter)).isEqualTo("2024-05-12 14:30:00");
    }
}
